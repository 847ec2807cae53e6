package io.smtpverdict.core.parse;

import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.Grammar;

/**
 * Finds the basic reply code and the enhanced status code wherever they stand in a reply and cuts over-long
 * input; the folded text for matching is built on demand by {@link ParsedReply#folded()}. A hand-written single-pass scanner: no regex, linear in the
 * input, and it never throws.
 */
public final class ReplyParser {
    private static final String[] ENVELOPE_PREFIXES = {"diagnostic-code:", "status:", "remote-mta:"};

    private ReplyParser() {
    }

    /** Parses {@code input}, cutting it at {@code maxLength} characters. */
    public static ParsedReply parse(String input, int maxLength) {
        return parse(input, maxLength, new ParsedReply());
    }

    /**
     * Parses {@code input} into {@code into} (a caller's reused reply, which forgets what it held), cutting it at
     * {@code maxLength} characters; returns {@code into}.
     */
    public static ParsedReply parse(String input, int maxLength, ParsedReply into) {
        String text = input == null ? "" : input;
        boolean truncated = false;
        if (text.length() > maxLength) {
            int cut = maxLength;
            if (Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut))) {
                cut--; // never between the two halves of a pair; a lone surrogate is just a char
            }
            text = text.substring(0, cut);
            truncated = true;
        }
        text = withSpacesForUnderscores(text);
        int copy = copyOfTheMessageAt(text);
        if (copy > 0) {
            text = text.substring(0, copy);
        }
        text = withoutStackFrames(text);
        text = withoutGiveUpLine(text);
        long basic = findBasicCode(text);
        int code = (int) (basic >>> 32);
        int at = (int) basic;
        if (at > 0 && strength(text, at) == 1) {
            // A number that merely stands in the text does not overrule the enhanced code the text begins with when
            // their classes disagree ("5.1.0 Invalid Sender. OFR004_405 [405]": 405 is the provider's own label).
            EnhancedStatusCode leadingEnhanced = enhancedAt(text, leadingAt(text));
            if (leadingEnhanced != null && leadingEnhanced.classDigit() != code / 100) {
                code = 0;
                at = -1;
            }
        }
        int[] skips = at >= 0 && at + 3 < text.length() && text.charAt(at + 3) == '-' ? continuations(text, at) : null;
        EnhancedStatusCode enhanced = findEnhancedCode(text, at);
        into.reset(text, code, enhanced, truncated, skips);
        return into;
    }

    /**
     * A text whose words are joined by underscores, with the underscores read as spaces: qmail-send logs every space
     * (and line break) of a delivery report as {@code _} ("failure:
     * 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1_No_such_user/"), and users paste that report
     * without the rest of its log line. The text must read as such a report: underscores outnumbering the white space
     * more than three to one (qmail's own "failure: " or "deferral: " keeps its space), and one of the marks of
     * qmail-remote's and qmail-local's reports ({@link #QMAIL_MARKS}). Other texts of underscored words (an Erlang
     * client's {@code {permanent_failure,"smtp.example.org",auth_failed}}, identifiers, addresses) stay as they are.
     */
    static String withSpacesForUnderscores(String text) {
        if (text.indexOf('_') < 0 || !hasQmailMark(text)) {
            return text;
        }
        int underscores = 0;
        int spaces = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                underscores++;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                spaces++;
            }
        }
        return underscores >= 3 && underscores > 3 * spaces ? text.replace('_', ' ') : text;
    }

    /**
     * What qmail's delivery reports write, as qmail-send logs them: the status code in parentheses that ends
     * qmail-remote's and qmail-local's own reports ("_(#5.1.1)"), and qmail-remote's "Remote host said:", "Giving up
     * on" and "does not like recipient." / "does not like sender." (qmail-remote.c).
     */
    private static final String[] QMAIL_MARKS = {"_(#", "Remote_host_said:", "Giving_up_on_", "_does_not_like_"};

    private static boolean hasQmailMark(String text) {
        for (String mark : QMAIL_MARKS) {
            if (text.contains(mark)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a multi-line reply repeats its codes, as pairs of from and to indexes for the folded text to read as
     * white space, so that its lines read as one sentence; null when there is no later line. RFC 5321 §4.2.1 has
     * every line of a reply repeat the code, a hyphen after it on all lines but the last ({@code 550-5.1.1 The
     * email account that you tried to reach does not exist. Please try} / {@code 550-5.1.1 double-checking ...} /
     * {@code 550 5.1.1 ...}), and MTAs that quote such a reply join its lines with spaces or keep the line breaks,
     * the codes and a transcript's {@code <<<} marks in the middle of the words. A later line's code counts only
     * after white space and only when it is the reply's own code (at {@code at}, followed by a hyphen); its
     * enhanced code goes too when it repeats the first line's; the first line without a hyphen is the last one.
     * The first line's hyphen reads as a space too. The text itself, which values are bound from, keeps them all.
     */
    static int[] continuations(String s, int at) {
        int n = s.length();
        int first = at + 4;
        int enhancedEnd = Grammar.enhancedCodeEnd(s, first);
        int enhancedLength = enhancedEnd > first && (enhancedEnd == n || isLineSpace(s.charAt(enhancedEnd)))
                ? enhancedEnd - first : 0;
        int[] skips = null;
        int count = 0;
        int i = first;
        while (i < n) {
            int escaped = escapedBreak(s, i);
            if (escaped == 0 && !isLineSpace(s.charAt(i))) {
                i++;
                continue;
            }
            int from = i;
            int j = i + Math.max(escaped, 1);
            while (j < n) {
                int step = escapedBreak(s, j);
                if (step == 0 && !isLineSpace(s.charAt(j))) {
                    break;
                }
                j += Math.max(step, 1);
            }
            int k = j;
            if (s.startsWith("<<<", k)) {
                k += 3;
                while (k < n && s.charAt(k) == ' ') {
                    k++;
                }
            }
            if (k + 3 > n || !s.regionMatches(k, s, at, 3) || (k + 3 < n && s.charAt(k + 3) != '-'
                    && !isLineSpace(s.charAt(k + 3)))) {
                i = j;
                continue;
            }
            boolean last = k + 3 == n || s.charAt(k + 3) != '-';
            int m = Math.min(n, k + 4);
            if (!last && m < n && isDigit(s.charAt(m)) && enhancedAt(s, m) == null) {
                i = j; // "550-1234": a number, not a reply line
                continue;
            }
            if (enhancedLength > 0 && s.regionMatches(m, s, first, enhancedLength)
                    && (m + enhancedLength == n || isLineSpace(s.charAt(m + enhancedLength)))) {
                m = Math.min(n, m + enhancedLength + 1);
            }
            if (skips == null) {
                skips = new int[8];
                skips[count++] = at + 3;
                skips[count++] = at + 4;
            } else if (count == skips.length) {
                skips = java.util.Arrays.copyOf(skips, count * 2);
            }
            skips[count++] = escaped > 0 ? from : j; // an escaped line break is hidden with the code
            skips[count++] = m;
            i = m;
            if (last) {
                break;
            }
        }
        return skips == null ? null : java.util.Arrays.copyOf(skips, count);
    }

    /**
     * 2 when a line break written as an escape sequence starts at {@code i} ({@code \n} or {@code \r}, as a reply
     * pasted from a JSON log or an application's error string shows it), else 0.
     */
    private static int escapedBreak(String s, int i) {
        return i + 1 < s.length() && s.charAt(i) == '\\' && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r') ? 2 : 0;
    }

    private static boolean isLineSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Where the reply proper begins: after an envelope prefix such as {@code diagnostic-code: smtp;}, or after a
     * leading RFC 3464 diagnostic type written without its field name, as a Diagnostic-Code field's value arrives from a
     * log or an event ({@code smtp; 550 ...}, {@code x-unix; user unknown}, {@code X-Postfix; bad address syntax},
     * Courier's {@code unknown; ...}); 0 when the text starts with neither.
     */
    static int bodyStart(FoldedText n) {
        int at = 0;
        for (String prefix : ENVELOPE_PREFIXES) {
            if (n.startsWith(prefix, 0)) {
                at = prefix.length();
                break;
            }
        }
        if (at == 0) {
            boolean knownType = n.startsWith("x-", 0) && !n.startsWith("x-;", 0) || n.startsWith("smtp;", 0)
                    || n.startsWith("unknown;", 0);
            return knownType ? Math.max(afterType(n, 0, 13), 0) : 0;
        }
        while (at < n.length() && n.charAt(at) == ' ') {
            at++;
        }
        int typed = afterType(n, at, 10);
        return typed > 0 ? typed : at;
    }

    /**
     * Where the text goes on after a type of at most {@code maxType} letters and hyphens at {@code from}, its {@code ;}
     * and the spaces after it; -1 when no such type starts there.
     */
    private static int afterType(FoldedText n, int from, int maxType) {
        int limit = Math.min(n.length(), from + maxType + 1);
        for (int i = from; i < limit; i++) {
            if (n.charAt(i) == ';') {
                if (!isWordChars(n, from, i)) {
                    return -1;
                }
                int at = i + 1;
                while (at < n.length() && n.charAt(at) == ' ') {
                    at++;
                }
                return at;
            }
        }
        return -1;
    }

    private static boolean isWordChars(FoldedText s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines with which a bounce notice starts its copy of the returned message (or of its headers), each
     * written by the MTA itself: Exchange's NDR ("Original message headers:", and before it Exchange Online's table of
     * the hops the message took, "Message Hops", whose "WITH" column names each hop's TLS cipher), Exim (src/src/deliver.c before 4.90,
     * src/src/moan.c, src/src/transports/autoreply.c), qmail (qmail-send.c), Sendmail (sendmail/savemail.c) and
     * Gmail's notices. What follows them is the sender's own
     * message, whose headers ("with Microsoft SMTP Server (version=TLS1_2, cipher=...)", "DKIM-Signature:") and words
     * say nothing about the failure.
     */
    private static final String[] COPY_MARKERS = {
        "original message headers:",
        "message hops",
        "------ this is a copy of the message, including all the headers.",
        "------ this is a copy of the message's headers.",
        "------ this is a copy of your message, including all the headers.",
        "--- below this line is a copy of the message.",
        "----- original message follows -----",
        "----- message header follows -----",
        "----- original message -----"
    };

    /**
     * Where a line that starts the notice's copy of the returned message begins (see {@link #COPY_MARKERS}), or -1.
     * Only a line after the first counts: a text that is nothing but the copy keeps it.
     */
    static int copyOfTheMessageAt(String s) {
        int n = s.length();
        for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', nl + 1)) {
            int at = nl + 1;
            while (at < n && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) {
                at++;
            }
            char c = at < n ? s.charAt(at) : ' ';
            if (c != '-' && c != 'o' && c != 'O' && c != 'm' && c != 'M') {
                continue;
            }
            for (String m : COPY_MARKERS) {
                if (s.regionMatches(true, at, m, 0, m.length())) {
                    return nl;
                }
            }
        }
        return -1;
    }

    /**
     * The text without qmail-remote's closing line {@code Giving up on <host>.}, written after the receiver refused
     * every recipient (notqmail qmail-remote.c, {@code quit("DGiving up on ","")}) below the refusal it quotes
     * ({@code Remote host said: 550 ...}): it names the host, never the reason, so the quoted reply ends before it.
     * The text itself when its last line is no such line or is its only line.
     */
    static String withoutGiveUpLine(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int nl = s.lastIndexOf('\n', end - 1);
        if (nl <= 0 || end == 0 || s.charAt(end - 1) != '.') {
            return s;
        }
        int at = nl + 1;
        while (at < end && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) {
            at++;
        }
        String prefix = "Giving up on ";
        if (!s.startsWith(prefix, at) || end - 1 - (at + prefix.length()) < 1) {
            return s;
        }
        for (int i = at + prefix.length(); i < end - 1; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return s;
            }
        }
        String left = s.substring(0, nl);
        return left.isBlank() ? s : left;
    }

    /**
     * The text without the stack frames of an exception an application printed around a reply: Python's
     * {@code File "...", line N, in f} with the source line under it (and 3.11's {@code ^^^^} marks), and the
     * {@code at ...(...)} lines of Java, .NET and Node.js with Java's {@code ... N more}. They name the code that
     * sent the mail ({@code server.sendmail(sender, ...)}, {@code SMTPTransport.rcptTo}), never what the server said.
     * The text itself when it has none; a text that is nothing but frames keeps them.
     */
    static String withoutStackFrames(String s) {
        if (s.indexOf('\n') < 0 || (s.indexOf("File \"") < 0 && s.indexOf("at ") < 0 && s.indexOf(" more") < 0)) {
            return s;
        }
        StringBuilder kept = null;
        int n = s.length();
        int lineStart = 0;
        boolean skipCode = false;
        while (lineStart < n) {
            int nl = s.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? n : nl;
            int next = nl < 0 ? n : nl + 1;
            int indent = lineStart;
            while (indent < lineEnd && (s.charAt(indent) == ' ' || s.charAt(indent) == '\t')) {
                indent++;
            }
            int end = lineEnd;
            while (end > indent && (s.charAt(end - 1) == '\r' || s.charAt(end - 1) == ' ')) {
                end--;
            }
            boolean frame;
            if (skipCode && indent > lineStart && !s.startsWith("File \"", indent)) {
                frame = true; // the source line Python prints under a frame, indented deeper
                skipCode = false;
            } else {
                skipCode = false;
                if (s.startsWith("File \"", indent) && s.indexOf("\", line ", indent) > 0
                        && s.indexOf("\", line ", indent) < end) {
                    frame = true;
                    skipCode = true;
                } else {
                    frame = indent > lineStart && (javaFrame(s, indent, end) || onlyMarks(s, indent, end)
                            || (s.startsWith("... ", indent) && s.startsWith(" more", end - 5)));
                }
            }
            if (frame && kept == null) {
                kept = new StringBuilder(n).append(s, 0, lineStart);
            } else if (!frame && kept != null) {
                kept.append(s, lineStart, next);
            }
            lineStart = next;
        }
        if (kept == null) {
            return s;
        }
        String left = kept.toString();
        return left.isBlank() ? s : left;
    }

    /** Whether {@code s[from, to)} is a frame {@code at name(...)} or {@code at path:line:col} of Java, .NET or Node. */
    private static boolean javaFrame(String s, int from, int to) {
        if (!s.startsWith("at ", from) || to - from < 5) {
            return false;
        }
        char last = s.charAt(to - 1);
        int space = s.indexOf(' ', from + 3);
        return last == ')' && s.lastIndexOf('(', to) > from + 3
                || isDigit(last) && s.lastIndexOf(':', to) > from + 3 && (space < 0 || space >= to)
                || s.lastIndexOf(":line ", to) > from;
    }

    /** Whether {@code s[from, to)} is nothing but the carets and tildes Python 3.11 puts under a frame's source. */
    private static boolean onlyMarks(String s, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '^' && c != '~') {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns {@code code << 32 | index} of the best basic reply code candidate, or {@code 0 << 32 | -1}. A candidate is a free-standing
     * three-digit number 200-599 (or the client-side 101/111); one at the start of a line, after a word like
     * "said:" or "smtp;", or followed by an enhanced code is preferred over one that merely stands in the text,
     * and among those the first of the most severe class wins.
     */
    static long findBasicCode(String s) {
        int n = s.length();
        int bestCode = 0;
        int bestAt = -1;
        int bestStrength = 0;
        int leading = leadingAt(s);
        for (int i = 0; i + 3 <= n; i++) {
            char c0 = s.charAt(i);
            if (c0 < '1' || c0 > '5') {
                continue;
            }
            char c1 = s.charAt(i + 1);
            char c2 = s.charAt(i + 2);
            if (!isDigit(c1) || !isDigit(c2)) {
                continue;
            }
            if (i > 0 && (!precedesCode(s.charAt(i - 1)) || fraction(s, i) || processId(s, i) || port(s, i)
                    || gluedField(s, i) || expected(s, i) || logField(s, i) || identifier(s, i) || productName(s, i)
                    || ipv6Group(s, i) || telephone(s, i))) {
                i += 2;
                continue;
            }
            int code = (c0 - '0') * 100 + (c1 - '0') * 10 + (c2 - '0');
            if (!followsCode(s, i + 3) || unitFollows(s, i + 3)) {
                i += 2;
                continue;
            }
            if (c0 == '1' && code != 101 && code != 111) {
                i += 2;
                continue;
            }
            int strength = strength(s, i);
            if (c0 == '1') {
                strength = Math.min(strength, 1);
            }
            if ((c0 == '2' && (strength < 3 || failureNumber(s, i))) || (strength == 1 && countedAt(s, i))) {
                // A success code must stand where replies stand (at a line's start, after "said:", before an
                // enhanced code): a number loose in the text ("sent 250 lines", "Attempt 3 of 250 failed") must never
                // make a failure read as delivered. A number after "of", "in", "per" ... is a count.
                i += 2;
                continue;
            }
            // Among replies that stand where replies stand, a transcript's most severe one carries the
            // meaning ("450 busy ... 551 not our user"): a 5xx beats an earlier 4xx beats an earlier 2xx, and any of
            // them an earlier 3xx, which only asks for more input (RFC 5321 §4.2.1: "354 End data with ..." then
            // "250 Ok: queued" is a delivery). Not a reply another server "said" inside the text's own leading
            // reply: Postfix's "450 4.1.1 <a>: Recipient address rejected: unverified address: host h said: 550 ..."
            // is a 450.
            boolean moreSevere = bestStrength >= 2 && strength >= 2 && severity(c0 - '0') > severity(bestCode / 100)
                    && !(bestAt == leading && quotedAt(s, i));
            // an HTTP status an application quotes is no reply; asked only of a candidate that would be taken
            if ((strength > bestStrength || moreSevere) && !httpStatus(s, i, code)) {
                bestStrength = Math.max(strength, bestStrength);
                bestCode = code;
                bestAt = i;
                if (strength >= 3 && c0 == '5') {
                    break;
                }
            }
            i += 2;
        }
        return ((long) bestCode << 32) | (bestAt & 0xffffffffL);
    }

    private static int strength(String s, int at) {
        int p = lastNonBlankBefore(s, at);
        if (p < 0 || s.charAt(p) == '\n' || s.charAt(p) == '\r' || s.charAt(p) == ';' || s.charAt(p) == ':'
                || s.charAt(p) == '>' || s.charAt(p) == '/') {
            return 3;
        }
        int q = at + 3;
        if (q < s.length() && (s.charAt(q) == ' ' || s.charAt(q) == '-')) {
            q++;
            if (q < s.length() && enhancedAt(s, q) != null) {
                return 3;
            }
        }
        if (endsWithWord(s, p, "said") || endsWithWord(s, p, "error") || endsWithWord(s, p, "code")
                || endsWithWord(s, p, "reply") || endsWithWord(s, p, "response") || endsWithWord(s, p, "status")) {
            return 3;
        }
        // "... try later 551 not our user": a code followed by words, not a quantity ("in 550 seconds")
        if (q < s.length() && s.charAt(at + 3) == ' ' && Character.isLetter(s.charAt(q)) && !afterQuantityWord(s, p)) {
            return 2;
        }
        return 1;
    }

    private static final String[] FAILURE_WORDS = {"error", "errors", "failed", "failure", "fail"};

    /**
     * Whether the number at {@code at} directly follows a word of failure ("Temporary error 249 (...)"): an error's
     * own number, not a success reply, which RFC 5321 never calls an error (quoted after a colon, as in
     * "error: 250 ...", it stands where replies stand and is not this).
     */
    private static boolean failureNumber(String s, int at) {
        return endsWithAnyWord(s, lastNonBlankBefore(s, at), FAILURE_WORDS);
    }

    private static final String[] QUANTITY_WORDS = {"in", "of", "for", "after", "than", "about", "at", "to", "within",
        "over", "under", "is", "are", "be", "was", "limit", "size", "max", "maximum", "exceeds", "exceeded",
        "only", "up", "least", "most", "by", "from", "every", "per", "and", "or", "next", "last", "first"};

    private static final String[] COUNTING_WORDS = {"of", "in", "within", "than", "over", "under", "per", "every",
        "about", "least", "most", "max", "maximum", "limit", "exceeds", "exceeded"};

    /** Whether the number at {@code at} follows a word that makes it a count or a limit ("3 of 250", "in 450"). */
    private static boolean countedAt(String s, int at) {
        return endsWithAnyWord(s, lastNonBlankBefore(s, at), COUNTING_WORDS);
    }

    private static boolean afterQuantityWord(String s, int end) {
        return endsWithAnyWord(s, end, QUANTITY_WORDS) || end >= 0 && !Character.isLetter(s.charAt(end));
    }

    /** Whether the text ending at {@code end} ends with one of these words. */
    private static boolean endsWithAnyWord(String s, int end, String[] words) {
        for (String w : words) {
            if (endsWithWord(s, end, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text's end before a separator that ends at {@code end} (one of {@code separators}: a field's colon, an
     * equals sign, a quote) and the blanks before it; {@code end} itself when no separator is there.
     */
    private static int pastSeparator(String s, int end, String separators) {
        return end >= 0 && separators.indexOf(s.charAt(end)) >= 0 ? lastNonBlankBefore(s, end) : end;
    }

    /** Where the text's first character other than white space is. */
    private static int leadingAt(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the last character before {@code at} that is not a space or tab; -1 when there is none. */
    private static int lastNonBlankBefore(String s, int at) {
        int p = at - 1;
        while (p >= 0 && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
            p--;
        }
        return p;
    }

    /**
     * Whether the code at {@code at} follows "said:", "responded:", "responded with:" or "response was:", quoting another
     * server's reply (Postfix's "host h said:", Exchange Online's "The server responded with: 554 ...").
     */
    private static boolean quotedAt(String s, int at) {
        int p = lastNonBlankBefore(s, at);
        if (p >= 0 && s.charAt(p) == ':') {
            p--;
        }
        if (endsWithWord(s, p, "said") || endsWithWord(s, p, "responded")) {
            return true;
        }
        if (endsWithWord(s, p, "with")) {
            return endsWithWord(s, lastNonBlankBefore(s, p - 3), "responded");
        }
        return endsWithWord(s, p, "was") && endsWithWord(s, lastNonBlankBefore(s, p - 2), "response");
    }

    private static boolean endsWithWord(String s, int end, String word) {
        int start = end - word.length() + 1;
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Normalizer.fold(s.charAt(start + i)) != word.charAt(i)) {
                return false;
            }
        }
        return start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1));
    }

    private static boolean precedesCode(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == ';' || c == '(' || c == '['
                || c == '"' || c == '\'' || c == '<' || c == '=' || c == '#' || c == '>' || c == '/' || c == ','
                || c == '\u00A0';
    }

    /**
     * Whether the number at {@code at} is a port glued to a host name or address ({@code mx.example.net:587},
     * {@code [192.0.2.7]:465}): a colon right after a dotted name or a closing bracket; or, after a name without a
     * dot, the port of a "host:port" pair in brackets, as Dovecot's SMTP client names its peer
     * ({@code smtp(postfix:588)}, a container's host name).
     */
    private static boolean port(String s, int at) {
        if (afterPortWord(s, lastNonBlankBefore(s, at))) {
            return true;
        }
        if (at < 2 || s.charAt(at - 1) != ':') {
            return false;
        }
        int p = at - 2;
        if (s.charAt(p) == ']') {
            return true;
        }
        boolean dotted = false;
        while (p >= 0) {
            char c = s.charAt(p);
            if (c == '.') {
                dotted = true;
            } else if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
                break;
            }
            p--;
        }
        if (dotted) {
            return s.charAt(at - 2) != '.';
        }
        return p >= 0 && p < at - 2 && s.charAt(p) == '(' && at + 3 < s.length() && s.charAt(at + 3) == ')';
    }

    /**
     * Whether the text ending at {@code end} names a port the number after it is: "port 25", "port: 587",
     * "port=465", or Jakarta Mail's "host, port: smtp.example.com, 587" (a host name and a comma between).
     */
    private static boolean afterPortWord(String s, int end) {
        int p = end;
        if (p >= 0 && s.charAt(p) == ',') {
            int q = lastNonBlankBefore(s, p);
            int nameEnd = q;
            boolean dotted = false;
            while (q >= 0 && (Character.isLetterOrDigit(s.charAt(q)) || s.charAt(q) == '-' || s.charAt(q) == '.')) {
                dotted |= s.charAt(q) == '.';
                q--;
            }
            if (!dotted || q == nameEnd) {
                return false;
            }
            p = lastNonBlankBefore(s, q + 1);
        }
        return endsWithWord(s, pastSeparator(s, p, ":="), "port");
    }

    /** How much a reply class weighs in a transcript: an intermediate 3xx least, then 2xx, 4xx and 5xx. */
    private static int severity(int replyClass) {
        return replyClass == 3 ? 0 : replyClass;
    }

    /**
     * Whether the number at {@code at} is bracketed right after a name, as a syslog line's process id
     * ({@code postfix/lmtp[238]:}) or an index is, not a reply code.
     */
    private static boolean processId(String s, int at) {
        return at >= 2 && s.charAt(at - 1) == '[' && (Character.isLetterOrDigit(s.charAt(at - 2))
                || s.charAt(at - 2) == '-' || s.charAt(at - 2) == '_' || s.charAt(at - 2) == '.');
    }

    /**
     * Whether the number at {@code at} is the last field of a colon-separated token such as a TLS cipher in an Exim
     * log line ({@code X=TLS1.3:TLS_AES_256_GCM_SHA384:256}): a colon right after a digit, with no space around it.
     */
    private static boolean gluedField(String s, int at) {
        return at >= 2 && s.charAt(at - 1) == ':' && isDigit(s.charAt(at - 2));
    }

    private static final String[] EXPECTING_WORDS = {"expected", "expecting", "expect"};
    private static final String[] CODE_NOUNS = {"code", "codes", "response", "reply", "status", "a"};

    /**
     * Whether the number at {@code at} is the code a client expected rather than one a server sent, as mail
     * libraries word their errors ({@code Expected response code 250 but got code "550"}, {@code expecting 354}).
     */
    private static boolean expected(String s, int at) {
        // Symfony Mailer quotes it: Expected response code "250" but got code "550"
        int p = pastSeparator(s, lastNonBlankBefore(s, at), "\"'");
        for (int words = 0; words < 3 && p >= 0; words++) {
            if (endsWithAnyWord(s, p, EXPECTING_WORDS)) {
                return true;
            }
            if (!endsWithAnyWord(s, p, CODE_NOUNS)) {
                return false;
            }
            while (p >= 0 && Character.isLetter(s.charAt(p))) {
                p--;
            }
            p = lastNonBlankBefore(s, p + 1);
        }
        return false;
    }

    /** Keys whose value is a reply: codes and statuses, Exchange message tracking's LED (last error detail), reasons. */
    private static final String[] CODE_KEYS = {"code", "status", "reply", "response", "smtpstatus", "smtpcode", "rc",
        "error", "dsn", "led", "statuscode", "responsecode", "errorcode", "lasterror", "diag", "diagnostic", "reason",
        "result", "smtp", "msg", "message", "smtpmsg", "text"};

    /**
     * Whether the number at {@code at} is the value of a log line's {@code key=value} field that is not a reply code:
     * Postfix's {@code delay=250}, {@code size=250}; a key that names a code ({@code code=550}, {@code smtpstatus=554})
     * keeps it a candidate.
     */
    private static boolean logField(String s, int at) {
        return at >= 2 && s.charAt(at - 1) == '=' && !endsWithAnyWord(s, at - 2, CODE_KEYS);
    }

    /**
     * Whether the three digits at {@code at} are a group of an IPv6 address ({@code [2001:db8:250::1]},
     * {@code 2a01:111:f200:2004::240}): the run of hex digits and colons around them holds "::" or at least three
     * colons (RFC 4291 §2.2). A reply code next to one colon ("554: Dialup ...", "said:550") is not such a run. The run
     * is read no further than an address can reach (39 characters) on either side, so a long run of digits and colons
     * costs each candidate no more than that.
     */
    private static boolean ipv6Group(String s, int at) {
        int from = at;
        int least = Math.max(0, at - IPV6_MAX);
        while (from > least && hexOrColon(s.charAt(from - 1))) {
            from--;
        }
        int to = at + 3;
        int most = Math.min(s.length(), at + 3 + IPV6_MAX);
        while (to < most && hexOrColon(s.charAt(to))) {
            to++;
        }
        int colons = 0;
        boolean doubled = false;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == ':') {
                colons++;
                doubled |= k > from && s.charAt(k - 1) == ':';
            }
        }
        return colons >= 3 || colons >= 2 && doubled;
    }

    /** The longest textual IPv6 address, eight groups of four hex digits and seven colons (RFC 4291 §2.2). */
    private static final int IPV6_MAX = 39;

    private static boolean hexOrColon(char c) {
        return c == ':' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * Whether the three digits at {@code at} are a group of a telephone number, as automatic replies and signatures
     * write them: after a country code ({@code +1 555 0100}, {@code +49 711 ...}), an area code in brackets followed by
     * the exchange ({@code (415) 555-0100}), the area code and exchange joined by hyphens or dots
     * ({@code 415-555-0100}, {@code 415.555.0100}), or an exchange and its four-digit line number loose in the text
     * ({@code call 555 0100}, {@code Phone 555-0100}; not where a reply stands, as {@code 550 1234 ...} at a line's
     * start does).
     */
    private static boolean telephone(String s, int at) {
        int n = s.length();
        int end = at + 3;
        // after a country code: "+1 555", "+49 711"
        int j = at - 1;
        if (s.charAt(j) == ' ' || s.charAt(j) == '\u00A0') {
            int k = j - 1;
            while (k >= 0 && j - 1 - k < 4 && isDigit(s.charAt(k))) {
                k--;
            }
            if (k >= 0 && k < j - 1 && j - 1 - k <= 3 && s.charAt(k) == '+') {
                return true;
            }
        }
        // "(415) 555-0100": the area code in brackets, then the exchange and the line
        if (s.charAt(at - 1) == '(' && end + 1 < n && s.charAt(end) == ')' && s.charAt(end + 1) == ' '
                && digitsThen(s, end + 2, 3) && lineNumberAt(s, end + 5)) {
            return true;
        }
        // "415-555-0100", "415.555.0100"
        if (end < n && (s.charAt(end) == '-' || s.charAt(end) == '.') && digitsThen(s, end + 1, 3)
                && end + 4 < n && s.charAt(end + 4) == s.charAt(end) && lineNumberAt(s, end + 4)) {
            return true;
        }
        // "call 555 0100", "Phone 555-0100": an exchange and a line number where no reply stands
        return lineNumberAt(s, end) && strength(s, at) < 3;
    }

    /** Whether {@code count} digits start at {@code from}. */
    private static boolean digitsThen(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a telephone number's line number follows at {@code at}: a space, hyphen or dot, then exactly four digits
     * that no other digit or decimal part follows.
     */
    private static boolean lineNumberAt(String s, int at) {
        int n = s.length();
        if (at >= n || (s.charAt(at) != ' ' && s.charAt(at) != '-' && s.charAt(at) != '.')
                || !digitsThen(s, at + 1, 4)) {
            return false;
        }
        int after = at + 5;
        return after == n || !isDigit(s.charAt(after))
                && !(s.charAt(after) == '.' && after + 1 < n && isDigit(s.charAt(after + 1)));
    }

    /**
     * Words that label a number which is no reply: an identifier ({@code id 450}, {@code ID: 550}, {@code pid 421}),
     * a source line in a program's error ({@code on line 450}), a telephone extension or a postal address in an
     * automatic reply's signature ({@code ext. 550}, {@code Suite 400}, {@code Room 501}, {@code P.O. Box 450}).
     */
    private static final String[] LABEL_WORDS = {"id", "pid", "uid", "gid", "line", "ext", "extension", "suite",
        "room", "box", "apt", "unit", "bldg", "building", "ticket", "case", "order", "invoice"};

    /** Whether the number at {@code at} follows a word that labels it as something else ({@link #LABEL_WORDS}). */
    private static boolean identifier(String s, int at) {
        if (issueNumber(s, at)) {
            return true;
        }
        int p = lastNonBlankBefore(s, at);
        p = pastSeparator(s, p, ":#");
        if (p >= 0 && s.charAt(p) == '.') {
            p--; // "ext. 550"
        }
        return endsWithAnyWord(s, p, LABEL_WORDS);
    }

    /**
     * Whether the number at {@code at} is an issue or pull-request number in brackets, {@code (#416)} or {@code [#450]}:
     * a notice that quotes the subject of an issue tracker's mail ("Re: [project] Title (#416)") carries one, and no
     * server writes its reply so; Exchange's {@code #550 5.1.1 ...} and qmail's {@code (#5.1.1)} are not closed there.
     */
    private static boolean issueNumber(String s, int at) {
        return at >= 2 && s.charAt(at - 1) == '#' && (s.charAt(at - 2) == '(' || s.charAt(at - 2) == '[')
                && at + 3 < s.length() && (s.charAt(at + 3) == ')' || s.charAt(at + 3) == ']');
    }

    /** Product names that end in a three-digit number: "Microsoft 365", "Office 365", "Dynamics 365". */
    private static final String[] PRODUCT_WORDS = {"microsoft", "office", "dynamics"};

    /**
     * Whether the number at {@code at} is the number of a product name ({@code Microsoft 365}, {@code Office 365}):
     * Exchange Online's non-delivery reports name the service in their user text ("see DSN 5.7.129 Errors in Exchange
     * Online and Microsoft 365 or Office 365", "Office 365 couldn't deliver the message"), where the 365 is no reply.
     */
    private static boolean productName(String s, int at) {
        int p = lastNonBlankBefore(s, at);
        return p < at - 1 && endsWithAnyWord(s, p, PRODUCT_WORDS);
    }

    /** Words that name an HTTP status before it: {@code HTTP 429}, {@code HTTP/1.1 403}, a JSON {@code "statusCode": 401}. */
    private static final String[] HTTP_LEADS = {"http", "https", "statuscode", "status_code", "httpstatus",
        "httpstatuscode", "http_status", "http_status_code", "httpcode", "http_code"};
    /** Words between such a lead and the status: {@code HTTP error 500}, {@code HTTP response code: 401}. */
    private static final String[] HTTP_NOUNS = {"error", "status", "code", "response"};
    /**
     * What HTTP clients write right before a status (axios's "Request failed with status code 401" in
     * lib/core/settle.js, .NET's "Response status code does not indicate success: 401 (Unauthorized).").
     */
    private static final String[] HTTP_SENTENCES = {"request failed with status code", "does not indicate success"};
    /** Statuses of RFC 9110 §15 (and RFC 6585 §4) whose reason phrase no SMTP reply writes after the same number. */
    private static final int[] HTTP_REASON_CODES = {400, 401, 402, 403, 404, 405, 408, 409, 413, 413, 413, 415, 422,
        422, 429, 500, 502, 504, 504};
    /** Those statuses' reason phrases, in the same order. */
    private static final String[] HTTP_REASONS = {"bad request", "unauthorized", "payment required", "forbidden",
        "not found", "method not allowed", "request timeout", "conflict", "payload too large", "content too large",
        "request entity too large", "unsupported media type", "unprocessable entity", "unprocessable content",
        "too many requests", "internal server error", "bad gateway", "gateway timeout", "gateway time-out"};

    /**
     * Whether the number at {@code at} is the status of an HTTP response, as applications quote an email API's
     * failure, rather than an SMTP reply: after {@code HTTP}, {@code HTTP/1.1}, {@code HTTP error}, a
     * {@code statusCode} key, an HTTP client's own sentence or its reason phrase ({@code Unauthorized (401)}); or
     * followed by its RFC 9110 reason phrase
     * ({@code 403 Forbidden}, {@code (Unauthorized)}), Python requests' {@code 401 Client Error: ... for url} or a JSON
     * body ({@code 400 {"error": ...}}). An
     * HTTP 503 or 401 means nothing an SMTP 503 or 4xx means.
     */
    static boolean httpStatus(String s, int at, int code) {
        if (reasonBefore(s, at, code)) {
            return true;
        }
        int p = lastNonBlankBefore(s, at);
        if (endsWithAnyWord(s, pastSeparator(s, p, ":"), HTTP_SENTENCES)) {
            return true;
        }
        for (int words = 0; words < 4 && p >= 0; words++) {
            while (p >= 0 && (s.charAt(p) == '"' || s.charAt(p) == '\'' || s.charAt(p) == ':' || s.charAt(p) == '='
                    || s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
                p--;
            }
            int end = p;
            while (p >= 0 && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '/' || s.charAt(p) == '.'
                    || s.charAt(p) == '_')) {
                p--;
            }
            if (end == p) {
                break;
            }
            if (s.regionMatches(true, p + 1, "http/", 0, 5) || isWholeToken(s, p + 1, end, HTTP_LEADS)) {
                return true;
            }
            if (!isWholeToken(s, p + 1, end, HTTP_NOUNS)) {
                break;
            }
        }
        return reasonFollows(s, at, code);
    }

    /** Whether {@code s[from..to]} (inclusive) is one of {@code words}, ignoring case. */
    private static boolean isWholeToken(String s, int from, int to, String[] words) {
        for (String w : words) {
            if (w.length() == to - from + 1 && s.regionMatches(true, from, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the status at {@code at} is followed by its HTTP reason phrase, by requests' "Client Error:" or by a
     * JSON body ({@code 400 {"error": "..."}}).
     */
    private static boolean reasonFollows(String s, int at, int code) {
        int q = at + 3;
        if (q < s.length() && (s.charAt(q) == ' ' || s.charAt(q) == '(')) {
            q++;
        }
        if (q < s.length() && s.charAt(q) == '(') {
            q++;
        }
        if (q < s.length() && s.charAt(q) == '{') {
            return true; // a JSON body after the status (an email API's {"message": ...}); no SMTP reply text starts so
        }
        if (s.regionMatches(true, q, "client error:", 0, 13) || s.regionMatches(true, q, "server error:", 0, 13)
                && indexOfIgnoreCase(s, " for url", q, q + REASON_REACH) > 0) {
            return true;
        }
        for (int k = 0; k < HTTP_REASONS.length; k++) {
            String r = HTTP_REASONS[k];
            if (HTTP_REASON_CODES[k] == code && s.regionMatches(true, q, r, 0, r.length())
                    && (q + r.length() == s.length() || !Character.isLetter(s.charAt(q + r.length())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the status at {@code at} stands in brackets right after its own HTTP reason phrase, as some clients
     * print it: {@code Unauthorized (401)}, {@code Too Many Requests (429)}.
     */
    private static boolean reasonBefore(String s, int at, int code) {
        if (at < 2 || s.charAt(at - 1) != '(' || at + 3 >= s.length() || s.charAt(at + 3) != ')') {
            return false;
        }
        int end = at - 1;
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        for (int k = 0; k < HTTP_REASONS.length; k++) {
            String r = HTTP_REASONS[k];
            int from = end - r.length();
            if (HTTP_REASON_CODES[k] == code && from >= 0 && s.regionMatches(true, from, r, 0, r.length())
                    && (from == 0 || !Character.isLetter(s.charAt(from - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** How far after a status requests' " for url" is looked for: its reason phrase stands between. */
    private static final int REASON_REACH = 200;

    /** Where {@code what} first starts at or after {@code from} and before {@code to}, ignoring case; -1 if nowhere. */
    private static int indexOfIgnoreCase(String s, String what, int from, int to) {
        for (int i = Math.max(0, from), last = Math.min(to, s.length() - what.length()); i <= last; i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    private static final String[] UNITS = {"times", "seconds", "second", "secs", "sec", "minutes", "minute", "mins",
        "min", "hours", "hour", "hrs", "days", "ms", "milliseconds", "bytes", "kb", "mb", "gb", "kib", "mib", "kbytes",
        "mbytes", "attempts", "tries", "retries", "characters", "chars", "octets", "percent"};

    /** Whether a unit word follows the number that ends at {@code end} ({@code 250 times}, {@code 250 KB}): a quantity. */
    private static boolean unitFollows(String s, int end) {
        int q = end;
        if (q >= s.length() || s.charAt(q) != ' ') {
            return false;
        }
        q++;
        int w = q;
        while (w < s.length() && Character.isLetter(s.charAt(w))) {
            w++;
        }
        if (w == q || (w < s.length() && Character.isLetterOrDigit(s.charAt(w)))) {
            return false;
        }
        for (String unit : UNITS) {
            if (unit.length() == w - q && s.regionMatches(true, q, unit, 0, unit.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the number at {@code at} is the second half of a count such as {@code 500/500}, not a reply code. */
    private static boolean fraction(String s, int at) {
        return at >= 2 && s.charAt(at - 1) == '/' && isDigit(s.charAt(at - 2));
    }

    private static boolean followsCode(String s, int at) {
        if (at >= s.length()) {
            return true;
        }
        char c = s.charAt(at);
        if (c == '.' || c == ',') {
            return at + 1 >= s.length() || !isDigit(s.charAt(at + 1));
        }
        return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == ':' || c == ')'
                || c == ']' || c == '"' || c == '\'' || c == '>' || c == '\u00A0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The enhanced code right after the basic code if there is one, else the first free-standing one in the
     * text, else null.
     */
    static EnhancedStatusCode findEnhancedCode(String s, int basicAt) {
        if (basicAt >= 0) {
            int q = basicAt + 3;
            if (q < s.length() && (s.charAt(q) == ' ' || s.charAt(q) == '-')) {
                EnhancedStatusCode e = enhancedAt(s, q + 1);
                if (e != null) {
                    return e;
                }
            }
        }
        int n = s.length();
        for (int i = 0; i + 5 <= n; i++) {
            char c = s.charAt(i);
            if (c != '2' && c != '4' && c != '5') {
                continue;
            }
            if (s.charAt(i + 1) != '.') {
                continue;
            }
            if (i > 0) {
                char p = s.charAt(i - 1);
                if (isDigit(p) || p == '.' || Character.isLetter(p)) {
                    continue;
                }
            }
            if (citesSection(s, i)) {
                continue;
            }
            EnhancedStatusCode e = enhancedAt(s, i);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /**
     * Whether the number at {@code at} follows a document reference ({@code RFC 5321 2.3.5}, {@code section 4.2.2},
     * {@code §3.6.1}): a section number, not an enhanced status code.
     */
    private static boolean citesSection(String s, int at) {
        int p = at - 1;
        if (p >= 0 && s.charAt(p) == '\u00A7') {
            return true;
        }
        while (p >= 0 && s.charAt(p) == ' ') {
            p--;
        }
        if (endsWithWord(s, p, "section") || endsWithWord(s, p, "sec.") || endsWithWord(s, p, "rfc")) {
            return true;
        }
        int digitsEnd = p;
        while (p >= 0 && isDigit(s.charAt(p))) {
            p--;
        }
        if (p == digitsEnd) {
            return false;
        }
        while (p >= 0 && (s.charAt(p) == ' ' || s.charAt(p) == '-')) {
            p--;
        }
        return endsWithWord(s, p, "rfc");
    }

    /** An enhanced code starting exactly at {@code at} and ending at a boundary, or null. */
    static EnhancedStatusCode enhancedAt(CharSequence s, int at) {
        int n = s.length();
        int i = Grammar.enhancedCodeEnd(s, at);
        if (i < 0) {
            return null;
        }
        if (i < n) {
            char f = s.charAt(i);
            if (isDigit(f) || Character.isLetter(f) || f == '_') {
                return null;
            }
            if (f == '.' && i + 1 < n && isDigit(s.charAt(i + 1))) {
                return null;
            }
        }
        return EnhancedStatusCode.at(s, at, i);
    }
}
