package io.smtpverdict.vendor.exchange;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** Microsoft Exchange Server and Exchange Online (Microsoft 365) non-delivery report texts and status codes. */
public final class ExchangePlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "exchange";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("exchange-rules.json", "exchange-legacy.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Microsoft Exchange Server and Exchange Online (Microsoft 365) non-delivery report texts and status codes.";
    }
}
