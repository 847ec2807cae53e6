package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher rebuilds the jar when a main source, resource or pom of a module is newer than it, and not for a
 * test change. Runs the launcher's own {@code stale} function with bash over a small checkout.
 */
final class LauncherStaleTest {
    @TempDir
    Path root;

    private String stale() throws IOException, InterruptedException {
        String function = LauncherOneShotTest.extractFunction(
                Files.readString(LauncherOneShotTest.LAUNCHER, StandardCharsets.UTF_8), "stale");
        Process p = new ProcessBuilder("bash", "-c", "root=\"$1\"; jar=\"$1/cli/target/verdict.jar\"\n" + function
                + "\nstale && echo stale || echo fresh", "stale", root.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private Path file(String path, long minutesAgo) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, path);
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - minutesAgo * 60_000));
        return f;
    }

    @Test
    void stale_onlyMainSourcesResourcesAndPomsNewerThanTheJar_makeItStale() throws IOException, InterruptedException {
        file("pom.xml", 10);
        file("core/pom.xml", 10);
        file("core/src/main/java/A.java", 10);
        file("vendor-x/src/main/resources/rules.json", 10);
        assertThat(stale()).as("no jar yet").isEqualTo("stale");

        file("cli/target/verdict.jar", 5);
        assertThat(stale()).isEqualTo("fresh");

        file("core/src/test/java/ATest.java", 1);
        file("cli/target/classes/B.class", 1);
        assertThat(stale()).as("a test or build output changed").isEqualTo("fresh");

        file("vendor-x/src/main/resources/rules.json", 1);
        assertThat(stale()).as("a rule table changed").isEqualTo("stale");

        file("vendor-x/src/main/resources/rules.json", 10);
        file("core/pom.xml", 1);
        assertThat(stale()).as("a module's pom changed").isEqualTo("stale");
    }
}
