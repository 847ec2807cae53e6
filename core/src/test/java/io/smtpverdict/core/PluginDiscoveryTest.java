package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.core.testing.TestingPluginFactory;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PluginDiscoveryTest {
    private static ClassLoader withServices(Path dir, String... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("io.smtpverdict.spi.VerdictPlugin"), String.join("\n", providers) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PluginDiscoveryTest.class.getClassLoader());
    }

    @Test
    void discover_providerOnTheClasspath_isLoaded(@TempDir Path dir) throws IOException {
        VerdictEngine engine = VerdictEngine.builder()
                .discoverPlugins(withServices(dir, TestingPlugin.class.getName())).build();
        assertThat(engine.plugins()).extracting(PluginInfo::id).containsExactly("testing");
        assertThat(engine.plugins().get(0).ruleCount()).isEqualTo(engine.rules().size()).isPositive();
    }

    @Test
    void discover_providerThatThrows_failsNamingTheProvider(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, TestingPluginFactory.Throwing.class.getName());
        assertThatThrownBy(() -> VerdictEngine.builder().discoverPlugins(loader).build())
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining(TestingPluginFactory.Throwing.class.getName())
                .hasMessageContaining("boom in constructor")
                .hasMessageContaining("#broken-provider");
    }

    @Test
    void discover_providerClassMissing_failsNamingTheProvider(@TempDir Path dir) throws IOException {
        ClassLoader loader = withServices(dir, "com.example.NoSuchPlugin");
        assertThatThrownBy(() -> VerdictEngine.builder().discoverPlugins(loader).build())
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("com.example.NoSuchPlugin")
                .hasMessageContaining("#broken-provider");
    }

    @Test
    void build_duplicatePluginId_failsNamingBothClasses() {
        assertThatThrownBy(() -> VerdictEngine.builder().plugin(new TestingPlugin())
                .plugin(new TestingPluginFactory.Impostor()).build())
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("duplicate plugin id 'testing'")
                .hasMessageContaining(TestingPlugin.class.getName())
                .hasMessageContaining(TestingPluginFactory.Impostor.class.getName());
    }

    @Test
    void build_pluginFromANewerContract_isRefused() {
        assertThatThrownBy(() -> VerdictEngine.builder().plugin(new TestingPluginFactory.FromTheFuture()).build())
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("contract version 99")
                .hasMessageContaining("#contract-too-new");
    }

    @Test
    void build_pluginTableMissing_failsNamingPluginAndResource() {
        assertThatThrownBy(() -> VerdictEngine.builder().plugin(new TestingPluginFactory.MissingTable()).build())
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("plugin 'missing'")
                .hasMessageContaining("missing-rules.json")
                .hasMessageContaining("#table-not-found")
                .satisfies(e -> assertThat(((VerdictConfigurationException) e).userTable()).isFalse());
    }

    @Test
    void build_onlyPluginsNamingAnAbsentPlugin_fails() {
        assertThatThrownBy(() -> VerdictEngine.builder().plugin(new TestingPlugin()).onlyPlugins(java.util.List.of("nope"))
                .build())
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("no plugin with id 'nope'");
    }

    @Test
    void build_zeroPlugins_stillTellsReplyClassesApart() {
        VerdictEngine engine = VerdictEngine.builder().build();
        assertThat(engine.plugins()).isEmpty();
        Verdict failed = engine.classify("550 5.1.1 user unknown");
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.category()).contains(Category.UNCLASSIFIED);
        assertThat(failed.rule().orElseThrow().id()).isEqualTo("core.class-5");
        assertThat(engine.classify("421 try later").outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(engine.classify("250 2.0.0 ok").outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(engine.classify("250 2.0.0 ok").category()).isEmpty();
    }
}
