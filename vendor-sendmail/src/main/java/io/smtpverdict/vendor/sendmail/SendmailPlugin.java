package io.smtpverdict.vendor.sendmail;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** Sendmail's own delivery messages and the replies it writes as a receiving server. */
public final class SendmailPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "sendmail";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("sendmail-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Sendmail's own delivery messages and the replies it writes as a receiving server.";
    }
}
