package io.smtpverdict.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One reply as the parser understood it: the raw text, the codes found in it, its lines and the stage it names.
 *
 * @param raw the text as received (after any size cut)
 * @param basicCode the RFC 5321 reply code (200-599), if one was found
 * @param enhancedCode the RFC 3463 enhanced status code, if one was found
 * @param lines the text split into lines, with multi-line reply prefixes such as {@code 550-} kept
 * @param stage the SMTP stage the text names (e.g. "in reply to RCPT TO command"), or UNKNOWN
 * @param truncated whether the input was cut at the size limit
 */
public record SmtpReply(String raw, OptionalInt basicCode, Optional<EnhancedStatusCode> enhancedCode,
        List<String> lines, Stage stage, boolean truncated) {
    /** Validates the parts. */
    public SmtpReply {
        requireNonNull(raw, "raw is null");
        requireNonNull(basicCode, "basicCode is null");
        requireNonNull(enhancedCode, "enhancedCode is null");
        lines = List.copyOf(requireNonNull(lines, "lines is null"));
        requireNonNull(stage, "stage is null");
        if (basicCode.isPresent() && (basicCode.getAsInt() < 100 || basicCode.getAsInt() > 599)) {
            throw new IllegalArgumentException("basic code out of range: " + basicCode.getAsInt());
        }
    }

    /** The class digit of the basic code, else of the enhanced code, else 0. */
    public int classDigit() {
        if (basicCode.isPresent()) {
            return basicCode.getAsInt() / 100;
        }
        return enhancedCode.map(EnhancedStatusCode::classDigit).orElse(0);
    }
}
