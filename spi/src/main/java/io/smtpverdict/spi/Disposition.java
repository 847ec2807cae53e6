package io.smtpverdict.spi;

/** A category's default lifetime: permanent, transient, either (the reply code decides) or not a bounce. */
public enum Disposition {
    /** The condition will not go away by retrying. */
    PERMANENT,
    /** The condition is expected to clear; retrying makes sense. */
    TRANSIENT,
    /** Could be either; the reply code's class decides. */
    EITHER,
    /** Not a delivery failure at all (auto-replies, feedback reports). */
    NOT_A_BOUNCE;

    /** The outcome this disposition implies when nothing else says: failed, deferred, or unknown. */
    public Outcome defaultOutcome() {
        switch (this) {
            case PERMANENT:
                return Outcome.FAILED;
            case TRANSIENT:
                return Outcome.DEFERRED;
            default:
                return Outcome.UNKNOWN;
        }
    }
}
