package com.example.acme;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;

/** What Acme MTA means by the delivery messages it writes itself; its rules are in {@code acme-rules.json}. */
public final class AcmePlugin implements VerdictPlugin {
    /** The no-argument constructor {@link java.util.ServiceLoader} calls. */
    public AcmePlugin() {
    }

    @Override
    public String id() {
        return "acme";
    }

    @Override
    public int contractVersion() {
        // A compile-time constant: the jar records the contract version it was built against.
        return VerdictContract.VERSION;
    }

    @Override
    public int priority() {
        // A sending MTA's own plugin: it knows its messages better than generic knowledge does.
        return 100;
    }

    @Override
    public String description() {
        return "Acme MTA's own delivery messages";
    }
}
