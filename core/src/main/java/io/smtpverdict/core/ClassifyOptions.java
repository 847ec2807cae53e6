package io.smtpverdict.core;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.spi.Stage;

/**
 * How one classification should run.
 *
 * @param explain collect the losing candidate rules into the verdict
 * @param stageHint the SMTP stage the caller knows (e.g. from a log line); UNKNOWN when none
 */
public record ClassifyOptions(boolean explain, Stage stageHint) {
    /** Plain classification. */
    public static final ClassifyOptions DEFAULT = new ClassifyOptions(false, Stage.UNKNOWN);
    /** Classification that lists the losing candidates. */
    public static final ClassifyOptions EXPLAIN = new ClassifyOptions(true, Stage.UNKNOWN);

    /** Validates the parts. */
    public ClassifyOptions {
        requireNonNull(stageHint, "stageHint is null");
    }

    /** The same options with a stage hint. */
    public ClassifyOptions withStage(Stage stage) {
        return new ClassifyOptions(explain, stage);
    }
}
