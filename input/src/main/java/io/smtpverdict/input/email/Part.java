package io.smtpverdict.input.email;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One leaf part of an email as far as it was kept.
 *
 * @param depth how many message/rfc822 levels it lies under (0: the email itself)
 * @param mimeType the media type in lower case, e.g. {@code message/delivery-status}
 * @param parameters the Content-Type parameters
 * @param headers the part's own header fields
 * @param text the decoded text, empty when the part is not text (attachments are not kept)
 * @param cut whether the text was cut at the size limit
 */
record Part(int depth, String mimeType, Map<String, String> parameters, List<Header> headers, String text,
        boolean cut) {
    /** Validates the parts. */
    Part {
        requireNonNull(mimeType, "mimeType is null");
        parameters = Map.copyOf(parameters);
        headers = List.copyOf(headers);
        requireNonNull(text, "text is null");
    }
}
