package io.smtpverdict.vendor.hurricane;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** Hurricane MTA Server's own delivery messages. */
public final class HurricanePlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "hurricane";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("hurricane-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Hurricane MTA Server's own delivery messages.";
    }
}
