package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the packaged CLI jar as a separate process, the way a user runs it. */
final class TestingProcess {
    private TestingProcess() {
    }

    /** The runnable jar built in the package phase. */
    static Path jar() {
        String jar = System.getProperty("verdict.jar");
        assertThat(jar).as("system property verdict.jar (set by the build)").isNotNull();
        Path path = Path.of(jar);
        assertThat(path).as("the packaged CLI").exists();
        return path;
    }

    /** A scratch directory for generated inputs and outputs. */
    static Path workDir() throws IOException {
        Path dir = Path.of(System.getProperty("verdict.workDir", "target/it"));
        Files.createDirectories(dir);
        return dir;
    }

    /** A process builder for {@code java [jvmOptions] -jar verdict.jar args}. */
    static ProcessBuilder builder(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
