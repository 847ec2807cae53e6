package io.smtpverdict.spi;

import static java.util.Objects.requireNonNull;

/**
 * A category expressed in the taxonomies of other systems, so existing dashboards keep working.
 *
 * @param sparkpostClass SparkPost / Momentum numeric bounce class
 * @param powermta PowerMTA bounce category
 * @param kumomta KumoMTA bounce class
 * @param sisimai Sisimai reason
 */
public record Compat(int sparkpostClass, String powermta, String kumomta, String sisimai) {
    /** Validates the names. */
    public Compat {
        requireNonNull(powermta, "powermta is null");
        requireNonNull(kumomta, "kumomta is null");
        requireNonNull(sisimai, "sisimai is null");
    }
}
