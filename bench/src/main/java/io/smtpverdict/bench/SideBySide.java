package io.smtpverdict.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Two builds of the engine in one JVM, timed in alternating bursts over the realistic mix: the ratio of their replies
 * per CPU second, which a busy machine cannot tilt the way it tilts two runs made one after the other.
 *
 * <pre>java -XX:+UseSerialGC -cp benchmarks.jar io.smtpverdict.bench.SideBySide BEFORE.jar AFTER.jar [SECONDS]</pre>
 *
 * <p>Each jar is a {@code benchmarks.jar} (or any jar holding the engine and its plugins) and is loaded by a class
 * loader of its own, so both builds are compiled and optimised independently; both classify the same strings, this
 * jar's {@link Workload.Mix#ALL}. The first 30% of the time warms both up and is not counted; then every burst is 30
 * passes over the mix, the two builds taking turns and swapping who goes first each round. Swapping the jars' order
 * and running a jar against itself show the noise (about 1-3% on the 2-core machine of docs/performance.md).
 */
public final class SideBySide {
    private SideBySide() {
    }

    /** Entry point: prints each build's replies per CPU second and their ratio, after over before. */
    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: SideBySide BEFORE.jar AFTER.jar [SECONDS]");
            System.exit(2);
        }
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 40;
        String[] inputs = Workload.of(Workload.Mix.ALL).toArray(new String[0]);
        Build[] builds = {Build.load(Path.of(args[0])), Build.load(Path.of(args[1]))};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[2];
        long[] replies = new long[2];
        long start = System.nanoTime();
        long warmUntil = start + (long) (seconds * 0.3e9);
        long until = start + (long) (seconds * 1e9);
        long sink = 0;
        for (int round = 0; System.nanoTime() < until; round++) {
            boolean counted = System.nanoTime() >= warmUntil;
            for (int turn = 0; turn < 2; turn++) {
                int which = (round + turn) % 2;
                long before = threads.getCurrentThreadCpuTime();
                for (int pass = 0; pass < 30; pass++) {
                    for (String s : inputs) {
                        sink += builds[which].classify(s) == null ? 0 : 1;
                    }
                }
                if (counted) {
                    cpu[which] += threads.getCurrentThreadCpuTime() - before;
                    replies[which] += 30L * inputs.length;
                }
            }
        }
        double a = replies[0] / (cpu[0] / 1e9);
        double b = replies[1] / (cpu[1] / 1e9);
        System.out.printf(Locale.ROOT, "before %.0f replies per CPU second, after %.0f, after/before %.3f (sink %d)%n",
                a, b, b / a, sink);
    }

    /** One build of the engine, from its own jar, with its shipped plugins. */
    private static final class Build {
        private final Object engine;
        private final MethodHandle classify;

        private Build(Object engine, MethodHandle classify) {
            this.engine = engine;
            this.classify = classify;
        }

        static Build load(Path jar) throws Throwable {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> engineType = loader.loadClass("io.smtpverdict.core.VerdictEngine");
            Object builder = engineType.getMethod("builder").invoke(null);
            builder = builder.getClass().getMethod("discoverPlugins", ClassLoader.class).invoke(builder, loader);
            Object engine = builder.getClass().getMethod("build").invoke(builder);
            MethodHandle classify = MethodHandles.publicLookup()
                    .findVirtual(engineType, "classify",
                            MethodType.methodType(loader.loadClass("io.smtpverdict.spi.Verdict"), String.class))
                    .asType(MethodType.methodType(Object.class, Object.class, String.class));
            return new Build(engine, classify);
        }

        Object classify(String reply) throws Throwable {
            return (Object) classify.invokeExact(engine, reply);
        }
    }
}
