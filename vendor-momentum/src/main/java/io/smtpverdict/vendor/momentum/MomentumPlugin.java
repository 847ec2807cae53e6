package io.smtpverdict.vendor.momentum;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** Momentum's message responses, its own [internal] texts and the replies it issues. */
public final class MomentumPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "momentum";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("momentum-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Momentum's message responses, its own [internal] texts and the replies it issues.";
    }
}
