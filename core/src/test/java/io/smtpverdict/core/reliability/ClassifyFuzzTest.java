package io.smtpverdict.core.reliability;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.testing.TestingLowPlugin;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@code VerdictEngine.classify} with every test plugin core can load. The shipped vendor rules are
 * fuzzed from the cli module, which sees every plugin. Checks the invariants of {@link Invariants#verdict}, that
 * a verdict is repeatable, that explaining changes nothing but the list of losing candidates, and that matching
 * key by key (a run's first short replies) decides as the automaton does.
 */
final class ClassifyFuzzTest {
    private static final int SMALL_INPUT = 256;
    private static final int SMALL_DEPTH = 1;
    /** Matches with the automaton from the first reply. */
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new TestingPlugin())
            .plugin(new TestingLowPlugin()).plugin(new TestingReliabilityPlugins.Fuzzing()).keySearches(0).build();
    private static final VerdictEngine SMALL = VerdictEngine.builder().plugin(new TestingPlugin())
            .plugin(new TestingLowPlugin()).plugin(new TestingReliabilityPlugins.Fuzzing())
            .maxInputLength(SMALL_INPUT).maxDepth(SMALL_DEPTH).build();
    /** Matches every reply up to the key search's length key by key, never with the automaton. */
    private static final VerdictEngine SEARCHING = VerdictEngine.builder().plugin(new TestingPlugin())
            .plugin(new TestingLowPlugin()).plugin(new TestingReliabilityPlugins.Fuzzing())
            .keySearches(Integer.MAX_VALUE).build();
    private static final Stage[] STAGES = Stage.values();

    static Stream<byte[]> seeds() {
        return Inputs.allAsBytes();
    }

    @MethodSource("seeds")
    @DictionaryEntries({"550 ", "5.1.1", "(#5.1.2)", "Remote host said: ", "/", "Connected to ", " but ",
        "does not like recipient.", "Giving up on ", "192.0.2.7", "blocked using ", "user unknown", "mailbox ",
        "quota", "retry in 5 minutes", "in reply to RCPT TO command", "Sorry, I couldn't find any host named ",
        "queued as", "timed out", "listed at ", " see ", " messages for ", " queue: "})
    @FuzzTest(maxDuration = "10s")
    void classify(byte[] data) {
        String input = Inputs.decode(data);
        Verdict v = ENGINE.classify(input);
        Invariants.verdict(input, v, 65_536, 4);
        Invariants.check(input, v.equals(ENGINE.classify(input)), "classifying twice gave two verdicts");
        Verdict explained = ENGINE.classify(input, ClassifyOptions.EXPLAIN);
        Invariants.check(input, Invariants.withoutCandidates(explained).equals(v),
                "explaining changed the verdict: " + v + " vs " + explained);
        Invariants.check(input, SEARCHING.classify(input, ClassifyOptions.EXPLAIN).equals(explained),
                "the key search and the automaton gave two verdicts");
        Stage hint = STAGES[(data.length > 0 ? data[data.length - 1] & 0xFF : 0) % STAGES.length];
        Verdict hinted = SMALL.classify(input, ClassifyOptions.DEFAULT.withStage(hint));
        Invariants.verdict(input, hinted, SMALL_INPUT, SMALL_DEPTH);
    }
}
