package io.smtpverdict.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recursion into embedded {MESSAGE} replies stops at the builder's maxDepth, however deep the input nests. */
final class DepthLimitTest {
    private static final String WRAPPER = "Connected to 192.0.2.7 but sender was rejected./Remote host said: ";

    private static String nested(int levels) {
        return WRAPPER.repeat(levels) + "550 5.7.1 bigmail-special";
    }

    @ParameterizedTest(name = "maxDepth {0}")
    @ValueSource(ints = {0, 1, 2, 4, 16})
    void classify_thousandNestedWrappers_recursesExactlyMaxDepth(int maxDepth) {
        VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).maxDepth(maxDepth).build();
        Verdict v = engine.classify(nested(1000));
        Invariants.verdict(nested(1000), v, 65_536, maxDepth);
        assertThat(Invariants.depth(v)).isEqualTo(maxDepth);
        assertThat(v.rule().orElseThrow().id()).isEqualTo("testing.wrapper");
    }

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {1, 3, 4})
    void classify_nestingWithinTheLimit_reachesTheInnermostReply(int levels) {
        VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).build();
        Verdict v = engine.classify(nested(levels));
        assertThat(Invariants.depth(v)).isEqualTo(levels);
        Verdict innermost = v;
        while (innermost.inner().isPresent()) {
            innermost = innermost.inner().get();
        }
        assertThat(innermost.rule().orElseThrow().id()).isEqualTo("testing.provider");
        assertThat(v.category()).contains(Category.RATE_LIMITED);
    }

    @ParameterizedTest(name = "maxDepth {0}")
    @ValueSource(ints = {-1, 17, Integer.MAX_VALUE})
    void builder_depthOutsideZeroToSixteen_isRefused(int depth) {
        assertThatThrownBy(() -> VerdictEngine.builder().maxDepth(depth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDepth");
    }
}
