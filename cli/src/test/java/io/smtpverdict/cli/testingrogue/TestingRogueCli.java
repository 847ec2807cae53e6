package io.smtpverdict.cli.testingrogue;

import com.google.inject.Guice;
import io.smtpverdict.core.parse.Normalizer;

/** Code outside core that reaches an internal package and Guice on purpose, so those rules can be seen to fail. */
public final class TestingRogueCli {
    /** Uses core.parse. */
    public String internal() {
        return Normalizer.normalize("Mailbox FULL");
    }

    /** Uses Guice. */
    public Object guice() {
        return Guice.createInjector();
    }
}
