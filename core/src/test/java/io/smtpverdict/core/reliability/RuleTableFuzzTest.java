package io.smtpverdict.core.reliability;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.smtpverdict.core.VerdictConfigurationException;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the rule-table loader with user tables: any bytes must either build an engine that then classifies
 * without failing, or be refused with a {@link VerdictConfigurationException} naming the file and its
 * troubleshooting anchor. Anything else (another exception, an error, a hang) is a finding.
 */
final class RuleTableFuzzTest {
    private static final Path FILE;
    private static final List<String> PROBES = List.of("550 5.1.1 user unknown", "aaaa", "421 4.4.5 try later",
            "Connected to 192.0.2.7 but sender was rejected./Remote host said: 550 5.7.1 no", "250 2.0.0 ok", "");

    static {
        try {
            FILE = Files.createTempFile("fuzzed-rules", ".json");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every table in the test resources: good, broken, and the test plugins' own. */
    static Stream<byte[]> seeds() throws IOException, URISyntaxException {
        Stream<Path> dirs = Stream.of("/tables/", "/io/smtpverdict/core/testing/", "/io/smtpverdict/core/reliability/")
                .map(d -> {
                    try {
                        return Path.of(Objects.requireNonNull(RuleTableFuzzTest.class.getResource(d), d).toURI());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return dirs.flatMap(d -> {
            try (Stream<Path> files = Files.list(d)) {
                return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).map(f -> {
            try {
                return Files.readAllBytes(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @MethodSource("seeds")
    @DictionaryEntries({"\"schemaVersion\": 2", "\"plugin\": ", "\"rules\": [", "\"id\": \"user.", "\"level\": ",
        "\"VENDOR_TEMPLATE\"", "\"PHRASE\"", "\"ENHANCED_CODE\"", "\"BASIC_CODE\"", "\"CLASS\"", "\"match\": {",
        "\"template\": ", "\"anchored\": false", "\"phrases\": [", "\"allPhrases\": [", "\"notPhrases\": [",
        "\"regex\": ", "\"codes\": [", "\"classes\": [", "\"enhancedCodes\": [", "\"stages\": [", "\"noCode\": true",
        "\"verdict\": {", "\"category\": ", "\"outcome\": ", "{\"fixed\": ", "\"explanation\": ",
        "\"inherit\": false", "\"flags\": [", "\"categoryOverrides\": [", "{MESSAGE}", "{IP}", "{TEXT}", "null"})
    @FuzzTest(maxDuration = "10s")
    void build(byte[] data) throws IOException {
        Files.write(FILE, data);
        VerdictEngine engine;
        try {
            engine = VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(FILE).build();
        } catch (VerdictConfigurationException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("docs/troubleshooting.md#" + e.diagnostic().anchor())
                    || !message.contains(FILE.toString())) {
                throw new AssertionError("the refusal does not name the file and its anchor: " + message, e);
            }
            return;
        }
        for (String probe : PROBES) {
            Verdict v = engine.classify(probe);
            Invariants.notInternal(probe, v);
        }
    }
}
