package io.smtpverdict.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.reliability.CostRatio;
import io.smtpverdict.core.reliability.Invariants;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With every shipped rule loaded, classification time still grows linearly: time(4n) / time(n) under 12x on
 * text built from near-misses and repeats of every literal the shipped rules look for (quadratic would be 16x).
 * Interleaved timings, minimum of two, up to five attempts: load only ever inflates the ratio.
 *
 * <p>The smaller text is at least one whole cycle of the shape's pieces (every literal, every example), so that
 * both texts hold the same rules' wording and the ratio measures length, not how many more rules the longer text
 * happens to reach; with 3,000 literals and 2,000 examples a fixed 32 KiB held only a third of the literals and a
 * sixth of the examples.
 *
 * <p>Four times, not eight as for the core's own rules: one cycle of the nearly 15,000 shipped literals is half a
 * million characters, in which every rule with a regex is a candidate; when each such regex searched the whole text,
 * each run of an eightfold text took tens of seconds on a slow machine and the test alone most of the build's twenty
 * minutes (a regex now searches near its rule's phrase in a long text). Measured at 8x the ratios were 7.7, 3.8 and
 * 1.0, so at 4x linear growth stays well under the bound and quadratic growth over it.
 *
 * <p>The ratio is taken with recursion into embedded replies switched off (maxDepth 0): whether a {MESSAGE}
 * template matches depends on where such text happens to be cut, so n and 4n may recurse differently. What
 * recursion adds is bounded separately: each level reclassifies at most the text it was given, so maxDepth 4
 * costs at most a small multiple of maxDepth + 1 = 5 times the flat cost.
 */
final class ShippedRulesCostTest {
    private static final int BASE = 32 * 1024;
    private static final int FACTOR = 4;
    /** Linear growth gives about 4x for 4 times the input, quadratic 16x. */
    private static final double MAX_RATIO = 12.0;
    private static final int REPEATS = 2;
    /** The same ending at every size, so templates anchored at both ends match (and recurse) alike. */
    private static final String TAIL = " 550 5.1.1 <a@b.example>: Recipient address rejected: User unknown";

    /** What joins the examples in the nested shape: the wrapper that quotes the next one. */
    private static final String NESTING = "/Remote host said: ";

    private static VerdictEngine engine;
    private static VerdictEngine recursive;
    private static List<String> literals;

    @BeforeAll
    static void warm() {
        engine = VerdictEngine.builder().discoverPlugins().maxInputLength(Integer.MAX_VALUE).maxDepth(0).build();
        recursive = VerdictEngine.builder().discoverPlugins().maxInputLength(Integer.MAX_VALUE).maxDepth(4).build();
        literals = ShippedRules.literals();
        for (String example : ShippedRules.examples()) {
            engine.classify(example, ClassifyOptions.EXPLAIN);
        }
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("near-misses of every shipped literal", (IntFunction<String>) n -> build(n, true)),
                Arguments.of("every shipped literal, repeated", (IntFunction<String>) n -> build(n, false)),
                Arguments.of("every example, nested in one another", (IntFunction<String>) ShippedRulesCostTest::nested));
    }

    /** The length of the smaller text for a shape: {@link #BASE}, or one whole cycle of its pieces if longer. */
    private static int base(String name) {
        List<String> pieces = name.startsWith("every example") ? ShippedRules.examples() : literals;
        int separator = name.startsWith("every example") ? NESTING.length() : 1;
        int cycle = 0;
        for (String piece : pieces) {
            cycle += piece.length() + separator;
        }
        return Math.max(BASE, cycle);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void classify_adversarialInputOnShippedRules_timeGrowsLinearly(String name, IntFunction<String> make) {
        int base = base(name);
        String small = make.apply(base);
        String large = make.apply(base * FACTOR);
        // the largest text's plain verdict: explaining it took half as long again (every rule it meets is listed),
        // and the fuzz tests explain every shipped example
        Invariants.notInternal(name, engine.classify(large));
        double best = CostRatio.bestRatio(engine, small, large, REPEATS, MAX_RATIO);
        System.out.printf("bounded-cost shipped %-40s time(4n)/time(n) = %5.1f%n", name, best);
        assertThat(best).as("time(4n)/time(n) for %s", name).isLessThan(MAX_RATIO);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void classify_recursionIntoEmbeddedReplies_costsAtMostAFewTimesMaxDepthPlusOne(String name,
            IntFunction<String> make) {
        String text = make.apply(BASE * FACTOR);
        Invariants.notInternal(name, recursive.classify(text));
        double best = CostRatio.bestRatio(() -> engine.classify(text), () -> recursive.classify(text), 3, 3 * 5);
        System.out.printf("bounded-cost shipped %-40s time(depth 4)/time(depth 0) = %5.1f%n", name, best);
        assertThat(best).as("time(maxDepth 4) / time(maxDepth 0) for %s", name).isLessThan(3 * 5);
    }

    private static String build(int length, boolean nearMiss) {
        StringBuilder sb = new StringBuilder(length + 256);
        for (int i = 0; sb.length() < length; i++) {
            String lit = literals.get(i % literals.size());
            sb.append(nearMiss ? lit.substring(0, lit.length() - 1) : lit).append(i % 7 == 0 ? "\n" : " ");
        }
        return sb.substring(0, length) + TAIL;
    }

    private static String nested(int length) {
        List<String> examples = ShippedRules.examples();
        StringBuilder sb = new StringBuilder(length + 256);
        for (int i = 0; sb.length() < length; i++) {
            sb.append(examples.get(i % examples.size())).append(NESTING);
        }
        return sb.substring(0, length) + TAIL;
    }
}
