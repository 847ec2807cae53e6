package io.smtpverdict.vendor.postal;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** Postal's own delivery log texts (SMTP sender, queue and route processing) and its SMTP server's replies. */
public final class PostalPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "postal";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("postal-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Postal's own delivery log texts (SMTP sender, queue and route processing) and its SMTP server's replies.";
    }
}
