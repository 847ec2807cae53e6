package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.VerdictPlugin;
import io.smtpverdict.vendor.courier.CourierPlugin;
import io.smtpverdict.vendor.domino.DominoPlugin;
import io.smtpverdict.vendor.exchange.ExchangePlugin;
import io.smtpverdict.vendor.exim.EximPlugin;
import io.smtpverdict.vendor.generic.GenericPlugin;
import io.smtpverdict.vendor.greenarrow.GreenArrowPlugin;
import io.smtpverdict.vendor.hurricane.HurricanePlugin;
import io.smtpverdict.vendor.kumomta.KumoMtaPlugin;
import io.smtpverdict.vendor.momentum.MomentumPlugin;
import io.smtpverdict.vendor.opensmtpd.OpenSmtpdPlugin;
import io.smtpverdict.vendor.postal.PostalPlugin;
import io.smtpverdict.vendor.powermta.PowerMtaPlugin;
import io.smtpverdict.vendor.postfix.PostfixPlugin;
import io.smtpverdict.vendor.qmail.QmailPlugin;
import io.smtpverdict.vendor.sendmail.SendmailPlugin;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module descriptors say what the architecture says (core exports only its facade, vendors export nothing
 * and provide their plugin), and the engine really works on the module path: a layer of the built modules
 * resolves, discovers every vendor plugin through {@code provides} and reads their tables.
 */
final class ModuleDescriptorsTest {
    private static final List<Class<?>> VENDORS = List.of(GenericPlugin.class, GreenArrowPlugin.class,
            HurricanePlugin.class, MomentumPlugin.class, SendmailPlugin.class, ExchangePlugin.class, QmailPlugin.class,
            PostfixPlugin.class, EximPlugin.class, CourierPlugin.class, OpenSmtpdPlugin.class, DominoPlugin.class,
            KumoMtaPlugin.class, PostalPlugin.class, PowerMtaPlugin.class);
    private static final List<Class<?>> MODULES = Stream.concat(Stream.of(VerdictPlugin.class, VerdictEngine.class),
            VENDORS.stream()).toList();

    @Test
    void core_exportsOnlyItsFacade_andParsingToTheBenchmarksAlone() {
        ModuleDescriptor core = descriptor(VerdictEngine.class);

        assertThat(core.name()).isEqualTo("io.smtpverdict.core");
        assertThat(core.exports()).filteredOn(e -> !e.isQualified()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("io.smtpverdict.core", "io.smtpverdict.core.json", "io.smtpverdict.core.guice");
        assertThat(core.exports()).filteredOn(ModuleDescriptor.Exports::isQualified).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("io.smtpverdict.core.parse");
            assertThat(e.targets()).containsExactly("io.smtpverdict.bench");
        });
        assertThat(core.packages()).contains("io.smtpverdict.core.table", "io.smtpverdict.core.match",
                "io.smtpverdict.core.parse");
    }

    @Test
    void vendors_requireOnlyTheSpiExportNothingAndProvideTheirPlugin() {
        for (Class<?> plugin : VENDORS) {
            ModuleDescriptor vendor = descriptor(plugin);

            assertThat(vendor.requires()).extracting(ModuleDescriptor.Requires::name)
                    .containsExactlyInAnyOrder("java.base", "io.smtpverdict.spi");
            assertThat(vendor.exports()).isEmpty();
            assertThat(vendor.provides()).singleElement().satisfies(p -> {
                assertThat(p.service()).isEqualTo(VerdictPlugin.class.getName());
                assertThat(p.providers()).containsExactly(plugin.getName());
            });
        }
    }

    @Test
    void moduleLayer_ofTheBuiltModules_discoversEveryVendorAndLoadsItsTables() throws Exception {
        Path[] paths = Stream.concat(MODULES.stream(), Stream.of(
                        com.fasterxml.jackson.databind.ObjectMapper.class,
                        com.fasterxml.jackson.core.JsonFactory.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class,
                        org.slf4j.Logger.class,
                        com.google.re2j.Pattern.class))
                .map(ModuleDescriptorsTest::location).distinct().toArray(Path[]::new);
        ModuleFinder finder = ModuleFinder.of(paths);
        Configuration config = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("io.smtpverdict.core"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("io.smtpverdict.core");

        Class<?> engineType = loader.loadClass(VerdictEngine.class.getName());
        Object builder = engineType.getMethod("builder").invoke(null);
        builder = builder.getClass().getMethod("discoverPlugins", ClassLoader.class).invoke(builder, loader);
        Object engine = builder.getClass().getMethod("build").invoke(builder);
        List<?> plugins = (List<?>) engineType.getMethod("plugins").invoke(engine);
        Object verdict = engineType.getMethod("classify", String.class).invoke(engine,
                "Sorry, I couldn't find any host named mx.b.example. (#5.1.2)");

        assertThat(engineType.getModule().getName()).isEqualTo("io.smtpverdict.core");
        assertThat(plugins.stream().map(String::valueOf).collect(Collectors.joining("\n")))
                .contains("id=generic", "id=greenarrow", "id=hurricane", "id=momentum", "id=sendmail", "id=exchange",
                        "id=qmail", "id=postfix", "id=exim", "id=courier",
                        "id=opensmtpd", "id=domino", "id=kumomta", "id=postal", "id=powermta");
        assertThat(String.valueOf(verdict)).contains("greenarrow.host-not-found");
    }

    private static ModuleDescriptor descriptor(Class<?> type) {
        return ModuleFinder.of(location(type)).findAll().stream().findFirst()
                .orElseThrow(() -> new AssertionError("no module descriptor at " + location(type)))
                .descriptor();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
