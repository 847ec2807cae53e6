package com.example.acme.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.acme.AcmePlugin;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.VerdictContract;
import org.junit.jupiter.api.Test;

/**
 * Runs after packaging, with the plugin jar on the class path: what a host application sees. It lives in a package
 * of its own: a test class in {@code com.example.acme} would define that package from {@code target/test-classes},
 * without the jar's manifest, and the plugin's version would read "unknown".
 */
final class AcmeDiscoveryIT {
    @Test
    void pluginClass_comesFromThePackagedJar() {
        String location = AcmePlugin.class.getProtectionDomain().getCodeSource().getLocation().toString();

        assertThat(location).endsWith(".jar");
    }

    @Test
    void discoverPlugins_findsAcmeThroughItsServicesFile() {
        VerdictEngine engine = VerdictEngine.builder().discoverPlugins().build();

        assertThat(engine.plugins()).filteredOn(p -> p.id().equals("acme")).singleElement()
                .satisfies(p -> {
                    assertThat(p.contractVersion()).isEqualTo(VerdictContract.VERSION);
                    assertThat(p.ruleCount()).isEqualTo(5);
                    assertThat(p.version()).isEqualTo("1.0.0-SNAPSHOT");
                });
        assertThat(engine.classify("acme: throttled by policy warmup-ip-pool-2").rule())
                .map(RuleRef::id).hasValue("acme.throttled");
    }
}
