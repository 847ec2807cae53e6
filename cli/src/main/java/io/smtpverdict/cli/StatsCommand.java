package io.smtpverdict.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verdict stats}: reads like {@code classify} and prints a summary instead of records. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reads replies like 'classify' and prints a summary: counts by outcome, category, advice, "
                + "party, plugin, evidence level and (for log input) recipient domain, and the most frequent "
                + "unclassified replies (decided by the class digit alone, by no rule, or UNCLASSIFIED).",
            "Shows progress on stderr while reading a large file when stderr is a terminal."})
final class StatsCommand implements Callable<Integer> {
    /**
     * The logger, made on first use: picocli instantiates this command on the main thread while the early engine
     * may be initialising SLF4J on its own thread, and a logger asked for in that window makes SLF4J print a replay
     * warning (see {@link EarlyEngine}).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(StatsCommand.class);
    }

    /** Files at least this large get a progress line on a terminal. */
    static final long PROGRESS_MIN_BYTES = 32L << 20;

    @ParentCommand
    VerdictCli root;

    @Mixin
    InputOptions input;

    @Mixin
    TextOrJson output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "How many recipient domains and unclassified replies to list (default: ${DEFAULT-VALUE}).")
    int top = 20;

    @Mixin
    ThreadsOption threads;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        boolean json = output.json();
        if (top < 1) {
            throw CliFailure.usage("--top must be at least 1: " + top);
        }
        input.validate();
        // Replies given as arguments are few: no threads to start for them.
        int threadCount = threads.threads();
        if (!input.replies.isEmpty()) {
            threadCount = 1;
        }
        VerdictEngine engine = engineOptions.build();
        PrintWriter err = root.err();
        Stats stats = new Stats();
        RecordPipeline pipeline = new RecordPipeline(threadCount,
                record -> new RecordPipeline.Classified(record, record.classify(engine, ClassifyOptions.DEFAULT)),
                c -> stats.add(c.record(), c.verdict()));
        Progress progress = new Progress(err, root.env().stderrTerminal(), pipeline::recordsRead);
        ReplyReader reader = new ReplyReader(input, root.env(), pipeline.progress(progress::reading),
                message -> err.println("verdict: " + message), engine);
        if (reader.readsStandardInputOnly() && root.env().stdinTerminal()) {
            err.println("verdict: reading replies from standard input, one per line (end with Ctrl-D)");
        }
        long started = System.nanoTime();
        boolean complete = pipeline.run(reader);
        Log.LOG.info("read {} records in {} ms", stats.records, (System.nanoTime() - started) / 1_000_000);
        Output output = root.output();
        PrintWriter out = output.writer();
        if (json) {
            try {
                JsonGenerator g = JsonFactory.builder().build().createGenerator(out)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                stats.writeJson(g, top);
                g.flush();
                out.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            stats.printText(out, top);
        }
        out.flush();
        output.check();
        return complete ? 0 : CliFailure.RUNTIME;
    }

    /** One self-overwriting progress line on a terminal while a large file is read. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private final LongSupplier records;
        private long lastNanos = System.nanoTime();
        private boolean shown;

        /** @param records how many records have been read so far; asked on the reading thread */
        Progress(PrintWriter err, boolean terminal, LongSupplier records) {
            this.err = err;
            this.terminal = terminal;
            this.records = records;
        }

        void reading(String source, long read, long total) {
            if (!terminal || total < PROGRESS_MIN_BYTES) {
                return;
            }
            if (read < 0) {
                if (shown) {
                    err.print("\r\033[K");
                    err.flush();
                    shown = false;
                }
                return;
            }
            long now = System.nanoTime();
            if (now - lastNanos < 1_000_000_000L) {
                return;
            }
            lastNanos = now;
            shown = true;
            err.printf(Locale.ROOT, "\rverdict: %s %3d%% (%,d of %,d MB), %,d records", source,
                    100 * read / total, read >> 20, total >> 20, records.getAsLong());
            err.flush();
        }
    }
}
