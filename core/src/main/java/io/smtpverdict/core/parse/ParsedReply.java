package io.smtpverdict.core.parse;

import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.Grammar;

/**
 * The parser's view of one input, kept cheap for the hot path: the (possibly cut) text, the codes found in
 * it, and its folded form on demand. Internal to the engine; used by one thread at a time.
 */
public final class ParsedReply {
    private String text = "";
    private final FoldedText folded = new FoldedText();
    private boolean isFolded;
    private char[] foldBuffer;
    private int bodyStart = -1;
    private int messageStart = -1;
    private int messageEnd;
    private int messageClosedEnd;
    private int leadingCode;
    private EnhancedStatusCode leadingEnhanced;
    private static final char[] EMPTY = {};
    private int basicCode;
    private EnhancedStatusCode enhancedCode;
    private boolean truncated;
    private int[] skips;
    private int noteStart = Integer.MAX_VALUE;
    private final FoldedText beforeNote = new FoldedText();

    /** An empty reply, for {@link ReplyParser#parse(String, int, ParsedReply)} to parse into again and again. */
    public ParsedReply() {
    }

    /** Holds a newly parsed text, forgetting everything known about the last one. */
    void reset(String text, int basicCode, EnhancedStatusCode enhancedCode, boolean truncated, int[] skips) {
        this.text = text;
        this.skips = skips;
        this.basicCode = basicCode;
        this.enhancedCode = enhancedCode;
        this.truncated = truncated;
        isFolded = false;
        folded.set(EMPTY, 0);
        foldBuffer = null;
        bodyStart = -1;
        messageStart = -1;
        messageEnd = 0;
        messageClosedEnd = 0;
        leadingCode = 0;
        leadingEnhanced = null;
        noteStart = Integer.MAX_VALUE;
    }

    /**
     * Marks the note of the command the reply answered when it ends the text, as Postfix writes it after a remote
     * reply ("550 ... (in reply to RCPT TO command)", smtp_proto.c) and as logs and pages quote that reply without the
     * "host ... said:" in front. {@code at} is where "in reply to" starts in the folded text; the note is there when
     * an opening parenthesis stands before it and only closing parentheses, full stops and spaces follow the word
     * "command".
     */
    public void markStageNote(int at) {
        FoldedText f = folded();
        int open = at - 1;
        while (open >= 0 && f.charAt(open) == ' ') {
            open--;
        }
        int command = f.indexOf("command", at);
        // the longest note names a command of a few words ("in reply to end of DATA command")
        if (open < 0 || f.charAt(open) != '(' || command < 0 || command - at > 48) {
            return;
        }
        for (int i = command + "command".length(); i < f.length(); i++) {
            char c = f.charAt(i);
            if (c != ')' && c != '.' && c != ' ') {
                return;
            }
        }
        noteStart = open;
    }

    /**
     * Where the stage note {@link #markStageNote} found starts (its opening parenthesis): words from there on are the
     * note's, not the reply's. {@link Integer#MAX_VALUE} when the text has none.
     */
    public int stageNoteStart() {
        return noteStart;
    }

    /** Whether {@link #markStageNote} found a note at the end of the text. */
    public boolean hasStageNote() {
        return noteStart != Integer.MAX_VALUE;
    }

    /**
     * The folded text before the stage note and the spaces before it (a view, no copy), for a rule that must reach
     * the end of the reply; the folded text itself when there is no note.
     */
    public FoldedText beforeStageNote() {
        FoldedText f = folded();
        if (noteStart == Integer.MAX_VALUE) {
            return f;
        }
        beforeNote.setPrefixOf(f, trimEnd(f, 0, noteStart));
        return beforeNote;
    }

    /** The input text, cut at the size limit. */
    public String text() {
        return text;
    }

    /**
     * The folded text that rules match against, folded on first use (most replies never need it) into the buffer
     * given to {@link #foldThrough} when it is long enough, else a new one; valid until this reply is parsed into
     * again.
     */
    public FoldedText folded() {
        if (!isFolded) {
            char[] out = foldBuffer != null && foldBuffer.length >= text.length() ? foldBuffer : new char[text.length()];
            folded.set(out, Normalizer.fold(text, skips, out));
            foldBuffer = null;
            isFolded = true;
        }
        return folded;
    }

    /**
     * Lets {@link #folded()} fold through {@code buffer} (the caller's reused scratch, at least as long as the
     * text to be of use) instead of a new array, if it has not folded yet.
     */
    public void foldThrough(char[] buffer) {
        foldBuffer = buffer;
    }

    /**
     * The buffer given to {@link #foldThrough} when the text is not folded yet and fits in it, for a caller that
     * folds the text while reading it anyway (the automaton's scan) and then hands the result over with
     * {@link #foldedInto}; else null.
     */
    public char[] pendingFoldBuffer() {
        return !isFolded && foldBuffer != null && foldBuffer.length >= text.length() ? foldBuffer : null;
    }

    /**
     * Takes the first {@code length} characters of {@link #pendingFoldBuffer()} as the folded text: the caller has
     * written exactly what {@link Normalizer} folds this text (with its skips) into.
     */
    public void foldedInto(int length) {
        folded.set(foldBuffer, length);
        foldBuffer = null;
        isFolded = true;
    }

    /** Where the reply proper starts in the folded text, after a {@code Diagnostic-Code: smtp;} prefix. */
    public int bodyStart() {
        if (bodyStart < 0) {
            bodyStart = ReplyParser.bodyStart(folded());
        }
        return bodyStart;
    }

    /**
     * Whether the reply's text after its leading codes is exactly {@code folded} (a final full stop ignored),
     * and its leading codes agree with {@code code} and {@code enhanced} where both name one:
     * {@code 421 4.4.5 Service unavailable.} has the message "service unavailable" with codes 421 and 4.4.5.
     * The reply starts at the text's start (after a {@code Diagnostic-Code: smtp;} prefix), else where its basic
     * code stands after a separator, as when a log or a report quotes it ({@code Remote host said: 550 ...},
     * {@code "550 ..."}, Exchange's {@code mx.example.org #550 ... ##}), or after the opening quotes or brackets of a
     * reply without codes quoted whole ({@code "Mailbox full"}); a closing quote, bracket or brace (the end of
     * Python's {@code {'jane@example.org': (550, b'...')}}) or Exchange's {@code ##} after the message is then not part
     * of it.
     *
     * @param folded the message, folded, without a final full stop
     * @param code the basic code the message is sent with, or 0 for any
     * @param enhanced the enhanced code it is sent with, or null for any
     */
    public boolean messageIs(String folded, int code, EnhancedStatusCode enhanced) {
        if (messageStart < 0) {
            FoldedText n = folded();
            int at = recipientPrefixEnd(n, bodyStart());
            int tuple = codeAt(n, at) || basicCode == 0 ? -1 : tupleReplyStart(n, at);
            if (tuple >= 0) {
                leadingCode = basicCode;
                at = tuple;
            } else {
                if (!codeAt(n, at) && basicCode != 0) {
                    at = quotedReplyStart(n, at);
                } else if (basicCode == 0) {
                    // a reply without codes quoted whole: "\"Mailbox full\"", '(Mailbox full)'
                    while (at < n.length() && isOpener(n.charAt(at))) {
                        at++;
                    }
                }
                if (codeAt(n, at)) {
                    leadingCode = (n.charAt(at) - '0') * 100 + (n.charAt(at + 1) - '0') * 10 + (n.charAt(at + 2) - '0');
                    at = Math.min(n.length(), at + 4);
                }
            }
            leadingEnhanced = ReplyParser.enhancedAt(n, at);
            if (leadingEnhanced != null) {
                // the grammar has no leading zeros: the code's text is as long as its written form
                at = Math.min(n.length(), Grammar.enhancedCodeEnd(n, at) + 1);
            }
            if (leadingCode != 0 || leadingEnhanced != null) {
                // Sendmail writes the address after the codes: "550 5.0.0 <jane@example.org>... Can't create output"
                at = recipientPrefixEnd(n, at);
            }
            messageStart = at;
            // a message ends before the note of the command it answered
            messageEnd = trimEnd(n, at, Math.max(at, Math.min(n.length(), noteStart)));
            int closed = messageEnd;
            while (closed > at && isCloser(n.charAt(closed - 1))) {
                closed--;
            }
            messageClosedEnd = closed < messageEnd ? trimEnd(n, at, closed) : messageEnd;
        }
        if (code != 0 && leadingCode != 0 && code != leadingCode) {
            return false;
        }
        if (enhanced != null && leadingEnhanced != null && !enhanced.equals(leadingEnhanced)) {
            return false;
        }
        return (messageEnd - messageStart == folded.length() || messageClosedEnd - messageStart == folded.length())
                && folded().startsWith(folded, messageStart);
    }

    /**
     * Where the text after Sendmail's bare {@code address... } starts (its usrerr writes the address the error is about,
     * then "... "): one word that holds an {@code @} or a UUCP {@code !}; {@code at} itself otherwise.
     */
    private static int bareAddressPrefixEnd(FoldedText n, int at) {
        int end = Math.min(n.length(), at + MAX_ADDRESS);
        boolean address = false;
        for (int i = at; i < end; i++) {
            char c = n.charAt(i);
            if (c == ' ') {
                return at;
            }
            if (c == '@' || c == '!') {
                address = true;
            } else if (c == '.' && address && n.startsWith("... ", i)) {
                return i + 4;
            }
        }
        return at;
    }

    /** Most characters of an address, in angle brackets or bare, that {@link #recipientPrefixEnd} steps over. */
    private static final int MAX_ADDRESS = 320;

    /**
     * Where the text after a leading recipient address starts, as a bounce report writes it before the reason:
     * Postfix's {@code <jane@example.org>: text} and {@code <jane@example.org> (expanded from <a@example.org>): text},
     * Sendmail's {@code <jane@example.org>... text} and, without the brackets, {@code jane@example.org... text} or a
     * UUCP path's {@code host!jane... text}; {@code at} itself when the text at {@code at} is none of these.
     */
    private static int recipientPrefixEnd(FoldedText n, int at) {
        if (at >= n.length()) {
            return at;
        }
        if (n.charAt(at) != '<') {
            return bareAddressPrefixEnd(n, at);
        }
        int close = n.indexOf('>', at);
        int atSign = n.indexOf('@', at);
        if (close < 0 || close - at > MAX_ADDRESS || atSign < 0 || atSign > close) {
            return at;
        }
        int i = close + 1;
        if (n.startsWith(" (expanded from <", i)) {
            int end = n.indexOf(">)", i);
            if (end < 0 || end - i > MAX_ADDRESS) {
                return at;
            }
            i = end + 2;
        }
        if (n.startsWith(": ", i)) {
            return i + 2;
        }
        if (n.startsWith("... ", i)) {
            return i + 4;
        }
        return at;
    }

    /** The end of the message in {@code n} before {@code end}: without a final full stop and white space. */
    private static int trimEnd(FoldedText n, int start, int end) {
        while (end > start && n.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > start && n.charAt(end - 1) == '.') {
            end--;
        }
        while (end > start && n.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '>' || c == ')' || c == ']' || c == '}' || c == '#';
    }

    /** Whether a basic code (three digits, then a space, a hyphen or the end) stands at {@code at}. */
    private static boolean codeAt(FoldedText n, int at) {
        return at + 3 <= n.length() && isDigit(n.charAt(at)) && isDigit(n.charAt(at + 1)) && isDigit(n.charAt(at + 2))
                && (at + 3 == n.length() || n.charAt(at + 3) == ' ' || n.charAt(at + 3) == '-');
    }

    /**
     * Where the reply's basic code stands after a separator ({@code :}, {@code ;}, a quote, {@code <}, {@code (},
     * {@code [}, Exchange's {@code #} or a space after one of them) in {@code n} from {@code from}; {@code from} when it does not.
     */
    private int quotedReplyStart(FoldedText n, int from) {
        char c0 = (char) ('0' + basicCode / 100);
        char c1 = (char) ('0' + basicCode / 10 % 10);
        char c2 = (char) ('0' + basicCode % 10);
        for (int i = Math.max(from, 1); i + 3 <= n.length(); i++) {
            if (n.charAt(i) != c0 || n.charAt(i + 1) != c1 || n.charAt(i + 2) != c2 || !codeAt(n, i)) {
                continue;
            }
            char before = n.charAt(i - 1);
            if (before == ' ' && i >= 2) {
                before = n.charAt(i - 2);
            }
            if (before == ':' || before == ';' || before == '"' || before == '\'' || before == '<' || before == '('
                    || before == '[' || before == '#') {
                return i;
            }
        }
        return from;
    }

    /**
     * Where the message of the reply stands when Python's smtplib wrote it as its error tuple, the basic code and
     * the server's text as bytes or a string: {@code SMTPDataError(550, b'...')}, {@code (535, '...')}; -1 when the
     * text holds no such tuple of the reply's code.
     */
    private int tupleReplyStart(FoldedText n, int from) {
        char c0 = (char) ('0' + basicCode / 100);
        char c1 = (char) ('0' + basicCode / 10 % 10);
        char c2 = (char) ('0' + basicCode % 10);
        for (int i = Math.max(from, 1); i + 6 <= n.length(); i++) {
            if (n.charAt(i - 1) != '(' || n.charAt(i) != c0 || n.charAt(i + 1) != c1 || n.charAt(i + 2) != c2
                    || n.charAt(i + 3) != ',' || n.charAt(i + 4) != ' ') {
                continue;
            }
            int q = n.charAt(i + 5) == 'b' ? i + 6 : i + 5;
            if (q < n.length() && (n.charAt(q) == '\'' || n.charAt(q) == '"')) {
                return q + 1;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The basic reply code, or 0. */
    public int basicCode() {
        return basicCode;
    }

    /** The enhanced status code, or null. */
    public EnhancedStatusCode enhancedCode() {
        return enhancedCode;
    }

    /**
     * The ranges of the text that the folded text reads as white space (pairs of from and to indexes, in order),
     * or null for none: the repeated codes of a multi-line reply's later lines (see
     * {@link ReplyParser#parse(String, int, ParsedReply)}). Whoever folds or scans {@link #text()} for matching
     * passes them on.
     */
    public int[] skips() {
        return skips;
    }

    /** Whether the input was cut. */
    public boolean truncated() {
        return truncated;
    }

    /** The class digit of the basic code, else of the enhanced code, else 0. */
    public int classDigit() {
        if (basicCode != 0) {
            return basicCode / 100;
        }
        return enhancedCode == null ? 0 : enhancedCode.classDigit();
    }
}
