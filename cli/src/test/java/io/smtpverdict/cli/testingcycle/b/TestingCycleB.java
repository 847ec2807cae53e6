package io.smtpverdict.cli.testingcycle.b;

import io.smtpverdict.cli.testingcycle.a.TestingCycleA;

/** The other half of the deliberate package cycle. */
public final class TestingCycleB {
    /** Depends back on the first package. */
    public TestingCycleA back() {
        return new TestingCycleA();
    }
}
