package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.testing.TestingPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class UserTableExamplesAndPluginPathTest {
    private static String table(String example) {
        return "{\"schemaVersion\": 2, \"rules\": [{\"id\": \"user.full\", \"match\": "
                + "{\"phrases\": [\"box is stuffed\"]}, \"verdict\": {\"category\": \"MAILBOX_FULL\", \"explanation\": "
                + "\"The mailbox is full.\"}, \"examples\": [\"" + example + "\"]}]}";
    }

    @Test
    void build_userRuleMissingItsOwnExample_failsNamingTheRule(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mine.json"), table("452 4.2.2 over quota"));
        assertThatThrownBy(() -> VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(file).build())
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("user.full").hasMessageContaining("452 4.2.2 over quota")
                .hasMessageContaining(file.toString())
                .satisfies(e -> {
                    VerdictConfigurationException v = (VerdictConfigurationException) e;
                    assertThat(v.diagnostic()).isEqualTo(Diagnostic.TABLE_EXAMPLE_MISMATCH);
                    assertThat(v.userTable()).isTrue();
                });
    }

    @Test
    void build_userRuleMatchingItsExample_loads(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mine.json"), table("452 4.2.2 the box is stuffed"));
        VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(file).build();
        assertThat(engine.classify("452 4.2.2 the box is stuffed").rule().orElseThrow().id()).isEqualTo("user.full");
        assertThat(engine.plugins().get(0).location()).isEqualTo(file.toString());
    }

    @Test
    void build_pluginPathEntryMissing_failsWithPluginPathDiagnostic(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-plugins");
        assertThatThrownBy(() -> VerdictEngine.builder().discoverPlugins().ignorePluginPathVariable()
                .pluginPath(missing).build())
                .isInstanceOf(VerdictConfigurationException.class).hasMessageContaining(missing.toString())
                .satisfies(e -> assertThat(((VerdictConfigurationException) e).diagnostic())
                        .isEqualTo(Diagnostic.PLUGIN_PATH));
    }

    @Test
    void build_emptyPluginDirectory_loadsTheClassPathPluginsAndSaysWhereFrom(@TempDir Path dir) {
        VerdictEngine engine = VerdictEngine.builder().discoverPlugins().ignorePluginPathVariable().pluginPath(dir)
                .build();
        assertThat(engine.plugins()).allSatisfy(p -> assertThat(p.location()).isNotBlank().isNotEqualTo("unknown"));
    }

    @Test
    void pluginPath_variableValue_splitLikeAClassPath() {
        assertThat(PluginPath.fromVariable("/a/x.jar" + java.io.File.pathSeparator + " /b ")).containsExactly(
                Path.of("/a/x.jar"), Path.of("/b"));
        assertThat(PluginPath.fromVariable(null)).isEmpty();
    }
}
