package io.smtpverdict.input.email;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one email says about one recipient, or why it says nothing.
 *
 * @param file the email's path, or the mailbox's path for a message of an mbox (see {@code message})
 * @param message the 1-based position of the message inside an mbox; empty for a file of its own
 * @param kind what sort of email it is
 * @param recipient the recipient's address in lower case, when the email names one
 * @param foundBy how the recipient and its reply were found: {@code dsn} (an RFC 3464 report), {@code body} (the
 *     human-readable notice), {@code header} (a header naming failed recipients), {@code arf} (a feedback
 *     report), {@code auto-reply}, {@code verp} (the bounce's return address), {@code none}
 * @param fields what the email states besides the reply: DSN fields ({@code action}, {@code status},
 *     {@code diagnosticCode}, {@code remoteMta}, ...), the returned message's headers ({@code originalMessageId},
 *     ...), {@code verpRecipient}, {@code feedbackType}, in a stable order
 * @param reply the text that was classified, when there was one
 * @param stated the outcome the reporting MTA stated itself (a DSN's Action); UNKNOWN when none
 * @param verdict the verdict; empty for an email that is no bounce, feedback report or auto-reply, and for errors
 * @param error why the email could not be read
 * @param warnings what went wrong without stopping the reading (a cut part, an unknown charset, ...)
 */
public record EmailRecord(String file, OptionalInt message, Kind kind, Optional<String> recipient, String foundBy,
        Map<String, String> fields, Optional<String> reply, Outcome stated, Optional<Verdict> verdict,
        Optional<String> error, List<String> warnings) {

    /** What sort of email a record comes from. */
    public enum Kind {
        /** A delivery status notification or another MTA's notice of a failed or delayed delivery. */
        BOUNCE,
        /** An ARF feedback report (RFC 5965): a complaint about a delivered message. */
        FEEDBACK_REPORT,
        /**
         * An automatic reply (RFC 3834, vacation notices: the message was delivered; a challenge or a request to
         * confirm a post: the message waits for the sender).
         */
        AUTO_REPLY,
        /** An ordinary email: none of the above. */
        NOT_A_BOUNCE,
        /** The email could not be read; see {@code error}. */
        UNREADABLE
    }

    /** Validates the parts. */
    public EmailRecord {
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(recipient, "recipient is null");
        requireNonNull(foundBy, "foundBy is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        requireNonNull(reply, "reply is null");
        requireNonNull(stated, "stated is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(error, "error is null");
        warnings = List.copyOf(warnings);
    }

    /** A record for an email that could not be read. */
    static EmailRecord unreadable(String file, OptionalInt message, String error) {
        return new EmailRecord(file, message, Kind.UNREADABLE, Optional.empty(), "none", Map.of(), Optional.empty(),
                Outcome.UNKNOWN, Optional.empty(), Optional.of(error), List.of());
    }
}
