package io.smtpverdict.vendor.kumomta;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** KumoMTA's own delivery messages (the responses kumod writes itself) and the replies its SMTP server sends. */
public final class KumoMtaPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "kumomta";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("kumomta-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "KumoMTA's own delivery messages (its 'KumoMTA internal' responses, DNS, connection, TLS, shaping,"
                + " suspension and expiry texts) and the replies its SMTP server writes as a receiving server.";
    }
}
