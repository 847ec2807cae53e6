package io.smtpverdict.cli.testingcycle.a;

import io.smtpverdict.cli.testingcycle.b.TestingCycleB;

/** One half of a deliberate package cycle, so the cycle rule can be seen to fail. */
public final class TestingCycleA {
    /** Depends on the other package. */
    public TestingCycleB next() {
        return new TestingCycleB();
    }
}
