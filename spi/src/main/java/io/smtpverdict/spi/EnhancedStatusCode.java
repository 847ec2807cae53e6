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
        return of(s.charAt(from) - '0', Grammar.digits(s, from + 2, subjectEnd), Grammar.digits(s, subjectEnd + 1, to));
    }

    /** The registry's codes and their neighbours (subject below 10, detail below 100), made once and shared. */
    private static final EnhancedStatusCode[] COMMON = new EnhancedStatusCode[3 * 10 * 100];

    /**
     * The code with these parts; codes with a subject below 10 and a detail below 100 are shared instances, so
     * reading them allocates nothing.
     *
     * @throws IllegalArgumentException when a part is out of range
     */
    public static EnhancedStatusCode of(int classDigit, int subject, int detail) {
        if (subject >= 10 || detail >= 100 || subject < 0 || detail < 0
                || (classDigit != 2 && classDigit != 4 && classDigit != 5)) {
            return new EnhancedStatusCode(classDigit, subject, detail);
        }
        int slot = ((classDigit == 2 ? 0 : classDigit == 4 ? 1 : 2) * 10 + subject) * 100 + detail;
        EnhancedStatusCode code = COMMON[slot];
        if (code == null) {
            // a race makes two equal instances at worst
            code = new EnhancedStatusCode(classDigit, subject, detail);
            COMMON[slot] = code;
        }
        return code;
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
