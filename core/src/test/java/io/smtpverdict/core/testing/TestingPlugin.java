package io.smtpverdict.core.testing;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;

/** A test plugin with one rule at every evidence level (table: testing-rules.json). */
public final class TestingPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "testing";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public int priority() {
        return 10;
    }
}
