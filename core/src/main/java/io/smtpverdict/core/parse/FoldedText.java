package io.smtpverdict.core.parse;

/**
 * A reply's folded text held in a reused character buffer instead of a new String: what rules match against on
 * the hot path. Offers the String searches the matchers use, with the same results. Valid until the reply it
 * belongs to is parsed into again; {@link #toString()} makes a String that stays.
 */
public final class FoldedText implements CharSequence {
    private char[] chars;
    private int length;

    FoldedText() {
        this.chars = new char[0];
    }

    /** The folded text as a view of {@code s}'s characters (for callers holding a folded String). */
    public static FoldedText of(String s) {
        FoldedText t = new FoldedText();
        t.set(s.toCharArray(), s.length());
        return t;
    }

    void set(char[] chars, int length) {
        this.chars = chars;
        this.length = length;
    }

    /** Makes this a view of the first {@code length} characters of {@code t}. */
    void setPrefixOf(FoldedText t, int length) {
        this.chars = t.chars;
        this.length = length;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new StringIndexOutOfBoundsException(index);
        }
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new StringIndexOutOfBoundsException("begin " + start + ", end " + end + ", length " + length);
        }
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    /** As {@link String#startsWith(String, int)}. */
    public boolean startsWith(String prefix, int at) {
        int n = prefix.length();
        if (at < 0 || at > length - n) {
            return false;
        }
        char[] c = chars;
        for (int i = 0; i < n; i++) {
            if (c[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** As {@link String#indexOf(int, int)} for a char. */
    public int indexOf(char ch, int from) {
        char[] c = chars;
        for (int i = Math.max(from, 0); i < length; i++) {
            if (c[i] == ch) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link String#indexOf(String, int)}. */
    public int indexOf(String s, int from) {
        int n = s.length();
        int start = Math.max(from, 0);
        if (n == 0) {
            return Math.min(start, length);
        }
        char first = s.charAt(0);
        char[] c = chars;
        for (int i = start, last = length - n; i <= last; i++) {
            if (c[i] == first && startsWith(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link String#lastIndexOf(int, int)} for a char. */
    public int lastIndexOf(char ch, int from) {
        char[] c = chars;
        for (int i = Math.min(from, length - 1); i >= 0; i--) {
            if (c[i] == ch) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link String#lastIndexOf(String)}. */
    public int lastIndexOf(String s) {
        return lastIndexOf(s, length);
    }

    /** As {@link String#lastIndexOf(String, int)}. */
    public int lastIndexOf(String s, int from) {
        for (int i = Math.min(from, length - s.length()); i >= 0; i--) {
            if (startsWith(s, i)) {
                return i;
            }
        }
        return -1;
    }
}
