package io.smtpverdict.spi;

/** What happened to one delivery attempt. */
public enum Outcome {
    /** The receiver accepted the message (2xx). */
    DELIVERED,
    /** A transient failure: the message stays queued and will be retried (4xx). */
    DEFERRED,
    /** A permanent failure: the sender gives up on this recipient (5xx). */
    FAILED,
    /** The text does not say. */
    UNKNOWN;

    /** Whether the attempt ended the message's life in the queue (delivered or failed). */
    public boolean isFinal() {
        return this == DELIVERED || this == FAILED;
    }

    /** The outcome a reply-code class digit stands for: 2 delivered, 4 deferred, 5 failed, else unknown. */
    public static Outcome ofClassDigit(int classDigit) {
        switch (classDigit) {
            case 2:
                return DELIVERED;
            case 4:
                return DEFERRED;
            case 5:
                return FAILED;
            default:
                return UNKNOWN;
        }
    }
}
