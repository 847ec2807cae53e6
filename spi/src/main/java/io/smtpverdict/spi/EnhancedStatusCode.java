package io.smtpverdict.spi;

import java.util.Optional;

/**
 * An RFC 3463 enhanced status code, {@code class.subject.detail}, such as {@code 5.1.1} or {@code 4.16.5}.
 *
 * @param classDigit 2, 4 or 5
 * @param subject 0 to 999
 * @param detail 0 to 999
 */
public record EnhancedStatusCode(int classDigit, int subject, int detail) {
    /** Validates the parts. */
    public EnhancedStatusCode {
        if (classDigit != 2 && classDigit != 4 && classDigit != 5) {
            throw new IllegalArgumentException("class must be 2, 4 or 5: " + classDigit);
        }
        if (subject < 0 || subject > 999) {
            throw new IllegalArgumentException("subject out of range: " + subject);
        }
        if (detail < 0 || detail > 999) {
            throw new IllegalArgumentException("detail out of range: " + detail);
        }
    }

    /**
     * Parses {@code c.s.d} exactly (no surrounding text, no leading zeros); empty when it is not one.
     *
     * @param text candidate code
     * @return the code, or empty
     */
    public static Optional<EnhancedStatusCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int n = text.length();
        if (n < 5 || n > 9) {
            return Optional.empty();
        }
        char c = text.charAt(0);
        if ((c != '2' && c != '4' && c != '5') || text.charAt(1) != '.') {
            return Optional.empty();
        }
        int dot = text.indexOf('.', 2);
        if (dot < 0) {
            return Optional.empty();
        }
        int subject = number(text, 2, dot);
        int detail = number(text, dot + 1, n);
        if (subject < 0 || detail < 0) {
            return Optional.empty();
        }
        return Optional.of(new EnhancedStatusCode(c - '0', subject, detail));
    }

    private static int number(String s, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 3 || (len > 1 && s.charAt(from) == '0')) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char d = s.charAt(i);
            if (d < '0' || d > '9') {
                return -1;
            }
            v = v * 10 + (d - '0');
        }
        return v;
    }

    /** The outcome this code's class stands for. */
    public Outcome outcome() {
        return Outcome.ofClassDigit(classDigit);
    }

    @Override
    public String toString() {
        return classDigit + "." + subject + "." + detail;
    }
}
