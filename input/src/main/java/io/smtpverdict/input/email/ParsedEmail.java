package io.smtpverdict.input.email;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the MIME parser kept of one email: its header, every leaf part (text bounded), the headers of the
 * messages nested inside it, and what went wrong on the way.
 *
 * @param headers the header fields of the email itself
 * @param reportType the {@code report-type} of its outermost {@code multipart/report}, if any
 * @param parts the leaf parts in order
 * @param nested the header fields of each message/rfc822 inside it, outermost first, with their depth
 * @param warnings problems the parser got over (missing boundary, unknown charset, cut part)
 * @param preamble the text before the first part of the outermost multipart (all of it when a boundary is missing)
 */
record ParsedEmail(List<Header> headers, Optional<String> reportType, List<Part> parts, List<Nested> nested,
        List<String> warnings, String preamble) {
    /** Validates the parts. */
    ParsedEmail {
        headers = List.copyOf(headers);
        requireNonNull(reportType, "reportType is null");
        parts = List.copyOf(parts);
        nested = List.copyOf(nested);
        warnings = List.copyOf(warnings);
        requireNonNull(preamble, "preamble is null");
    }

    /** The header of a message nested in the email, with its depth (1: attached to the email itself). */
    record Nested(int depth, List<Header> headers) {
        /** Validates the parts. */
        Nested {
            headers = List.copyOf(headers);
        }
    }

    /** The first header field of the email itself with this name. */
    Optional<String> header(String name) {
        return Header.first(headers, name);
    }
}
