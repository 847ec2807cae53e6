package io.smtpverdict.vendor.courier;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** The Courier mail server's own delivery messages and the replies it writes as a receiving server. */
public final class CourierPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "courier";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("courier-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "The Courier mail server's own delivery messages and the replies it writes as a receiving server.";
    }
}
