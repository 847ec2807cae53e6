package io.smtpverdict.vendor.greenarrow;

import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;

/** GreenArrow MTA's own delivery messages. */
public final class GreenArrowPlugin implements VerdictPlugin {
    @Override
    public String id() {
        return "greenarrow";
    }

    @Override
    public int contractVersion() {
        return VerdictContract.VERSION;
    }

    @Override
    public List<String> ruleTables() {
        return List.of("greenarrow-rules.json");
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "GreenArrow MTA's own delivery messages.";
    }
}
