package io.smtpverdict.vendor.opensmtpd;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** OpenSMTPD's own delivery messages and the replies it writes as a receiving server. */
public final class OpenSmtpdPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "opensmtpd";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("opensmtpd-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "OpenSMTPD's own delivery messages and the replies it writes as a receiving server.";
    }
}
