package io.smtpverdict.core.reliability;

import io.smtpverdict.core.VerdictEngine;

/**
 * Measures how classification time grows with input length (or with anything else two runs differ in), robustly on a
 * loaded machine: the ratio of the times for a large and a small input, as the smallest seen over up to five attempts
 * of interleaved timings.
 * Preemption only ever inflates a ratio; a quadratic cost gives about 64x for 8x the input every time.
 */
public final class CostRatio {
    /** The bound the reliability tests hold linear growth to, for 8 times the input. */
    public static final double MAX_RATIO = 30.0;

    private static final int REPEATS = 7;

    private CostRatio() {
    }

    /** time(large) / time(small) for {@code engine.classify}, the best of up to five attempts. */
    public static double bestRatio(VerdictEngine engine, String small, String large) {
        return bestRatio(engine, small, large, REPEATS, MAX_RATIO);
    }

    /**
     * time(large) / time(small), each time the least of {@code repeats} interleaved runs, the best of up to five
     * attempts that stop once one is under {@code bound}: fewer repeats for texts whose every run takes seconds.
     */
    public static double bestRatio(VerdictEngine engine, String small, String large, int repeats, double bound) {
        return bestRatio(() -> engine.classify(small), () -> engine.classify(large), repeats, bound);
    }

    /**
     * time(measured) / time(base) for any two runs (one text through two engines, say), timed as above: each the
     * least of {@code repeats} interleaved runs, the best of up to five attempts that stop once one is under
     * {@code bound}.
     */
    public static double bestRatio(Runnable base, Runnable measured, int repeats, double bound) {
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 5 && best >= bound; attempt++) {
            long b = Long.MAX_VALUE;
            long m = Long.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                b = Math.min(b, nanos(base));
                m = Math.min(m, nanos(measured));
            }
            best = Math.min(best, (double) m / Math.max(1, b));
        }
        return best;
    }

    private static long nanos(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }
}
