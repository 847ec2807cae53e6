package io.smtpverdict.input.email;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Transcript of session follows" section of a Sendmail notice, as Sendmail writes it.
 *
 * <p>savemail.c heads the section {@code "   ----- Transcript of session follows -----"}. During an SMTP session,
 * usersmtp.c (reply) writes, before the first failure it meets, {@code "... while talking to HOST:"} (older releases:
 * {@code "While talking to HOST:"}), then the command it sent as {@code ">>> COMMAND"} and the server's reply as
 * {@code "<<< REPLY"}. The outcome for each address is then written by err.c as a status line,
 * {@code "CODE [X.Y.Z ]ADDRESS... TEXT"} (or {@code "ADDRESS... TEXT"} for a note such as "Deferred: ..."), and
 * queue notes such as "Message could not be delivered for 2 hours" follow it. A status line about anything that is
 * not an address (a host and its mailer: {@code "421 host (smtp)... Deferred: ..."}) closes the recipient before it.
 *
 * <p>So a recipient's text is the exchange before its status line (the commands sent and replies received since
 * the last status line) headed by the session's "while talking to" line, its status line, and the notes after it;
 * recipients whose status lines follow the same exchange share it (a refused MAIL FROM fails every recipient).
 */
final class SendmailTranscript {
    private static final Pattern HEADING = Pattern.compile("(?i)^\\s*-+\\s*transcript of session follows\\s*-+\\s*$");
    /** Another section heading of the notice ("----- Unsent message follows -----", ...). */
    private static final Pattern SECTION = Pattern.compile("^\\s*-{3,}\\s*\\S.*\\s-{3,}\\s*$");
    private static final Pattern SESSION = Pattern.compile("(?i)^(\\.\\.\\.\\s*)?while talking to\\s+\\S.*:\\s*$");
    private static final Pattern EXCHANGE = Pattern.compile("^(>>>|<<<)\\s?");
    /** The reply code (and enhanced code) a status line may open with. */
    private static final Pattern STATUS_CODE = Pattern.compile("[245]\\d\\d[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s+)?");
    /** Longest address a status line can name: RFC 5321 §4.5.3.1.3 allows 256 octets in a path. */
    private static final int MAX_ENTITY = 320;

    /** What the section says: each recipient's text, and which lines of the notice the section covers. */
    record Reading(Map<String, String> recipients, boolean[] covered) {
    }

    private SendmailTranscript() {
    }

    /**
     * Reads the transcript sections of a notice.
     *
     * @param lines the notice's lines
     * @param exclude addresses that are not recipients (the bounce's sender and addressee, the original sender)
     * @param known addresses known to be recipients
     */
    static Reading read(String[] lines, Set<String> exclude, Set<String> known) {
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        boolean[] covered = new boolean[lines.length];
        int i = 0;
        while (i < lines.length) {
            if (!HEADING.matcher(lines[i]).matches()) {
                i++;
                continue;
            }
            covered[i++] = true;
            StringBuilder exchange = new StringBuilder();
            boolean exchangeUsed = false;
            // "... while talking to HOST:" heads every exchange of that session: the rules for Sendmail's
            // transcript read the host and the stage from it
            String session = "";
            StringBuilder current = null;
            for (; i < lines.length && !SECTION.matcher(lines[i]).matches(); i++) {
                covered[i] = true;
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (SESSION.matcher(line).matches()) {
                    session = line;
                    exchange.setLength(0);
                    exchangeUsed = false;
                    current = null;
                    continue;
                }
                if (EXCHANGE.matcher(line).find()) {
                    if (exchangeUsed) {
                        exchange.setLength(0);
                        exchangeUsed = false;
                    }
                    Notice.appendSpaced(exchange, line);
                    current = null;
                    continue;
                }
                String entity = statusEntity(line);
                if (entity != null) {
                    String address = recipient(entity, exclude, known);
                    exchangeUsed = true;
                    if (address == null) {
                        current = null;
                        continue;
                    }
                    current = texts.computeIfAbsent(address, k -> new StringBuilder());
                    if (exchange.length() > 0 && current.indexOf(exchange.toString()) < 0) {
                        if (!session.isEmpty() && current.indexOf(session) < 0) {
                            Notice.appendSpaced(current, session);
                        }
                        Notice.appendSpaced(current, exchange);
                    }
                    Notice.appendSpaced(current, line);
                } else if (current != null && current.length() < Notice.MAX_TEXT) {
                    current.append(' ').append(line);
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        texts.forEach((a, t) -> out.put(a, t.length() <= Notice.MAX_TEXT ? t.toString()
                : t.substring(0, Notice.MAX_TEXT)));
        return new Reading(out, covered);
    }

    /** What a status line ({@code "[CODE [X.Y.Z ]]ENTITY... TEXT"}) is about, or null when the line is none. */
    private static String statusEntity(String line) {
        Matcher code = STATUS_CODE.matcher(line);
        int from = code.lookingAt() ? code.end() : 0;
        int dots = line.indexOf("... ", from);
        if (dots <= from || dots - from > MAX_ENTITY || line.substring(dots + 4).isBlank()) {
            return null;
        }
        return line.substring(from, dots);
    }

    /** The address a status line is about, or null when it is about something else (a host, the sender). */
    private static String recipient(String entity, Set<String> exclude, Set<String> known) {
        String e = entity.strip();
        if (e.startsWith("<") && e.endsWith(">")) {
            e = e.substring(1, e.length() - 1);
        }
        Matcher m = Addresses.ADDRESS.matcher(e);
        if (!m.matches()) {
            return null;
        }
        String a = Addresses.normalize(e);
        return exclude.contains(a) && !known.contains(a) ? null : a;
    }
}
