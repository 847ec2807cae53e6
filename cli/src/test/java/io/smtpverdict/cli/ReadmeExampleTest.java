package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.cli.TestingCli.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the README's example true: its input, run as shown, prints exactly what the README shows. */
final class ReadmeExampleTest {
    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path dir;

    @Test
    void readmeExample_runAsShown_printsExactlyWhatTheReadmeShows() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("$ cat bounces.txt");
        assertThat(start).as("the README example starts with '$ cat bounces.txt'").isPositive();
        List<String> input = new ArrayList<>();
        int i = start + 1;
        while (!lines.get(i).startsWith("$ ")) {
            input.add(lines.get(i++));
        }
        String command = lines.get(i++);
        assertThat(command).startsWith("$ ./verdict ");
        List<String> shown = new ArrayList<>();
        while (!lines.get(i).startsWith("```")) {
            shown.add(lines.get(i++));
        }
        Path file = dir.resolve("bounces.txt");
        Files.write(file, input);
        String[] args = command.substring("$ ./verdict ".length()).replace("bounces.txt", file.toString()).split(" ");

        Result r = TestingCli.run(args);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().toList())
                .as("README.md's example is out of date: paste what `%s` prints now", command.substring(2))
                .isEqualTo(shown);
    }
}
