package io.smtpverdict.core.parse;

/**
 * Folds text for matching: lower case, every run of white space to one space, curly apostrophes and
 * quotes to straight ones, Unicode hyphens and dashes to the ASCII hyphen, Turkish dotless i to i, leading and trailing
 * space removed. Phrases, templates and replies are all
 * folded the same way, so matching is a plain comparison of folded text.
 */
public final class Normalizer {
    private Normalizer() {
    }

    /**
     * What {@link #fold(char)} returns for a character that folding drops: the zero-width space, non-joiner, joiner and
     * no-break space (byte-order mark), the word joiner and the soft hyphen. Translation catalogs and word processors
     * put them inside words (Persian, Indic and Khmer text; a hyphenation point), invisible to a reader, so the same
     * words with and without them must meet. A noncharacter, so no text means it.
     */
    public static final char DROP = '\uFFFF';

    /**
     * Folds one character (white space is handled by the caller); returns it unchanged when nothing applies, and
     * {@link #DROP} for a character folding leaves out.
     */
    public static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        switch (c) {
            case '\u2018':
            case '\u2019':
            case '\u201B':
            case '\u02BC':
            case '\u00B4':
                return '\'';
            case '\u201C':
            case '\u201D':
            case '\u201E':
                return '"';
            case '\u2010':
            case '\u2011':
            case '\u2012':
            case '\u2013':
            case '\u2014':
            case '\u2212':
            case '\uFE63':
            case '\uFF0D':
                // hyphen, non-breaking hyphen (Google's localized pages write "E\u2011Mail"), figure, en and em dash,
                // minus sign, small and fullwidth hyphen-minus: text typeset by a word processor or a help page
                return '-';
            case '\u0131':
                // Turkish dotless i: upper case writes it I, which folds to i, so "SINIRI" and "sınırı" must meet
                return 'i';
            case '\u200B':
            case '\u200C':
            case '\u200D':
            case '\u2060':
            case '\uFEFF':
            case '\u00AD':
                return DROP;
            default:
                return Character.toLowerCase(c);
        }
    }

    /**
     * Folds any character as the scan and the fold read it: {@code ' '} for white space (which callers collapse),
     * else {@link #fold(char)}.
     */
    public static char foldOrSpace(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32)
                    : c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' ? ' ' : c;
        }
        return foldWide(c);
    }

    /**
     * Folds a character above ASCII with a table read: {@code ' '} for white space, else {@link #fold(char)}.
     * Mail in Japanese, Chinese, Russian or Greek is mostly such characters, and the scan reads each one.
     */
    private static char foldWide(char c) {
        Page page = PAGES[c >>> 8];
        if (page == null) {
            page = new Page(c & 0xFF00);
            PAGES[c >>> 8] = page; // racing threads build equal pages; the final field publishes each safely
        }
        return page.folded[c & 0xFF];
    }

    /** {@link #foldWide}'s tables, one per block of 256 characters, each built when a text first uses it. */
    private static final Page[] PAGES = new Page[256];

    /** The folded forms of 256 consecutive characters. */
    private static final class Page {
        final char[] folded = new char[256];

        Page(int first) {
            for (int i = 0; i < 256; i++) {
                char c = (char) (first + i);
                folded[i] = isSpace(c) ? ' ' : fold(c);
            }
        }
    }

    /** Whether a character counts as white space when folding. */
    public static boolean isSpace(char c) {
        // above Latin-1, Unicode's white space lies between U+1680 (Ogham space) and U+3000 (ideographic space):
        // the range test keeps Japanese, Chinese and Korean text, which lies above it, off the slow lookup
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u00A0'
                || (c >= '\u1680' && c <= '\u3000' && Character.isWhitespace(c));
    }

    /** The folded form of {@code text}. */
    public static String normalize(CharSequence text) {
        if (text instanceof String s && isFolded(s)) {
            return s; // most phrases of the tables are written folded: building the engine copies none of them
        }
        char[] out = new char[text.length()];
        return new String(out, 0, fold(text, null, null, out));
    }

    /**
     * Whether folding would leave {@code s} as it is: every character its own fold, white space only as single
     * spaces between words. A false answer only sends the text through the full fold.
     */
    private static boolean isFolded(String s) {
        int n = s.length();
        if (n > 0 && (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ')) {
            return false;
        }
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (foldOrSpace(c) != c || c == DROP || c == ' ' && prev == ' ') {
                return false;
            }
            prev = c;
        }
        return true;
    }

    /**
     * Fills {@code offsets}, at least {@code text.length() + 1} long, with the index in {@code text} that each
     * character of the folded text came from (and at the folded length, the original end), without building the
     * folded text, reading the ranges in {@code skips} (pairs of from and to indexes, in order; null for none) as
     * white space, as {@link ParsedReply#skips()} asks; returns the folded length.
     */
    public static int offsets(CharSequence text, int[] skips, int[] offsets) {
        return fold(text, skips, offsets, null);
    }

    /** Folds {@code text} into {@code out} (at least as long as the text), reading {@code skips} as white space. */
    static int fold(CharSequence text, int[] skips, char[] out) {
        return fold(text, skips, null, out);
    }

    /** Folds {@code text} into {@code out} when it is not null, filling {@code offsets} when that is not null. */
    private static int fold(CharSequence text, int[] skips, int[] offsets, char[] out) {
        int n = text.length();
        int len = 0;
        boolean pendingSpace = false;
        int spaceAt = 0;
        int k = 0;
        int nextSkip = skips == null || skips.length == 0 ? Integer.MAX_VALUE : skips[0];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char f = foldOrSpace(c);
            if (f == DROP && i != nextSkip) {
                continue;
            }
            boolean space = f == ' ';
            if (space || i == nextSkip) {
                if (!pendingSpace) {
                    pendingSpace = true;
                    spaceAt = i;
                }
                if (i == nextSkip) {
                    i = skips[k + 1] - 1; // a skipped range reads as one space
                    k += 2;
                    nextSkip = k < skips.length ? skips[k] : Integer.MAX_VALUE;
                }
                continue;
            }
            if (pendingSpace && len > 0) {
                if (offsets != null) {
                    offsets[len] = spaceAt;
                }
                if (out != null) {
                    out[len] = ' ';
                }
                len++;
            }
            pendingSpace = false;
            if (offsets != null) {
                offsets[len] = i;
            }
            if (out != null) {
                out[len] = f;
            }
            len++;
        }
        if (offsets != null) {
            int end = n;
            while (end > 0 && isSpace(text.charAt(end - 1))) {
                end--;
            }
            offsets[len] = end;
        }
        return len;
    }
}
