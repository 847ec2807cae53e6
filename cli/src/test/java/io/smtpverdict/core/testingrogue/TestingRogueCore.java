package io.smtpverdict.core.testingrogue;

import io.smtpverdict.vendor.generic.GenericPlugin;

/** Core code that names a vendor on purpose, so that the core rule can be seen to fail. */
public final class TestingRogueCore {
    /** Depends on a vendor class. */
    public Object violate() {
        return new GenericPlugin();
    }
}
