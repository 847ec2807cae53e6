package io.smtpverdict.input.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human-readable notice of a bounce: which recipients it names and the text that goes with each.
 *
 * <p>MTAs that send no RFC 3464 report write one paragraph (or indented block) per failed recipient, starting
 * with the address: qmail-send writes {@code <address>:} and the remote reply under it; Exim lists each address
 * indented, its error indented further; Sendmail lists {@code <address>} then {@code (reason: ...)}, or
 * {@code address... User unknown}; Exchange and Microsoft 365 list the address, then explain under
 * "Diagnostic information for administrators" with {@code Remote Server returned '...'}; Gmail lists the
 * address, then "Technical details of permanent failure". So a recipient is an address that starts a line (or
 * follows a short label such as {@code RCPT TO:}), and its text is its block and the blocks that follow until
 * the next such address. A Sendmail "Transcript of session follows" section is read by its own layout (see
 * {@link SendmailTranscript}). A returned copy of the message (after "Below this line is a copy of the message",
 * "This is a copy of the message", "Original message follows", "Original message headers", or a raw header
 * block) is not part of the notice.
 */
final class Notice {
    /** Most characters of text kept for one recipient. */
    static final int MAX_TEXT = 4000;
    /** Most recipients read from one notice. */
    static final int MAX_RECIPIENTS = 1000;

    private static final Pattern COPY_MARKER = Pattern.compile("(?i)(copy of the (original )?message"
            + "|^\\s*-+\\s*(original|unsent|returned) message"
            + "|(original |unsent |returned )?message (header|text|body)?s? ?(follows|is following)"
            + "|original message headers|headers? of the original message|below this line is)");
    /** A header field that only a message's own header starts with: a raw header block begins here. */
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^(Received|Return-Path|DKIM-Signature|Message-I[Dd]|Authentication-Results|ARC-[A-Za-z-]+):\\s");
    private static final Pattern NOT_A_RECIPIENT_LINE = Pattern.compile(
            "(?i)^\\s*(>+\\s*)?(from|sender|reply-to|return-path|message-id|in-reply-to|references|date|subject"
                    + "|received|envelope-from|mail from|reporting-mta|x-[a-z-]+):");
    /** A failure reply code (4xx, 5xx) or enhanced status code, as notices quote them. */
    private static final Pattern CODE = Pattern.compile("(?<![\\d.])([45]\\d\\d[ -]|[45]\\.\\d{1,3}\\.\\d{1,3})");

    /** Appends {@code piece} to a recipient's text, a space between it and what the text already holds. */
    static void appendSpaced(StringBuilder text, CharSequence piece) {
        text.append(text.length() == 0 ? "" : " ").append(piece);
    }

    private Notice() {
    }

    /** The notice without any returned copy of the message after it. */
    static String withoutReturnedMessage(String text) {
        return text.substring(0, returnedMessageStart(text));
    }

    /** The raw header block of a message written into the text after the notice (a forwarded bounce), or empty. */
    static String embeddedMessage(String text) {
        String rest = text.substring(returnedMessageStart(text));
        String[] lines = rest.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (HEADER_LINE.matcher(lines[i]).find()) {
                StringBuilder b = new StringBuilder();
                for (int j = i; j < lines.length; j++) {
                    b.append(lines[j]).append('\n');
                }
                return b.toString();
            }
        }
        return "";
    }

    private static int returnedMessageStart(String text) {
        String[] lines = text.split("\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0 && COPY_MARKER.matcher(line).find() && line.strip().length() < 120) {
                return offset;
            }
            if (HEADER_LINE.matcher(line).find() && i + 1 < lines.length
                    && (HEADER_LINE.matcher(lines[i + 1]).find() || lines[i + 1].startsWith(" ")
                    || lines[i + 1].startsWith("\t") || lines[i + 1].matches("^[A-Za-z-]+: .*"))) {
                return offset;
            }
            offset = Math.min(text.length(), offset + line.length() + 1);
        }
        return text.length();
    }

    /**
     * The recipients the notice names, each with its text, in order of first mention.
     *
     * @param notice the notice, without the returned message
     * @param exclude addresses that are not recipients (the bounce's sender and addressee, the original sender)
     * @param known addresses known to be recipients (the returned message's To and Cc, X-Failed-Recipients):
     *     these count wherever they stand on a line
     */
    static Map<String, String> recipients(String notice, Set<String> exclude, Set<String> known) {
        String[] lines = notice.split("\n", -1);
        // a Sendmail transcript has its own layout: read it apart, and leave its lines out of the blocks below
        SendmailTranscript.Reading transcript = SendmailTranscript.read(lines, exclude, known);
        for (int i = 0; i < lines.length; i++) {
            if (transcript.covered()[i]) {
                lines[i] = "";
            }
        }
        // which lines start a recipient block, and for whom
        String[] starts = new String[lines.length];
        Map<String, List<Integer>> mentions = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.indexOf('@') < 0 || NOT_A_RECIPIENT_LINE.matcher(line).find()) {
                continue;
            }
            Matcher m = Addresses.ADDRESS.matcher(line);
            while (m.find()) {
                String a = Addresses.normalize(m.group());
                boolean alone = line.substring(0, m.start()).replaceAll("[\\s<>\"'(]", "").isEmpty()
                        && line.substring(m.end()).replaceAll("[\\s<>\"'):;,.]", "").isEmpty();
                if (exclude.contains(a) && !alone || Addresses.isSystem(a) && !known.contains(a)
                        || isInUrl(line, m.start())) {
                    continue;
                }
                if (!listed(line.substring(0, m.start())) && !known.contains(a)) {
                    continue;
                }
                if (starts[i] == null) {
                    starts[i] = a;
                }
                List<Integer> at = mentions.computeIfAbsent(a, k -> new ArrayList<>());
                if (at.isEmpty() || at.get(at.size() - 1) != i) {
                    at.add(i);
                }
                if (mentions.size() >= MAX_RECIPIENTS) {
                    break;
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : mentions.entrySet()) {
            StringBuilder text = new StringBuilder();
            int used = 0;
            for (int line : e.getValue()) {
                if (used++ == 3 || text.length() >= MAX_TEXT) {
                    break;
                }
                String block = block(lines, starts, line);
                if (!block.isBlank() && text.indexOf(block) < 0) {
                    appendSpaced(text, block);
                }
            }
            out.put(e.getKey(), cut(text.toString().strip()));
        }
        transcript.recipients().forEach((address, text) -> {
            String before = out.getOrDefault(address, "");
            if (out.size() < MAX_RECIPIENTS || out.containsKey(address)) {
                out.put(address, cut(before.isEmpty() ? text : before.contains(text) ? before : before + " " + text));
            }
        });
        return out;
    }

    /** Whether what stands before an address on its line makes the address a listed recipient. */
    private static boolean listed(String prefix) {
        String p = prefix.strip();
        while (!p.isEmpty() && "<\"'(*-#>".indexOf(p.charAt(p.length() - 1)) >= 0) {
            p = p.substring(0, p.length() - 1).strip();
        }
        if (p.isEmpty()) {
            return true;
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (lower.endsWith(":") || lower.endsWith(";") || lower.endsWith(" to") || lower.endsWith("recipient")
                || lower.endsWith("address") || lower.endsWith("mailbox") || lower.endsWith("user")) {
            return true;
        }
        // a display name before the address: "Jane Doe <jane@example.org>", "jane@example.org (jane@...)"
        return p.length() <= 40 && p.indexOf('.') < 0 && p.indexOf(',') < 0 && p.split("\\s+").length <= 4
                && p.chars().noneMatch(c -> c == '\u3001' || c == '\u3002' || c == '\uFF0C' || c == '\uFF01');
    }

    private static boolean isInUrl(String line, int at) {
        int from = Math.max(0, at - 80);
        String before = line.substring(from, at);
        int space = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t'));
        String token = before.substring(space + 1).toLowerCase(Locale.ROOT);
        return token.contains("://") || token.endsWith("mailto:") || token.endsWith("=") || token.endsWith("/");
    }

    /**
     * The block of text for a recipient mentioned on line {@code at}: its line and the lines under it up to the
     * next blank line; when that holds nothing but addresses, the paragraphs after it too, up to the next line
     * that starts another recipient's block.
     */
    private static String block(String[] lines, String[] starts, int at) {
        StringBuilder b = new StringBuilder(lines[at].strip());
        int i = at + 1;
        boolean substance = hasSubstance(lines[at]);
        int paragraphs = 0;
        while (i < lines.length && b.length() < MAX_TEXT) {
            String line = lines[i];
            if (starts[i] != null && !starts[i].equals(starts[at])) {
                break;
            }
            if (line.isBlank()) {
                // a block that says only that delivery failed ("There was an error delivering your mail to <x>.")
                // takes the next paragraph too, where the reason stands (the DragonFly Mail Agent's notice)
                boolean reasonFollows = paragraphs == 0 && b.length() == lines[at].strip().length()
                        && b.charAt(b.length() - 1) == '.' && !CODE.matcher(b).find();
                if (substance && !reasonFollows && !headingFollows(lines, starts, i) || ++paragraphs > 3) {
                    break;
                }
                i++;
                continue;
            }
            b.append(' ').append(line.strip());
            substance |= hasSubstance(line);
            i++;
        }
        return b.toString();
    }

    /**
     * Whether the paragraph after the blank line {@code at} opens with a heading that introduces details (a line
     * ending in a colon, such as "Technical details of temporary failure:") and belongs to no other recipient.
     */
    private static boolean headingFollows(String[] lines, String[] starts, int at) {
        int i = at;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i >= lines.length || starts[i] != null) {
            return false;
        }
        String heading = lines[i].strip();
        return heading.endsWith(":") && heading.length() <= 80 && i + 1 < lines.length && !lines[i + 1].isBlank();
    }

    /** Whether a line says more than an address and a label: words or a reply code. */
    static boolean hasSubstance(String line) {
        String rest = Addresses.ADDRESS.matcher(line).replaceAll("");
        if (CODE.matcher(rest).find()) {
            return true;
        }
        int letters = 0;
        for (int i = 0; i < rest.length(); i++) {
            if (Character.isLetter(rest.charAt(i))) {
                letters++;
            }
        }
        return letters >= 12;
    }

    /** The paragraph of the notice that carries a reply code, preferring one that also has words; else empty. */
    static String diagnosticParagraph(String notice) {
        String best = "";
        for (String p : notice.split("\n\\s*\n")) {
            String s = p.strip().replaceAll("\\s*\n\\s*", " ");
            if (CODE.matcher(s).find() && hasSubstance(s)) {
                return cut(s);
            }
            if (best.isEmpty() && CODE.matcher(s).find()) {
                best = s;
            }
        }
        return cut(best);
    }

    /** Whether the text holds a reply code. */
    static boolean hasCode(String text) {
        return CODE.matcher(text).find();
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }
}
