package io.smtpverdict.input;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.ClassifyContext;
import io.smtpverdict.core.MtaDecision;
import io.smtpverdict.spi.Grammar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the line formats and pulls the reply (and recipient, relay, queue id, time) out of one line. */
final class LineFormats {
    /** Where events of no known shape keep the reply, tried in order without {@code --field}. */
    static final List<String> DEFAULT_JSON_FIELDS =
            List.of("/raw_reason", "/msys/message_event/raw_reason", "/reason", "/response", "/diag", "/message");

    static final List<String> JSON_RECIPIENT_FIELDS =
            List.of("/rcpt_to", "/recipient", "/email", "/Email", "/Recipient", "/msg/email");

    private static final Pattern DIAGNOSTIC_CODE =
            Pattern.compile("^\\s*Diagnostic-Code\\s*:\\s*(?:([A-Za-z][A-Za-z0-9-]*)\\s*;)?\\s*(.*)$",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern DSN_FIELD = Pattern.compile(
            "^(Reporting-MTA|Received-From-MTA|Arrival-Date|Original-Envelope-Id|DSN-Gateway|Final-Recipient"
                    + "|Original-Recipient|Action|Status|Remote-MTA|Last-Attempt-Date|Final-Log-ID|Will-Retry-Until"
                    + "|X-[A-Za-z0-9-]+)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);

    /**
     * A {@code Diagnostic-Code:} after another DSN field on the same line: a report's fields joined into one line, read
     * as a whole text (the classifier finds the reply in it), not skipped as the first field alone.
     */
    private static final Pattern FOLDED_DIAGNOSTIC = Pattern.compile("\\sDiagnostic-Code\\s*:", Pattern.CASE_INSENSITIVE);

    private static final Pattern SYSLOG_POSTFIX = Pattern.compile("\\bpostfix[\\w/-]*\\[\\d+\\]:");

    private static final Pattern QUEUE_ID = Pattern.compile("(?:^|\\s)([0-9A-Za-z]{5,20}):\\s+(?:to|from)=<");

    /** A DSN-style type prefix on a diagnostic: {@code smtp;550 ...} as PowerMTA's dsnDiag writes it. */
    private static final Pattern TYPE_PREFIX = Pattern.compile("^\\s*(?:smtp|x-[A-Za-z0-9-]+|dns)\\s*;\\s*",
            Pattern.CASE_INSENSITIVE);

    /** Jackson, created on first use: most runs read plain lines and should not pay its start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static ObjectMapper json() {
        return Json.MAPPER;
    }

    private LineFormats() {
    }

    /** The format one line of {@code auto} input is in. */
    static InputFormat detect(String line) {
        if (looksLikeJson(line)) {
            return InputFormat.JSONL;
        }
        if (isDiagnosticCode(line)
                || mayBeField(line) && isReportField(line) && !FOLDED_DIAGNOSTIC.matcher(line).find()) {
            return InputFormat.DSN;
        }
        if (line.contains("postfix") && SYSLOG_POSTFIX.matcher(line).find()
                || line.contains(" status=") && (line.contains("to=<") || line.contains("status=expired")
                        || line.contains("status=force-expired"))) {
            return InputFormat.POSTFIX;
        }
        if (MtaLogs.isOpenSmtpd(line)) {
            // before Sendmail's test: OpenSMTPD's delivery lines have "to=" and " stat=" too
            return InputFormat.OPENSMTPD;
        }
        if (line.contains(" stat=") && line.contains("to=")) {
            return InputFormat.SENDMAIL;
        }
        if (MtaLogs.isExim(line)) {
            return InputFormat.EXIM;
        }
        if (MtaLogs.isQmail(line)) {
            return InputFormat.QMAIL;
        }
        return InputFormat.RAW;
    }

    /**
     * A cheap test before the field regex: a name of letters, digits and dashes, then a colon (white space may come
     * before it), early in the line. A reply such as {@code 550 5.1.1 ...} fails at its first space.
     */
    static boolean mayBeField(String line) {
        int n = Math.min(line.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                int j = i;
                while (j < line.length() && (line.charAt(j) == ' ' || line.charAt(j) == '\t')) {
                    j++;
                }
                return i > 1 && j < line.length() && line.charAt(j) == ':';
            }
            if (c == ':') {
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
     * Whether a line that starts like a non-final line of a multi-line reply ({@code 550-...}) also holds that
     * reply's final line: the code followed by a space or its end after a space, as a log or a pasted report writes a
     * whole multi-line reply on one line ({@code 550-5.1.1 The email account ... 550 5.1.1 https://...}). Such a
     * line is a reply of its own, and the next line is not part of it.
     */
    static boolean holdsFinalLine(String line) {
        String code = line.substring(0, 3);
        for (int at = line.indexOf(code, 4); at > 0; at = line.indexOf(code, at + 3)) {
            int end = at + 3;
            if (line.charAt(at - 1) == ' ' && (end == line.length() || line.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
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

    /**
     * The reply inside a {@code Diagnostic-Code:} field (folded lines joined), without its type, except when all that
     * follows the type is a number: Sendmail's {@code X-Unix; 67} is a delivery program's exit status, which means
     * something only with its type.
     */
    static String diagnosticReply(String field) {
        Matcher m = DIAGNOSTIC_CODE.matcher(field);
        if (!m.matches()) {
            return field.strip();
        }
        String value = m.group(2).strip();
        return m.group(1) != null && isExitStatus(value) ? m.group(1) + "; " + value : value;
    }

    private static boolean isExitStatus(String value) {
        if (value.isEmpty() || value.length() > 3) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the line is a report field: a Status field only with the status code RFC 3464 §2.3.4 gives it, an Action
     * field only with one of the words of §2.3.3 ({@link Events#dsnAction}), so that an application's "Status: Accepted
     * -> Deferred. ... (421 ...)" is read as the text it is, not skipped as a field.
     */
    private static boolean isReportField(String line) {
        return dsnField(line).filter(f -> switch (f.getKey()) {
            case "status" -> isStatusValue(f.getValue());
            case "action" -> Events.dsnAction(f.getValue().split("[^A-Za-z]", 2)[0]).isPresent();
            default -> true;
        }).isPresent();
    }

    /** A Status field's value as RFC 3464 §2.3.4 gives it: an RFC 3463 status code, then a comment if any. */
    private static boolean isStatusValue(String value) {
        int end = Grammar.enhancedCodeEnd(value, 0);
        return end == value.length() || end > 0 && Character.isWhitespace(value.charAt(end));
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

    /** A diagnostic without a leading {@code smtp;} type, kept when only an exit status follows it ({@code X-Unix; 67}). */
    static String stripDiagnosticType(String value) {
        String stripped = TYPE_PREFIX.matcher(value).replaceFirst("");
        return isExitStatus(stripped.strip()) ? value : stripped;
    }

    /**
     * A Postfix delivery line ({@code smtp}, {@code lmtp}, {@code local}, {@code virtual}, {@code error}, or
     * {@code qmgr} for {@code status=expired} and {@code status=force-expired}): the reply in the parentheses after {@code status=...}, with
     * recipient, relay, queue id, time, {@code dsn=} and the status word; empty when the line has no
     * {@code status=}. The status word is the MTA's decision (Postfix src/global/log_adhoc.c writes
     * {@code to=, relay=, delay=, delays=, dsn=, status=}).
     */
    static Optional<Extracted> postfix(String line) {
        int s = line.startsWith("status=") ? 0 : line.indexOf(" status=");
        if (s < 0) {
            return Optional.empty();
        }
        int wordStart = line.indexOf('=', s) + 1;
        int wordEnd = wordStart;
        // letters and hyphens: qmgr's "force-expired" (postsuper -e) is one word
        while (wordEnd < line.length() && (Character.isLetter(line.charAt(wordEnd)) || line.charAt(wordEnd) == '-')) {
            wordEnd++;
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "postfix");
        String head = line.substring(0, s);
        MtaLogs.syslogTime(line).ifPresent(t -> context.put("time", t));
        int to = head.indexOf("to=<");
        if (to >= 0) {
            int close = head.indexOf('>', to);
            context.put("recipient", head.substring(to + 4, close < 0 ? head.length() : close));
        }
        MtaLogs.field(head, "relay=").ifPresent(v -> context.put("relay", v));
        Matcher queue = QUEUE_ID.matcher(head);
        if (queue.find()) {
            context.put("queueId", queue.group(1));
        }
        Optional<String> dsn = MtaLogs.field(head, "dsn=");
        dsn.ifPresent(v -> context.put("dsn", v));
        String word = line.substring(wordStart, wordEnd);
        context.put("logStatus", word);
        Optional<MtaDecision> decision = postfixDecision(word);
        ClassifyContext mta = MtaLogs.context(decision, dsn, "Postfix status=" + word);
        int open = line.indexOf('(', wordEnd);
        if (open < 0 || !line.substring(wordEnd, open).isBlank()) {
            if (decision.orElse(null) == MtaDecision.EXPIRED) {
                // qmgr's expiry line carries no reply: the decision alone is the evidence
                return Optional.of(new Extracted(Optional.of(""), context, mta, Optional.empty()));
            }
            return Optional.of(new Extracted(Optional.empty(), context, mta,
                    Optional.of("no reply text in parentheses after status=" + word)));
        }
        int close = line.lastIndexOf(')');
        String reply = close > open ? line.substring(open + 1, close) : line.substring(open + 1);
        return Optional.of(new Extracted(Optional.of(reply.strip()), context, mta, Optional.empty()));
    }

    /**
     * What a line of an MTA's log says, read in {@code format} (Postfix, Exim, Sendmail, qmail or OpenSMTPD): its reply and context,
     * or why it holds none; empty when the line is not a delivery line of that log, or the format is no MTA log.
     */
    static Optional<Extracted> logLine(InputFormat format, String line) {
        switch (format) {
            case POSTFIX:
                return postfix(line);
            case EXIM:
                return MtaLogs.exim(line);
            case SENDMAIL:
                return MtaLogs.sendmail(line);
            case QMAIL:
                return MtaLogs.qmail(line);
            case OPENSMTPD:
                return MtaLogs.openSmtpd(line);
            default:
                return Optional.empty();
        }
    }

    /**
     * The delivery line of a Postfix, Exim, Sendmail, qmail or OpenSMTPD log that a JSON event's field holds (a log
     * shipper's {@code MESSAGE}, say), read as the line itself would be: its reply, recipient and the MTA's decision. Empty
     * when the text is no such line, or one without a reply to classify (which the field's text then is, as given).
     */
    static Optional<Extracted> deliveryLine(String text) {
        if (text.indexOf('\n') >= 0) {
            return Optional.empty();
        }
        return logLine(detect(text), text).filter(e -> e.reply().isPresent());
    }

    /** Postfix's status words (src/global/log_adhoc.c and the delivery agents' callers) as decisions. */
    static Optional<MtaDecision> postfixDecision(String word) {
        switch (word) {
            case "sent":
            case "deliverable":
                return Optional.of(MtaDecision.DELIVERED);
            case "deferred":
            // src/global/bounce.c: with soft_bounce=yes a bounce is logged "SOFTBOUNCE" and the message stays queued
            case "SOFTBOUNCE":
                return Optional.of(MtaDecision.DEFERRED);
            case "bounced":
            case "undeliverable":
                return Optional.of(MtaDecision.FAILED);
            case "expired":
            // qmgr_active.c: a message an operator expired with postsuper -e is returned the same way
            case "force-expired":
                return Optional.of(MtaDecision.EXPIRED);
            default:
                return Optional.empty();
        }
    }

    /**
     * The replies in one line of JSON: one per object (one per recipient for an Amazon SES bounce), one per element
     * when the line is an array.
     *
     * @param fields the JSON pointers given with {@code --field}, tried in order; empty to recognise the event
     */
    static List<Extracted> json(String line, List<JsonPointer> fields) {
        JsonNode root;
        try {
            root = json().readTree(line);
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
            root.forEach(element -> out.addAll(Events.extract(element, fields)));
        } else {
            out.addAll(Events.extract(root, fields));
        }
        return out;
    }

    /** The value of a JSON node as text, if it is a scalar. */
    static Optional<String> text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isContainerNode() ? Optional.empty()
                : Optional.of(node.asText());
    }

    /**
     * What one line (or one recipient of an event) gave: a reply with its context, or an error, or why it holds no
     * reply.
     *
     * @param reply the reply text
     * @param context recipient, relay, queue id, time, log status
     * @param mta what the MTA or ESP decided
     * @param error why there is no reply
     * @param skipped why a recognised line or event holds no reply to classify
     */
    record Extracted(Optional<String> reply, Map<String, String> context, ClassifyContext mta, Optional<String> error,
            Optional<String> skipped) {
        Extracted(Optional<String> reply, Map<String, String> context, ClassifyContext mta, Optional<String> error) {
            this(reply, context, mta, error, Optional.empty());
        }

        static Extracted error(String why) {
            return new Extracted(Optional.empty(), Map.of(), ClassifyContext.NONE, Optional.of(why));
        }

        static Extracted skipped(Map<String, String> context, String why) {
            return new Extracted(Optional.empty(), context, ClassifyContext.NONE, Optional.empty(), Optional.of(why));
        }

        static Extracted reply(String reply, Map<String, String> context, ClassifyContext mta) {
            return new Extracted(Optional.of(reply), context, mta, Optional.empty());
        }

        /** The record this gives at a place in the input. */
        InputRecord record(InputRecord.Origin at, String text, Optional<String> warning) {
            if (reply.isPresent()) {
                return InputRecord.reply(at, text, reply.get(), context, mta, warning);
            }
            if (skipped.isPresent()) {
                return InputRecord.skipped(at, text, context, skipped.get());
            }
            return new InputRecord(at.source(), at.position(), at.number(), at.lines(), at.index(),
                    InputRecord.echo(text), Optional.empty(), context, mta, error, warning, Optional.empty());
        }
    }
}
