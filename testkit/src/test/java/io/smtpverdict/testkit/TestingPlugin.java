package io.smtpverdict.testkit;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** A plugin whose id, table and contract version a test chooses; not registered with ServiceLoader. */
final class TestingPlugin implements VerdictPlugin {
    private final String id;
    private final String table;
    private final int contractVersion;

    TestingPlugin(String id, String table) {
        this(id, table, VerdictContract.VERSION);
    }

    TestingPlugin(String id, String table, int contractVersion) {
        this.id = requireNonNull(id, "id is null");
        this.table = requireNonNull(table, "table is null");
        this.contractVersion = contractVersion;
    }

    /** The plugin "testing" with one of the fixture tables beside this class. */
    static TestingPlugin withTable(String table) {
        return new TestingPlugin("testing", table);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int contractVersion() {
        return contractVersion;
    }

    @Override
    public List<String> ruleTables() {
        return List.of(table);
    }
}
