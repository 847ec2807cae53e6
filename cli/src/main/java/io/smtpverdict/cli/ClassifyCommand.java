package io.smtpverdict.cli;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code verdict classify}: one output record per input record, in order. */
@Command(name = "classify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Classifies replies: one output record per input line or record, in input order. A multi-line "
                + "reply (550-... up to 550 ...) or a folded DSN field is one record whose 'lines' field counts its "
                + "lines.",
            "Lines that cannot be read (empty, binary, too long, invalid JSON or CSV) still get a record, "
                    + "with an 'error' field; recognised lines without a reply get a 'skipped' field."},
        footer = {"", "Examples:",
            "  verdict classify \"550 5.1.1 user unknown\"",
            "  verdict classify --input /var/log/mail.log --format table",
            "  verdict classify -i events.jsonl.gz --field /raw_reason",
            "  verdict classify --input /var/log/mail.log* --format table",
            "  verdict classify --input acct.csv --column dsnDiag --format csv",
            "  verdict classify --input ~/Maildir/.Bounces --format jsonl"})
final class ClassifyCommand implements Callable<Integer> {
    /**
     * The logger, made on first use: picocli instantiates this command on the main thread while the early engine
     * may be initialising SLF4J on its own thread, and a logger asked for in that window makes SLF4J print a replay
     * warning (see {@link EarlyEngine}).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ClassifyCommand.class);
    }

    /** How many records are written between two checks for a write error. */
    static final int CHECK_EVERY = 256;

    @ParentCommand
    VerdictCli root;

    @Mixin
    InputOptions input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES}. Default: text when standard output is a terminal, "
                    + "else jsonl (one JSON object per line).")
    Optional<OutputFormat> format = Optional.empty();

    @Option(names = "--explain", description = "Also list the rules that matched and lost (candidates).")
    boolean explain;

    @Mixin
    ThreadsOption threads;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        Timing.mark("picocli parse");
        input.validate();
        // Replies given as arguments are few: no threads to start for them.
        int threadCount = threads.threads();
        if (!input.replies.isEmpty()) {
            threadCount = 1;
        }
        // The writer first: a one-shot run makes it (and loads its classes) while the engine is built beside it.
        Output output = root.output();
        RecordWriter writer = RecordWriter.of(format.orElse(root.env().stdoutTerminal() ? OutputFormat.TEXT
                : OutputFormat.JSONL), output);
        VerdictEngine engine = engineOptions.build();
        Timing.mark("engine build");
        ClassifyOptions options = explain ? ClassifyOptions.EXPLAIN : ClassifyOptions.DEFAULT;
        AtomicBoolean engineFailed = new AtomicBoolean();
        long[] written = {0};
        RecordPipeline pipeline = new RecordPipeline(threadCount, record -> {
            if (record.reply().isEmpty() && record.verdict().isEmpty()) {
                return new RecordPipeline.Classified(record, Optional.empty());
            }
            try {
                return new RecordPipeline.Classified(record, record.classify(engine, options));
            } catch (RuntimeException e) {
                // The engine promises never to throw; if it does, this record says so and the rest go on.
                engineFailed.set(true);
                Log.LOG.error("classifying line {} failed", record.number(), e);
                return new RecordPipeline.Classified(record.withError("classification failed: " + e),
                        Optional.empty());
            }
        }, new RecordPipeline.Sink() {
            @Override
            public void accept(RecordPipeline.Classified c) {
                writer.write(c.record(), c.verdict());
                if (++written[0] % CHECK_EVERY == 0) {
                    output.check();
                } else if (written[0] == 1) {
                    Timing.mark("first record");
                }
            }

            @Override
            public void acceptRendered(ChunkedBytes rendered, int records) {
                writer.writeRendered(rendered);
                long before = written[0];
                written[0] += records;
                if (before == 0) {
                    Timing.mark("first record");
                }
                if (before / CHECK_EVERY != written[0] / CHECK_EVERY) {
                    output.check();
                }
            }

            @Override
            public void readPause() {
                writer.flush();
                output.check();
            }
        }, writer.renderer());
        ReplyReader reader = new ReplyReader(input, root.env(), pipeline.progress((source, read, total) -> { }),
                message -> root.err().println("verdict: " + message), engine, options);
        if (reader.readsStandardInputOnly() && root.env().stdinTerminal()) {
            root.err().println("verdict: reading replies from standard input, one per line "
                    + "(end with Ctrl-D)");
        }
        long started = System.nanoTime();
        boolean complete = pipeline.run(reader);
        writer.finish();
        writer.flush();
        output.check();
        Timing.mark("rest and output");
        Log.LOG.info("wrote {} records in {} ms on {} classifier thread(s)", written[0],
                (System.nanoTime() - started) / 1_000_000, threadCount);
        return complete && !engineFailed.get() ? 0 : CliFailure.RUNTIME;
    }
}
