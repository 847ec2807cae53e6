package io.smtpverdict.spi.testingrogue;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Contract code that uses a library on purpose, so that the spi rule can be seen to fail. */
public final class TestingRogueSpi {
    /** Depends on Jackson. */
    public Object violate() {
        return new ObjectMapper();
    }
}
