package io.smtpverdict.vendor.qmail;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** qmail's own delivery messages and the replies it writes as a receiving server. */
public final class QmailPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "qmail";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("qmail-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "qmail's own delivery messages and the replies it writes as a receiving server.";
    }
}
