package io.smtpverdict.core.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Outcome;
import org.junit.jupiter.api.Test;

final class VerdictModuleTest {
    @Test
    void module_bindsOneSharedEngine() {
        Injector injector = Guice.createInjector(new VerdictModule());
        VerdictEngine engine = injector.getInstance(VerdictEngine.class);
        assertThat(injector.getInstance(VerdictEngine.class)).isSameAs(engine);
        assertThat(engine.classify("550 5.1.1 user unknown").outcome()).isEqualTo(Outcome.FAILED);
    }
}
