package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.cli.TestingCli.Result;
import io.smtpverdict.core.VerdictEngine;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine built while the command line is parsed is the one the command would have built, or none at all. */
final class EarlyEngineTest {

    @ParameterizedTest
    @ValueSource(strings = {"classify|550 5.1.1 user unknown", "explain|550 5.1.1 user unknown",
        "stats|--input|replies.txt", "classify|--format|jsonl|--input|-", "classify|--|-v"})
    void wanted_defaultEngineCommands_startsEarly(String args) {
        assertThat(EarlyEngine.wanted(args.split("\\|"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plugins", "catalog", "--help", "classify|--help", "classify|-h", "classify|-V",
        "classify|--rules|mine.json|550", "classify|--rules=mine.json|550", "classify|--plugin-path|x.jar|550",
        "classify|--plugins|generic|550", "classify|--vendor=postfix|550", "explain|-v|550", "stats|--verbose",
        "classify|-vh", "generate-completion", "help|classify"})
    void wanted_optionsThatChangeOrSkipTheEngine_doesNotStart(String args) {
        assertThat(EarlyEngine.wanted(args.isEmpty() ? new String[0] : args.split("\\|"))).isFalse();
    }

    @Test
    void classify_earlyEngineStarted_takesItAndPrintsWhatALateBuildPrints() {
        Result late = TestingCli.run("classify", "--format", "jsonl", "550 5.1.1 user unknown");
        AtomicInteger builds = new AtomicInteger();
        String[] args = {"classify", "--format", "jsonl", "550 5.1.1 user unknown"};

        EarlyEngine.startIfWanted(args, () -> {
            builds.incrementAndGet();
            return EngineOptions.defaults().build();
        });
        Result early = TestingCli.run(args);

        assertThat(builds).hasValue(1);
        assertThat(early).isEqualTo(late);
        assertThat(EarlyEngine.take()).as("taken once").isEmpty();
    }

    @Test
    void classify_earlyBuildFailed_buildsAgainAndSucceeds() {
        String[] args = {"classify", "--format", "jsonl", "550 5.1.1 user unknown"};
        EarlyEngine.startIfWanted(args, () -> {
            throw new IllegalStateException("early build failed");
        });

        Result r = TestingCli.run(args);

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.records()).singleElement().satisfies(v -> assertThat(v.get("category").asText())
                .isEqualTo("INVALID_RECIPIENT"));
    }

    @Test
    void classify_nonDefaultOptions_ignoresAnEarlyEngine() {
        AtomicInteger builds = new AtomicInteger();
        EarlyEngine.startIfWanted(new String[] {"classify", "550"}, () -> {
            builds.incrementAndGet();
            return VerdictEngine.builder().discoverPlugins().onlyPlugins(java.util.List.of("generic")).build();
        });

        Result r = TestingCli.run("classify", "--format", "jsonl", "--plugins", "postfix,generic",
                "host mx.example.com[192.0.2.1] said: 550 5.1.1 user unknown (in reply to RCPT TO command)");

        assertThat(r.exitCode()).isZero();
        assertThat(r.records()).singleElement().satisfies(v -> assertThat(v.get("rule").get("plugin").asText())
                .isEqualTo("postfix"));
        assertThat(EarlyEngine.take()).as("still there for a command with default options").isPresent();
        assertThat(builds).hasValue(1);
    }
}
