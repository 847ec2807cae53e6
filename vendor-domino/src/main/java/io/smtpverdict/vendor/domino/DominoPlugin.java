package io.smtpverdict.vendor.domino;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** HCL (formerly IBM Lotus) Domino's own delivery messages and the replies it writes as a receiving server. */
public final class DominoPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "domino";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("domino-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "HCL Domino's own delivery messages (Delivery Failure and Delay Reports, Router reasons) and the replies"
                + " its SMTP task writes as a receiving server.";
    }
}
