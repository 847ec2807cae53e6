package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher's guess that the locale would decode arguments as ASCII (C or POSIX, or none at all), where it runs
 * Java under C.UTF-8 instead so that a reply given as an argument keeps its non-ASCII characters. Runs the launcher's
 * own {@code ascii_locale} function with bash.
 */
final class LauncherLocaleTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-           | -           | -           | true",
        "C           | -           | -           | true",
        "POSIX       | -           | -           | true",
        "-           | -           | C           | true",
        "C           | -           | en_US.UTF-8 | true",
        "C.UTF-8     | -           | -           | false",
        "-           | -           | de_DE.UTF-8 | false",
        "-           | en_US.UTF-8 | C           | false",
        "-           | -           | de_DE.ISO-8859-1 | false",
    })
    void asciiLocale_onlyCOrPosixOrNone(String lcAll, String lcCtype, String lang, boolean expected)
            throws IOException, InterruptedException {
        String function = LauncherOneShotTest.extractFunction(
                Files.readString(LauncherOneShotTest.LAUNCHER, StandardCharsets.UTF_8), "ascii_locale");
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", function + "\nascii_locale && echo yes || echo no"))
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        put(env, "LC_ALL", lcAll);
        put(env, "LC_CTYPE", lcCtype);
        put(env, "LANG", lang);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(out).isEqualTo(expected ? "yes" : "no");
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}
