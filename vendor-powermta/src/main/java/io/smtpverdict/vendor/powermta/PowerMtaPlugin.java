package io.smtpverdict.vendor.powermta;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** PowerMTA's own texts (connection, DNS, rate-limit and suppression messages) and its accounting bounce categories. */
public final class PowerMtaPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "powermta";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("powermta-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "PowerMTA's own texts (connection, DNS, rate-limit and suppression messages) and its accounting"
                + " bounce categories.";
    }
}
