package io.smtpverdict.cli.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.json.VerdictJson;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.core.reliability.Inputs;
import io.smtpverdict.core.reliability.Invariants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@code classify} with every shipped plugin (only this module sees them all), starting from every
 * example of every shipped rule. Bytes starting with 0xFF are read as raw UTF-16 so every char is reachable.
 * The key search a run uses for its first short replies must decide as the automaton does.
 */
final class ShippedRulesFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<byte[]> seeds() {
        return ShippedRules.examples().stream().map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "10s")
    void classify(byte[] data) throws IOException {
        String input = Inputs.decode(data);
        Verdict v = ShippedRules.ENGINE.classify(input);
        Invariants.notInternal(input, v);
        if (!v.equals(ShippedRules.ENGINE.classify(input))) {
            throw new AssertionError("classifying twice gave two verdicts for " + Invariants.escape(input));
        }
        Verdict explained = ShippedRules.ENGINE.classify(input, ClassifyOptions.EXPLAIN);
        if (!withoutCandidates(explained).equals(v)) {
            throw new AssertionError("explaining changed the verdict for " + Invariants.escape(input));
        }
        if (!explained.equals(ShippedRules.SEARCHING.classify(input, ClassifyOptions.EXPLAIN))) {
            throw new AssertionError("the key search and the automaton gave two verdicts for "
                    + Invariants.escape(input));
        }
        if (!JSON.readTree(VerdictJson.toJson(explained)).isObject()) {
            throw new AssertionError("the JSON is not an object for " + Invariants.escape(input));
        }
    }

    private static Verdict withoutCandidates(Verdict v) {
        Verdict.Builder b = v.toBuilder().candidates(List.of());
        v.inner().ifPresent(inner -> b.inner(java.util.Optional.of(withoutCandidates(inner))));
        return b.build();
    }
}
