package io.smtpverdict.core.testing;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;

/** A lower-priority test plugin whose rules tie with {@link TestingPlugin}'s (table: testing-low-rules.json). */
public final class TestingLowPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "testing-low";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public int priority() {
        return 1;
    }
}
