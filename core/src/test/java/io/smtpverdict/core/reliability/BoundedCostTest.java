package io.smtpverdict.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.testing.TestingLowPlugin;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Verdict;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classification time grows linearly with the input, whatever the input. Compares the time for n and 8n
 * characters of adversarial text with the size limit lifted: linear work gives about 8x, quadratic 64x; the
 * bound is 30x so a loaded 2-core machine cannot fail it by noise. No absolute timings: each size is timed
 * several times on a warmed JVM and the minimum taken.
 */
final class BoundedCostTest {
    private static final int BASE = 64 * 1024;
    private static final int FACTOR = 8;
    private static final double MAX_RATIO = CostRatio.MAX_RATIO;

    private static VerdictEngine engine;

    @BeforeAll
    static void buildEngine() throws URISyntaxException {
        Path catastrophic = Path.of(Objects.requireNonNull(
                BoundedCostTest.class.getResource("/tables/good-catastrophic-regex.json")).toURI());
        engine = VerdictEngine.builder().plugin(new TestingPlugin()).plugin(new TestingLowPlugin())
                .plugin(new TestingReliabilityPlugins.Fuzzing()).ruleTable(catastrophic)
                .maxInputLength(Integer.MAX_VALUE).maxDepth(16).build();
        for (String s : Inputs.all()) {
            engine.classify(s, ClassifyOptions.EXPLAIN);
        }
    }

    static Stream<Arguments> adversarial() {
        return Stream.of(
                shape("near-misses of every phrase", BoundedCostTest::nearMisses),
                shape("nested Remote host said", n -> nested(n, "Connected to 192.0.2.7 but sender was rejected./"
                        + "Remote host said: ")),
                shape("nested vendor wrappers with breaks", n -> nested(n,
                        "192.0.2.7 does not like recipient./Remote host said: ")),
                shape("one long word", n -> "x".repeat(n)),
                shape("dots", n -> ".".repeat(n)),
                shape("digits", n -> "5".repeat(n)),
                shape("almost enhanced codes", n -> repeat("5.1.", n)),
                shape("almost reply codes", n -> repeat("550-5.1.1x", n)),
                shape("codes everywhere", n -> repeat("550 5.1.1 ", n)),
                shape("hosts without end", n -> "Sorry, I couldn't find any host named " + repeat("mx.", n)),
                shape("template literals repeated", n -> repeat("Remote host said: ", n)),
                shape("unanchored template starts", n -> repeat("blocked using ", n)),
                shape("retry cues", n -> repeat("try again in 5 minutes ", n)),
                shape("stage cues", n -> repeat("in reply to RCPT TO command ", n)),
                shape("catastrophic regex food", n -> "a".repeat(n) + "!"),
                shape("white space runs", n -> repeat(" \t\r\n\u00a0\u2003", n) + "550 x"),
                shape("curly quotes", n -> repeat("\u2019\u201c", n)),
                shape("surrogates", n -> repeat("\ud83d\ude00\ud800", n)),
                shape("envelope prefixes", n -> repeat("Diagnostic-Code: smtp; ", n)),
                shape("placeholder text", n -> repeat("{MESSAGE}/{IP}", n)),
                shape("HTTP server errors without their url", n -> repeat("500 Server Error: ", n)),
                shape("HTTP leads", n -> repeat("HTTP error status code 503 ", n)),
                shape("long words before codes", n -> repeat("x".repeat(500) + " 550 ", n)));
    }

    private static Arguments shape(String name, IntFunction<String> make) {
        return Arguments.of(name, make);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adversarial")
    void classify_adversarialInput_timeGrowsLinearly(String name, IntFunction<String> make) {
        String small = make.apply(BASE);
        String large = make.apply(BASE * FACTOR);
        Verdict v = engine.classify(large, ClassifyOptions.EXPLAIN);
        Invariants.notInternal(name, v);
        double ratio = CostRatio.bestRatio(engine, small, large);
        System.out.printf("bounded-cost %-40s time(8n)/time(n) = %5.1f%n", name, ratio);
        assertThat(ratio).as("time(%d chars) / time(%d chars) for %s", large.length(), small.length(), name)
                .isLessThan(MAX_RATIO);
    }

    @Test
    void classify_oneMebibyteLine_isCutAtTheDefaultLimitAndStaysCheap() {
        VerdictEngine shipped = VerdictEngine.builder().plugin(new TestingPlugin()).build();
        String mib = "550 5.1.1 user unknown " + "y".repeat(1 << 20);
        String eightMib = "550 5.1.1 user unknown " + "y".repeat(8 << 20);
        for (int i = 0; i < 3; i++) {
            shipped.classify(mib);
            shipped.classify(eightMib);
        }
        double ratio = CostRatio.bestRatio(shipped, mib, eightMib);
        assertThat(shipped.classify(eightMib).rule().orElseThrow().id()).isEqualTo("testing.phrase");
        assertThat(ratio).as("a cut input costs about the same whatever its length").isLessThan(MAX_RATIO);
    }


    private static String repeat(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    private static String nested(int length, String wrapper) {
        StringBuilder sb = new StringBuilder(length + 64);
        while (sb.length() < length) {
            sb.append(wrapper);
        }
        return sb.append("550 5.1.1 user unknown").toString();
    }

    private static String nearMisses(int length) {
        String[] phrases = {"user unknown", "acme-vendor-text", "bigmail-special", "tie words", "tie-words",
            "too many recipients here", "blocked using", "sender was rejected", "does not like recipient",
            "couldn't find any host named", "retry in", "queued as", "timed out", "possible duplicate", "starttls",
            "tls negotiation", "mailbox", "quota", "listed at", "in reply to rcpt to", "try again later"};
        StringBuilder sb = new StringBuilder(length + 64);
        int i = 0;
        while (sb.length() < length) {
            String p = phrases[i++ % phrases.length];
            sb.append(p, 0, p.length() - 1).append(' ');
        }
        return sb.toString();
    }
}
