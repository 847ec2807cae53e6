package io.smtpverdict.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.testing.TestingLowPlugin;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One engine shared by 8 threads gives exactly the verdicts it gives one thread. A million classifications of
 * a few thousand distinct inputs (real messages, wrapped, mutated, random), with and without explanation and
 * stage hints, each thread walking the inputs in its own order so that different inputs meet at the same time.
 */
final class ConcurrencyTest {
    static final int THREADS = 8;
    static final int TOTAL = 1_000_000;
    static final int DISTINCT = 4_000;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void classify_eightThreadsOneMillionReplies_giveTheSequentialVerdicts() throws Exception {
        VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).plugin(new TestingLowPlugin())
                .plugin(new TestingReliabilityPlugins.Fuzzing()).build();
        List<String> inputs = Inputs.mixed(DISTINCT, 42);
        Stage[] stages = Stage.values();
        List<ClassifyOptions> options = new ArrayList<>(DISTINCT);
        List<Verdict> expected = new ArrayList<>(DISTINCT);
        for (int i = 0; i < DISTINCT; i++) {
            ClassifyOptions o = new ClassifyOptions(i % 3 == 0, stages[i % stages.length]);
            options.add(o);
            expected.add(engine.classify(inputs.get(i), o));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    long done = 0;
                    long wrong = 0;
                    long firstWrong = -1;
                    int stride = 2 * thread + 1;
                    for (int k = 0; k < TOTAL / THREADS; k++) {
                        int i = (int) ((thread * 997L + (long) k * stride) % DISTINCT);
                        Verdict v = engine.classify(inputs.get(i), options.get(i));
                        if (!v.equals(expected.get(i))) {
                            wrong++;
                            if (firstWrong < 0) {
                                firstWrong = i;
                            }
                        }
                        done++;
                    }
                    return new long[] {done, wrong, firstWrong};
                }));
            }
            long done = 0;
            for (Future<long[]> f : results) {
                long[] r = f.get();
                done += r[0];
                assertThat(r[1]).as("verdicts that differ from the sequential ones; first input: %s",
                        r[2] < 0 ? "-" : Invariants.escape(inputs.get((int) r[2]))).isZero();
            }
            assertThat(done).isEqualTo(TOTAL);
        } finally {
            pool.shutdownNow();
        }
    }
}
