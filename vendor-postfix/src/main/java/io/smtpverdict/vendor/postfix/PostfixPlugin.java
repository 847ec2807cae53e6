package io.smtpverdict.vendor.postfix;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/**
 * Postfix's own delivery messages (SMTP client, DNS lookups, queue manager, local delivery) and the replies its
 * smtpd writes.
 */
public final class PostfixPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "postfix";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("postfix-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Postfix's own delivery messages (SMTP client, DNS lookups, queue manager, local delivery)"
                + " and the replies its smtpd writes.";
    }
}
