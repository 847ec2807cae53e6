package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's guess that a run is one-shot (and so needs no optimising compiler): only replies given as
 * arguments, never a run that may read a stream. Runs the launcher's own {@code one_shot} function with bash.
 */
final class LauncherOneShotTest {
    static final Path LAUNCHER = Path.of("..", "verdict");

    @ParameterizedTest
    @ValueSource(strings = {
        "classify|550 5.1.1 user unknown|devnull|true",
        "classify|--format|jsonl|550 5.1.1 user unknown|devnull|true",
        "explain|550 5.1.1 user unknown|devnull|true",
        "classify|--|-i|devnull|true",
        "classify|550 5.1.1 user unknown|pipe|false",
        "classify|--input|replies.txt|devnull|false",
        "classify|--input=replies.txt|devnull|false",
        "classify|-i|replies.txt|devnull|false",
        "classify|-fi|jsonl|replies.txt|devnull|false",
        "stats|550 5.1.1 user unknown|devnull|false",
        "plugins|devnull|false",
    })
    void oneShot_argumentsAndStandardInput_guessesOnlyArgumentRuns(String spec) throws IOException,
            InterruptedException {
        String[] parts = spec.split("\\|");
        boolean expected = Boolean.parseBoolean(parts[parts.length - 1]);
        boolean pipe = parts[parts.length - 2].equals("pipe");
        String function = extractFunction(Files.readString(LAUNCHER, StandardCharsets.UTF_8), "one_shot");
        List<String> command = new ArrayList<>(List.of("bash", "-c", function + "\none_shot \"$@\" && echo yes || echo no",
                "one_shot"));
        for (int i = 0; i < parts.length - 2; i++) {
            command.add(parts[i]);
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectInput(pipe ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(out).isEqualTo(expected ? "yes" : "no");
    }

    /** The launcher's {@code name() { ... }} definition, up to the closing brace at the start of a line. */
    static String extractFunction(String script, String name) {
        int start = script.indexOf("\n" + name + "() {") + 1;
        assertThat(start).as("the launcher defines " + name).isPositive();
        int end = script.indexOf("\n}\n", start);
        return script.substring(start, end + 2);
    }
}
