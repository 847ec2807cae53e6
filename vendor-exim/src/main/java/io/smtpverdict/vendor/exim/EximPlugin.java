package io.smtpverdict.vendor.exim;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/**
 * Exim's own delivery messages (SMTP transport, routers, retry rules, local transports) and the replies it writes
 * as a receiving server.
 */
public final class EximPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "exim";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("exim-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Exim's own delivery messages (SMTP transport, routers, retry rules, local transports)"
                + " and the replies it writes as a receiving server.";
    }
}
