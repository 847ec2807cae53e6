package io.smtpverdict.core.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.smtpverdict.core.VerdictEngine;

/**
 * Binds a {@link VerdictEngine} built from the plugins on the classpath as a singleton. Guice is an optional
 * dependency of core: only applications that use this module need it.
 */
public final class VerdictModule extends AbstractModule {
    @Provides
    @Singleton
    VerdictEngine verdictEngine() {
        return VerdictEngine.builder().discoverPlugins().build();
    }
}
