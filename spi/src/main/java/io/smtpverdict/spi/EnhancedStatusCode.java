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
        if (text == null || Grammar.enhancedCodeEnd(text, 0) != text.length()) {
            return Optional.empty();
        }
        return Optional.of(at(text, 0, text.length()));
    }

    /**
     * The code {@link Grammar#enhancedCodeEnd} found in {@code s} from {@code from} to {@code to}.
     *
     * @param s the text
     * @param from where the code starts
     * @param to where {@link Grammar#enhancedCodeEnd} says it ends
     * @return the code
     * @throws IllegalArgumentException when no enhanced code spans exactly that range
     */
    public static EnhancedStatusCode at(CharSequence s, int from, int to) {
        if (Grammar.enhancedCodeEnd(s, from) != to) {
            throw new IllegalArgumentException("no enhanced status code at " + from + " to " + to);
        }
        int subjectEnd = Grammar.numberEnd(s, from + 2);
        return new EnhancedStatusCode(s.charAt(from) - '0', Grammar.digits(s, from + 2, subjectEnd),
                Grammar.digits(s, subjectEnd + 1, to));
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
