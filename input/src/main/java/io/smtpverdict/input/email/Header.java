package io.smtpverdict.input.email;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One header field, unfolded and with RFC 2047 encoded words decoded.
 *
 * @param name the field name as written
 * @param value the field body
 */
record Header(String name, String value) {
    /** Validates the parts. */
    Header {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }

    /** The value of the first field of this name (case-insensitive). */
    static Optional<String> first(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name.equalsIgnoreCase(name)) {
                return Optional.of(h.value);
            }
        }
        return Optional.empty();
    }

    /** The field name in lower case. */
    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
