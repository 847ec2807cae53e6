package io.smtpverdict.core;

import io.smtpverdict.spi.Outcome;

/**
 * What the sending MTA or the ESP itself decided about a delivery, as its log or event states it: Postfix
 * {@code status=deferred}, an Exim {@code ==} line, a PowerMTA {@code b} record, a webhook's {@code bounce} event.
 * The verdict's outcome never contradicts it (see {@link ClassifyContext}).
 */
public enum MtaDecision {
    /** Delivered or relayed to the next hop ({@code status=sent}, Exim {@code =>}). */
    DELIVERED(Outcome.DELIVERED),
    /** Kept in the queue to be tried again ({@code status=deferred}, Exim {@code ==}). */
    DEFERRED(Outcome.DEFERRED),
    /** Given up on because of the reply ({@code status=bounced}, Exim {@code **}). */
    FAILED(Outcome.FAILED),
    /** Given up on because it stayed in the queue too long ({@code status=expired}). */
    EXPIRED(Outcome.FAILED);

    private final Outcome outcome;

    MtaDecision(Outcome outcome) {
        this.outcome = outcome;
    }

    /** The outcome a verdict must have under this decision. */
    public Outcome outcome() {
        return outcome;
    }
}
