package io.smtpverdict.testkit;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/**
 * The good fixture plugin, registered only in the services file under {@code io/smtpverdict/testkit/discovery/},
 * which a test puts on a class loader of its own so that nothing else on the class path discovers it.
 */
public final class TestingDiscoverablePlugin implements VerdictPlugin {
    /** The no-argument constructor ServiceLoader needs. */
    public TestingDiscoverablePlugin() {
    }

    @Override
    public String id() {
        return "testing";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("good-rules.json");
    }
}
