package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.cli.TestingCli.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Commands that need no engine do not build one: a plugin path that would fail the build goes unnoticed. */
final class StartupTest {
    private static final String BROKEN = "/no/such/plugin/dir/verdict-startup-test.jar";

    @ParameterizedTest
    @ValueSource(strings = {"classify", "stats", "explain", "plugins", "catalog"})
    void help_brokenPluginPath_printsHelpWithoutBuildingTheEngine(String command) {
        Result built = command.equals("plugins") || command.equals("catalog")
                ? TestingCli.run(command, "--plugin-path", BROKEN)
                : TestingCli.run(command, "--plugin-path", BROKEN, "550 5.1.1 user unknown");
        Result help = TestingCli.run(command, "--help", "--plugin-path", BROKEN);

        assertThat(built.exitCode()).as("the broken path fails an engine build: %s", built.err()).isNotZero();
        assertThat(built.err()).contains("verdict-startup-test.jar");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: verdict " + command);
        assertThat(help.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "--help"})
    void root_versionOrHelp_needsNoEngine(String option) {
        Result r = TestingCli.run(option);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isNotBlank();
        assertThat(r.err()).isEmpty();
    }
}
