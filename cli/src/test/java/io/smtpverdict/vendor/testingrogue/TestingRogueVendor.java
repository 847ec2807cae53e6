package io.smtpverdict.vendor.testingrogue;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.vendor.generic.GenericPlugin;
import picocli.CommandLine;

/** A vendor that breaks every vendor boundary on purpose, so that the boundary rules can be seen to fail. */
public final class TestingRogueVendor {
    /** Uses the engine, another vendor and picocli: three violations. */
    public Object violate() {
        return new Object[] {VerdictEngine.builder(), new GenericPlugin(), CommandLine.class};
    }
}
