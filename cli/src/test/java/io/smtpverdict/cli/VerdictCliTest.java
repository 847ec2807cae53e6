package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.cli.TestingCli.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class VerdictCliTest {
    @Test
    void version_printsTheProjectAndContractVersions() {
        Result r = TestingCli.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("verdict ").contains("plugin contract 1").doesNotContain("unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"classify", "explain", "stats", "plugins", "catalog", "generate-completion"})
    void help_onEveryCommand_printsUsageAndExitsWithZero(String command) {
        Result r = TestingCli.run(command, "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: verdict " + command);
    }

    @Test
    void noCommand_printsTheCommandsAndExitCodes() {
        Result r = TestingCli.run();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("classify").contains("explain").contains("stats").contains("plugins")
                .contains("catalog").contains("Exit codes: 0 success, 1 runtime failure");
    }

    @Test
    void generateCompletion_printsABashCompletionScript() {
        Result r = TestingCli.run("generate-completion");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F").contains("classify");
    }

    @Test
    void unknownCommand_isBadUsage() {
        Result r = TestingCli.run("frobnicate");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }
}
