package io.smtpverdict.cli;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the line formats and pulls the reply (and recipient, relay, queue id) out of one line. */
final class LineFormats {
    /** Where SparkPost / Momentum webhooks and event logs keep the reply, tried in order without {@code --field}. */
    static final List<String> DEFAULT_JSON_FIELDS =
            List.of("/raw_reason", "/msys/message_event/raw_reason", "/reason", "/msys/message_event/reason");

    private static final List<String> JSON_RECIPIENT_FIELDS =
            List.of("/rcpt_to", "/msys/message_event/rcpt_to", "/recipient");

    private static final Pattern DIAGNOSTIC_CODE =
            Pattern.compile("^\\s*Diagnostic-Code\\s*:\\s*(?:([A-Za-z][A-Za-z0-9-]*)\\s*;)?\\s*(.*)$",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern DSN_FIELD = Pattern.compile(
            "^(Reporting-MTA|Received-From-MTA|Arrival-Date|Original-Envelope-Id|DSN-Gateway|Final-Recipient"
                    + "|Original-Recipient|Action|Status|Remote-MTA|Last-Attempt-Date|Final-Log-ID|Will-Retry-Until"
                    + "|X-[A-Za-z0-9-]+)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SYSLOG_POSTFIX = Pattern.compile("\\bpostfix[\\w/-]*\\[\\d+\\]:");

    private static final Pattern QUEUE_ID = Pattern.compile("(?:^|\\s)([0-9A-Za-z]{5,20}):\\s+to=<");

    /** A DSN-style type prefix on a diagnostic: {@code smtp;550 ...} as PowerMTA's dsnDiag writes it. */
    private static final Pattern TYPE_PREFIX = Pattern.compile("^\\s*(?:smtp|x-[A-Za-z0-9-]+|dns)\\s*;\\s*",
            Pattern.CASE_INSENSITIVE);

    static final ObjectMapper JSON = new ObjectMapper();

    private LineFormats() {
    }

    /** The format one line of {@code auto} input is in. */
    static InputFormat detect(String line) {
        if (looksLikeJson(line)) {
            return InputFormat.JSONL;
        }
        if (isDiagnosticCode(line) || mayBeField(line) && DSN_FIELD.matcher(line).matches()) {
            return InputFormat.DSN;
        }
        if (line.contains("postfix") && SYSLOG_POSTFIX.matcher(line).find()
                || line.contains(" status=") && line.contains("to=<")) {
            return InputFormat.POSTFIX;
        }
        return InputFormat.RAW;
    }

    /** A cheap test before the field regex: a name of letters, digits and dashes, then a colon, early in the line. */
    private static boolean mayBeField(String line) {
        int n = Math.min(line.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ':' || c == ' ' || c == '\t') {
                return i > 1;
            }
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return false;
    }

    /** Whether a line starts like a line of a multi-line reply that is not the last: {@code 550-...}. */
    static boolean mayBeContinuation(String line) {
        return line.length() >= 4 && line.charAt(0) >= '2' && line.charAt(0) <= '5' && Character.isDigit(line.charAt(1))
                && Character.isDigit(line.charAt(2)) && line.charAt(3) == '-';
    }

    /**
     * Whether a line starts like a JSON object or an array of values: {@code {"} or {@code [{}. Text such as
     * Momentum's {@code [internal] no banner} or {@code [#4.16.5]} is a reply, not JSON.
     */
    static boolean looksLikeJson(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i == line.length() || line.charAt(i) != '{' && line.charAt(i) != '[') {
            return false;
        }
        char open = line.charAt(i++);
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i == line.length()) {
            return false;
        }
        char next = line.charAt(i);
        return open == '{' ? next == '"' || next == '}' : next == '{' || next == '[' || next == '"' || next == ']';
    }

    /** Whether the line is a {@code Diagnostic-Code:} field. */
    static boolean isDiagnosticCode(String line) {
        return line.stripLeading().regionMatches(true, 0, "Diagnostic-Code", 0, 15)
                && DIAGNOSTIC_CODE.matcher(line).matches();
    }

    /** The reply inside a {@code Diagnostic-Code:} field (folded lines joined), without its type. */
    static String diagnosticReply(String field) {
        Matcher m = DIAGNOSTIC_CODE.matcher(field);
        return m.matches() ? m.group(2).strip() : field.strip();
    }

    /** A DSN field other than Diagnostic-Code: its name (lower case) and value, if the line is one. */
    static Optional<Map.Entry<String, String>> dsnField(String line) {
        Matcher m = DSN_FIELD.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip()));
    }

    /** The value of a DSN address or MTA field without its type: {@code rfc822; a@b.example} gives the address. */
    static String withoutType(String value) {
        int semi = value.indexOf(';');
        return semi < 0 ? value.strip() : value.substring(semi + 1).strip();
    }

    /** A diagnostic without a leading {@code smtp;} type. */
    static String stripDiagnosticType(String value) {
        return TYPE_PREFIX.matcher(value).replaceFirst("");
    }

    /**
     * A Postfix delivery line: the reply in the parentheses after {@code status=...}, with recipient, relay,
     * queue id and the status word as context; empty when the line has no {@code status=}.
     */
    static Optional<Extracted> postfix(String line) {
        int s = line.startsWith("status=") ? 0 : line.indexOf(" status=");
        if (s < 0) {
            return Optional.empty();
        }
        int wordStart = line.indexOf('=', s) + 1;
        int wordEnd = wordStart;
        while (wordEnd < line.length() && Character.isLetter(line.charAt(wordEnd))) {
            wordEnd++;
        }
        Map<String, String> context = new LinkedHashMap<>();
        String head = line.substring(0, s);
        int to = head.indexOf("to=<");
        if (to >= 0) {
            int close = head.indexOf('>', to);
            context.put("recipient", head.substring(to + 4, close < 0 ? head.length() : close));
        }
        int relay = head.indexOf("relay=");
        if (relay >= 0) {
            int end = relay + 6;
            while (end < head.length() && head.charAt(end) != ',' && !Character.isWhitespace(head.charAt(end))) {
                end++;
            }
            context.put("relay", head.substring(relay + 6, end));
        }
        Matcher queue = QUEUE_ID.matcher(head);
        if (queue.find()) {
            context.put("queueId", queue.group(1));
        }
        context.put("logStatus", line.substring(wordStart, wordEnd));
        int open = line.indexOf('(', wordEnd);
        if (open < 0 || !line.substring(wordEnd, open).isBlank()) {
            return Optional.of(new Extracted(Optional.empty(), context,
                    Optional.of("no reply text in parentheses after status=" + context.get("logStatus"))));
        }
        int close = line.lastIndexOf(')');
        String reply = close > open ? line.substring(open + 1, close) : line.substring(open + 1);
        return Optional.of(new Extracted(Optional.of(reply.strip()), context, Optional.empty()));
    }

    /**
     * The replies in one line of JSON: one per object, one per element when the line is an array.
     *
     * @param field the JSON pointer given with {@code --field}, or empty to try {@link #DEFAULT_JSON_FIELDS}
     */
    static List<Extracted> json(String line, Optional<JsonPointer> field) {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return List.of(Extracted.error("invalid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return List.of(Extracted.error("invalid JSON: no value"));
        }
        List<Extracted> out = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                return List.of(Extracted.error("empty JSON array"));
            }
            root.forEach(element -> out.add(jsonValue(element, field)));
        } else {
            out.add(jsonValue(root, field));
        }
        return out;
    }

    private static Extracted jsonValue(JsonNode node, Optional<JsonPointer> field) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String pointer : JSON_RECIPIENT_FIELDS) {
            JsonNode r = node.at(pointer);
            if (r.isTextual()) {
                context.put("recipient", r.asText());
                break;
            }
        }
        if (field.isPresent()) {
            JsonNode v = node.at(field.get());
            if (v.isMissingNode() || v.isNull()) {
                return Extracted.error("no value at " + field.get());
            }
            if (v.isContainerNode()) {
                return Extracted.error("the value at " + field.get() + " is not text");
            }
            return new Extracted(Optional.of(v.asText()), context, Optional.empty());
        }
        for (String pointer : DEFAULT_JSON_FIELDS) {
            JsonNode v = node.at(pointer);
            if (v.isTextual()) {
                return new Extracted(Optional.of(v.asText()), context, Optional.empty());
            }
        }
        return Extracted.error("no reply field found (tried " + String.join(", ", DEFAULT_JSON_FIELDS)
                + "); name it with --field");
    }

    /**
     * What one line gave: a reply with its context, or an error.
     *
     * @param reply the reply text
     * @param context recipient, relay, queue id, log status
     * @param error why there is no reply
     */
    record Extracted(Optional<String> reply, Map<String, String> context, Optional<String> error) {
        static Extracted error(String why) {
            return new Extracted(Optional.empty(), Map.of(), Optional.of(why));
        }
    }
}
