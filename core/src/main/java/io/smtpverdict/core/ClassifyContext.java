package io.smtpverdict.core;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.spi.EnhancedStatusCode;
import java.util.Optional;

/**
 * What is known about a reply besides its text: the decision the MTA or ESP reported with it and the status
 * code it logged (Postfix {@code dsn=4.4.3}, a PowerMTA {@code dsnStatus}, an event's status field). It is evidence
 * next to the text, never pasted into it: the verdict's outcome follows the decision, and the status code counts
 * when the text carries none.
 *
 * @param decision what the MTA did with the delivery, if it says
 * @param status the enhanced status code the MTA logged, if any
 * @param reportedBy who reported the decision, in a few words for the explanation (e.g. {@code "Postfix status=deferred"})
 */
public record ClassifyContext(Optional<MtaDecision> decision, Optional<EnhancedStatusCode> status,
        Optional<String> reportedBy) {
    /** No context: the text alone decides. */
    public static final ClassifyContext NONE = new ClassifyContext(Optional.empty(), Optional.empty(), Optional.empty());

    /** Validates the parts. */
    public ClassifyContext {
        requireNonNull(decision, "decision is null");
        requireNonNull(status, "status is null");
        requireNonNull(reportedBy, "reportedBy is null");
    }

    /** A context holding only the MTA's decision. */
    public static ClassifyContext of(MtaDecision decision) {
        return new ClassifyContext(Optional.of(requireNonNull(decision, "decision is null")), Optional.empty(),
                Optional.empty());
    }

    /** The same context with the status code the MTA logged. */
    public ClassifyContext withStatus(EnhancedStatusCode code) {
        return new ClassifyContext(decision, Optional.of(requireNonNull(code, "code is null")), reportedBy);
    }

    /** The same context naming who reported the decision. */
    public ClassifyContext reportedBy(String who) {
        return new ClassifyContext(decision, status, Optional.of(requireNonNull(who, "who is null")));
    }

    /** Whether it holds nothing. */
    public boolean isEmpty() {
        return decision.isEmpty() && status.isEmpty();
    }
}
