package io.smtpverdict.spi;

/** A noteworthy fact about a verdict that is not part of its category. */
public enum Flag {
    /** The message may have been delivered although the attempt looks failed: retrying risks a duplicate. */
    POSSIBLE_DUPLICATE,
    /** The sending MTA made no delivery attempt (throttled or paused before connecting). */
    NOT_ATTEMPTED,
    /**
     * The basic and the enhanced code disagree on the class (the basic code's class was used), or the reply's code
     * disagrees with the MTA's own logged decision (the decision was used).
     */
    CODE_MISMATCH,
    /** The input was longer than the size limit and was cut before classification. */
    TRUNCATED
}
