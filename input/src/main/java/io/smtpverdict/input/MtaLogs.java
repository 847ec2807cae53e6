package io.smtpverdict.input;

import io.smtpverdict.core.ClassifyContext;
import io.smtpverdict.core.MtaDecision;
import io.smtpverdict.input.LineFormats.Extracted;
import io.smtpverdict.spi.EnhancedStatusCode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delivery lines of Exim's main log, Sendmail's syslog and qmail-send's log, and what Postfix, Exim, Sendmail and
 * qmail lines share.
 */
final class MtaLogs {
    /** A syslog time stamp: {@code Mar  3 10:15:01} (RFC 3164) or an ISO 8601 one (RFC 5424, journald). */
    private static final Pattern SYSLOG_TIME = Pattern.compile(
            "^(?:<\\d+>\\d?\\s*)?([A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d"
                    + "|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?)");

    /**
     * An Exim main log delivery line (Exim spec, chapter "Log files", "Logging message reception / delivery"):
     * time, optional {@code [pid]}, message id (old 6-6-2 or 4.97's 6-11-4 form), flag, address, the rest.
     */
    private static final Pattern EXIM = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{3})?(?: [+-]\\d{4})?) (?:\\[\\d+\\] )?"
                    + "([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) (\\*\\*|==|=>|->|\\*>) (\\S+)(.*)$");

    private static final Pattern EXIM_HOST = Pattern.compile("\\sH=(\\S+)(?: \\[([0-9A-Fa-f:.]+)\\])?");
    private static final Pattern EXIM_CONFIRMATION = Pattern.compile("\\sC=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * A qmail-send delivery line (qmail-send.c: {@code "delivery " N ": success: "}, {@code ": deferral: "} or
     * {@code ": failure: "}, then the delivery agent's report through logsafe(), which writes every character below
     * {@code !} or above {@code ~}, and {@code %}, as {@code _}; some releases add {@code " msg N"} after it).
     */
    private static final Pattern QMAIL = Pattern.compile("(?:^|\\s)delivery (\\d+): (success|deferral|failure): (\\S*)");

    /**
     * qmail-send's other log lines (qmail-send.c and its log documentation): a message queued, its size and sender,
     * a delivery started or ended, the queue's status, a bounce. They report no delivery result.
     */
    private static final Pattern QMAIL_OTHER = Pattern.compile("(?:^|\\s)(?:new msg \\d+$|info msg \\d+: bytes \\d+ from "
            + "|starting delivery \\d+: msg \\d+ to |end msg \\d+$|status: local \\d+/\\d+ remote \\d+/\\d+$|bounce msg \\d+ qp "
            + "|delivery \\d+: report mangled|triple bounce: discarding )");

    /** The TAI64N label multilog puts before each line of a log it keeps, as qmail's do. */
    private static final Pattern TAI64N = Pattern.compile("(@[0-9a-f]{24})\\s");

    /**
     * The {@code stat=} texts of a Sendmail failure that name only the exit status its SMTP client gave the remote
     * reply (sysexits' EX_NOUSER and EX_UNAVAILABLE as sm_errstring words them), not the reply's meaning.
     */
    private static final Set<String> EXIT_STATUS_NAMES = Set.of("user unknown", "service unavailable");
    private static final Pattern SENDMAIL_QUEUE_ID = Pattern.compile("(?:^|\\s)([0-9A-Za-z]{8,20}):\\s+to=");

    private MtaLogs() {
    }

    /**
     * The context a syslog delivery line starts with: its format, the syslog time stamp and the recipient of its
     * {@code to=} field (Sendmail's and OpenSMTPD's lines alike).
     */
    private static Map<String, String> syslogContext(String format, String line, String head) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", format);
        syslogTime(line).ifPresent(t -> context.put("time", t));
        field(head, "to=").ifPresent(v -> context.put("recipient", unbracket(v)));
        return context;
    }

    /** The syslog time stamp a line starts with. */
    static Optional<String> syslogTime(String line) {
        Matcher m = SYSLOG_TIME.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The value of a {@code name=value,} field of a log line: up to the next comma or white space. */
    static Optional<String> field(String text, String name) {
        int at = text.indexOf(" " + name);
        int start;
        if (at >= 0) {
            start = at + 1 + name.length();
        } else if (text.startsWith(name)) {
            start = name.length();
        } else {
            return Optional.empty();
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != ',' && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end > start ? Optional.of(text.substring(start, end)) : Optional.empty();
    }

    /** The classification context for a decision and a logged status code. */
    static ClassifyContext context(Optional<MtaDecision> decision, Optional<String> status, String reportedBy) {
        ClassifyContext c = new ClassifyContext(decision, Optional.empty(), Optional.of(reportedBy));
        // "5.1.1 (bad destination mailbox address)" as PowerMTA logs it: the code is the first word
        Optional<EnhancedStatusCode> code = status.map(s -> s.strip().split("[\\s(;,]", 2)[0])
                .flatMap(EnhancedStatusCode::parse);
        return code.isPresent() ? c.withStatus(code.get()) : c;
    }

    /** Whether a line is an Exim main log delivery line. */
    static boolean isExim(String line) {
        // the date the line starts with (YYYY-MM-DD) is tested first: a reply line starts with a digit too
        return line.length() > 30 && Character.isDigit(line.charAt(0)) && line.charAt(4) == '-'
                && (line.contains(" ** ") || line.contains(" == ") || line.contains(" => ") || line.contains(" -> ")
                        || line.contains(" *> "))
                && EXIM.matcher(line).matches();
    }

    /**
     * An Exim main log line: {@code **} a failed address, {@code ==} a deferred one, {@code =>} a delivery and
     * {@code ->} a further address delivered in the same transaction; {@code *>} (delivery suppressed by
     * {@code -N}) holds nothing to classify. The reply is the error after the first {@code ": "} following the
     * address and its router, transport and host fields, or the {@code C="..."} confirmation of a delivery.
     */
    static Optional<Extracted> exim(String line) {
        Matcher m = EXIM.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "exim");
        context.put("time", m.group(1));
        context.put("queueId", m.group(2));
        String flag = m.group(3);
        String address = m.group(4);
        String rest = m.group(5);
        boolean addressEndsField = address.endsWith(":");
        if (addressEndsField) {
            address = address.substring(0, address.length() - 1);
        }
        context.put("recipient", address);
        context.put("logStatus", flag);
        Matcher host = EXIM_HOST.matcher(rest);
        if (host.find()) {
            context.put("relay", host.group(1));
            if (host.group(2) != null) {
                context.put("relayIp", host.group(2));
            }
        }
        switch (flag) {
            case "=>":
            case "->": {
                Matcher c = EXIM_CONFIRMATION.matcher(rest);
                String reply = c.find() ? c.group(1).replace("\\\"", "\"") : "";
                return Optional.of(Extracted.reply(reply, context,
                        context(Optional.of(MtaDecision.DELIVERED), Optional.empty(), "Exim's delivery line (" + flag + ")")));
            }
            case "*>":
                return Optional.of(Extracted.skipped(context, "delivery suppressed (Exim -N); nothing was sent"));
            default: {
                MtaDecision decision = flag.equals("**") ? MtaDecision.FAILED : MtaDecision.DEFERRED;
                String reply;
                if (addressEndsField) {
                    reply = rest.strip();
                } else {
                    int colon = rest.indexOf(": ");
                    reply = colon < 0 ? "" : rest.substring(colon + 2).strip();
                }
                String who = flag.equals("**") ? "Exim's failure line (**)" : "Exim's deferral line (==)";
                return Optional.of(Extracted.reply(reply, context,
                        context(Optional.of(decision), Optional.empty(), who)));
            }
        }
    }

    /**
     * A Sendmail delivery line ({@code to=..., relay=..., dsn=..., stat=...}): the reply is the remote server's own
     * reply when the line gives it ({@code reply=}, which sendmail/deliver.c's logdelivery writes just before
     * {@code stat=}), else the {@code stat=} text (without Sendmail's own {@code Deferred: } prefix; inside the
     * parentheses of {@code Sent (...)}); the decision is {@code Sent}, {@code Deferred}, or a failure when the
     * {@code dsn=} is permanent. A failure's {@code stat=User unknown} or {@code stat=Service unavailable} is only
     * the name of the exit status Sendmail gave the reply (usersmtp.c's smtprcptstat maps every 550, 551 and 553 to
     * EX_NOUSER, "User unknown", and any other 5xx to EX_UNAVAILABLE): the {@code dsn=}, the remote's enhanced code or
     * Sendmail's default for the reply, is then the reply.
     */
    static Optional<Extracted> sendmail(String line) {
        int s = line.indexOf(" stat=");
        if (s < 0) {
            return Optional.empty();
        }
        String head = line.substring(0, s);
        String stat = line.substring(s + 6).strip();
        Map<String, String> context = syslogContext("sendmail", line, head);
        int relay = head.indexOf(" relay=");
        if (relay >= 0) {
            int end = head.indexOf(',', relay);
            String value = head.substring(relay + 7, end < 0 ? head.length() : end).strip();
            int space = value.indexOf(' ');
            context.put("relay", stripDot(space < 0 ? value : value.substring(0, space)));
        }
        Matcher queue = SENDMAIL_QUEUE_ID.matcher(head);
        if (queue.find()) {
            context.put("queueId", queue.group(1));
        }
        Optional<String> dsn = field(head, "dsn=");
        dsn.ifPresent(v -> context.put("dsn", v));
        String lower = stat.toLowerCase(Locale.ROOT);
        Optional<MtaDecision> decision;
        String reply = stat;
        int remote = head.lastIndexOf(" reply=");
        Optional<String> remoteReply = remote < 0 ? Optional.empty()
                : Optional.of(head.substring(remote + 7).strip().replaceFirst(",$", "").strip()).filter(r -> !r.isEmpty());
        if (lower.startsWith("sent")) {
            decision = Optional.of(MtaDecision.DELIVERED);
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            reply = open >= 0 && close > open ? stat.substring(open + 1, close).strip() : "";
        } else if (lower.startsWith("deferred")) {
            decision = Optional.of(MtaDecision.DEFERRED);
            reply = stat.substring("deferred".length()).replaceFirst("^\\s*:?\\s*", "");
        } else if (dsn.isPresent() && dsn.get().startsWith("5")) {
            decision = Optional.of(MtaDecision.FAILED);
            if (remoteReply.isEmpty() && EXIT_STATUS_NAMES.contains(lower)) {
                reply = dsn.get();
            }
        } else if (dsn.isPresent() && dsn.get().startsWith("4")) {
            decision = Optional.of(MtaDecision.DEFERRED);
        } else {
            decision = Optional.empty();
        }
        if (remoteReply.isPresent() && !lower.startsWith("sent")) {
            reply = remoteReply.get();
        }
        context.put("logStatus", stat.length() > 40 ? stat.substring(0, 40) : stat);
        return Optional.of(Extracted.reply(reply, context,
                context(decision, dsn, "Sendmail's log line (stat=" + firstWord(stat) + ")")));
    }

    /**
     * Whether a line is one of OpenSMTPD's delivery lines: {@code mta delivery evpid=... result="..." stat="..."}
     * (usr.sbin/smtpd/mta.c, mta_log) or {@code mda delivery evpid=... result=... stat=...} (mda.c, mda_log).
     */
    static boolean isOpenSmtpd(String line) {
        return line.contains(" delivery evpid=") && line.contains(" result=") && line.contains(" stat=");
    }

    /**
     * An OpenSMTPD delivery line: the {@code stat=} text (the remote reply, or OpenSMTPD's own error) with recipient,
     * relay and envelope id; {@code result=} is the decision ({@code Ok}, {@code TempFail}, {@code PermFail}, as
     * mta.c and mda.c log them). Empty when the line is not such a line.
     */
    static Optional<Extracted> openSmtpd(String line) {
        int r = line.indexOf(" result=");
        int st = line.indexOf(" stat=", r < 0 ? 0 : r);
        if (r < 0 || st < 0 || !line.contains(" delivery evpid=")) {
            return Optional.empty();
        }
        String head = line.substring(0, r);
        Map<String, String> context = syslogContext("opensmtpd", line, head);
        int relay = head.indexOf(" relay=\"");
        if (relay >= 0) {
            int end = head.indexOf('"', relay + 8);
            // "192.0.2.7 (mx.example.net)" (the address, then the name it resolved to), or the domain alone
            String value = head.substring(relay + 8, end < 0 ? head.length() : end).strip();
            int open = value.indexOf(" (");
            context.put("relay", open >= 0 && value.endsWith(")") ? value.substring(open + 2, value.length() - 1)
                    : value);
        }
        field(head, "evpid=").ifPresent(v -> context.put("queueId", v));
        String result = unquote(line.substring(r + 8, st).strip());
        context.put("logStatus", result);
        Optional<MtaDecision> decision = switch (result) {
            case "Ok" -> Optional.of(MtaDecision.DELIVERED);
            case "TempFail" -> Optional.of(MtaDecision.DEFERRED);
            case "PermFail" -> Optional.of(MtaDecision.FAILED);
            default -> Optional.empty();
        };
        String reply = unquote(line.substring(st + 6).strip());
        return Optional.of(Extracted.reply(reply, context,
                context(decision, Optional.empty(), "OpenSMTPD's log line (result=" + result + ")")));
    }

    /** A value without the double quotes mta.c puts around it. */
    private static String unquote(String v) {
        return v.length() > 1 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Whether a line is a line of qmail-send's log: a delivery result or one of its other lines. */
    static boolean isQmail(String line) {
        // a cheap test of the words (and the number after them) every such line has before a regex runs: "delivery "
        // alone is common in other MTAs' texts ("delivery temporarily suspended")
        boolean delivery = wordThenDigit(line, "delivery ");
        if (delivery && QMAIL.matcher(line).find()) {
            return true;
        }
        return (delivery || wordThenDigit(line, "msg ") || wordThenDigit(line, "status: local ")
                || line.contains("triple bounce")) && QMAIL_OTHER.matcher(line).find();
    }

    /** Whether {@code word} occurs in {@code line} with a digit right after it. */
    private static boolean wordThenDigit(String line, String word) {
        for (int at = line.indexOf(word); at >= 0; at = line.indexOf(word, at + 1)) {
            int next = at + word.length();
            if (next < line.length() && line.charAt(next) >= '0' && line.charAt(next) <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * A qmail-send delivery line: the report with its underscores read back as spaces (qmail-remote's and
     * qmail-local's texts have no underscores of their own that matter to their meaning), the delivery number and
     * the word, which is qmail-send's decision: {@code success} delivered, {@code deferral} tried again later,
     * {@code failure} bounced.
     */
    static Optional<Extracted> qmail(String line) {
        Matcher m = QMAIL.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "qmail");
        Matcher tai = TAI64N.matcher(line);
        if (tai.lookingAt()) {
            context.put("time", tai.group(1));
        } else {
            syslogTime(line).ifPresent(t -> context.put("time", t));
        }
        context.put("delivery", m.group(1));
        String word = m.group(2);
        context.put("logStatus", word);
        Optional<MtaDecision> decision = Optional.of(word.equals("success") ? MtaDecision.DELIVERED
                : word.equals("deferral") ? MtaDecision.DEFERRED : MtaDecision.FAILED);
        String report = m.group(3).replace('_', ' ').strip();
        if (report.endsWith("/")) {
            report = report.substring(0, report.length() - 1).strip();
        }
        return Optional.of(Extracted.reply(report, context,
                context(decision, Optional.empty(), "qmail-send's log line (" + word + ")")));
    }

    private static String firstWord(String s) {
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end == 0 ? s : s.substring(0, end);
    }

    private static String unbracket(String v) {
        return v.length() > 1 && v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
    }

    private static String stripDot(String v) {
        return v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    }
}
