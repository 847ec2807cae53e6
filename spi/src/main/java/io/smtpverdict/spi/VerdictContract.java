package io.smtpverdict.spi;

/** Constants of the plugin contract. */
public final class VerdictContract {
    /**
     * The contract version this spi defines. It is a compile-time constant, so a plugin that returns it
     * from {@link VerdictPlugin#contractVersion()} records the version it was built against.
     */
    public static final int VERSION = 1;

    /** The rule-table schema version this contract reads. */
    public static final int RULE_TABLE_SCHEMA_VERSION = 1;

    private VerdictContract() {
    }
}
