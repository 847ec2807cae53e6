package io.smtpverdict.spi;

/** Constants of the plugin contract. */
public final class VerdictContract {
    /**
     * The contract version this spi defines. It is a compile-time constant, so a plugin that returns it
     * from {@link VerdictPlugin#contractVersion()} records the version it was built against.
     */
    public static final int VERSION = 1;

    /**
     * The rule-table schema version this contract reads (docs/rule-table-format.md). Version 2 added
     * table defaults, rule sources, derived evidence levels and the single {@code outcome} field.
     */
    public static final int RULE_TABLE_SCHEMA_VERSION = 2;

    private VerdictContract() {
    }
}
