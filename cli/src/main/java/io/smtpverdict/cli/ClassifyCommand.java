package io.smtpverdict.cli;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.input.InputRecord;
import io.smtpverdict.spi.Verdict;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
    private static final Logger LOG = LoggerFactory.getLogger(ClassifyCommand.class);

    /** How many records are written between two checks for a write error. */
    static final int CHECK_EVERY = 256;

    @ParentCommand
    VerdictCli root;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Output: ${COMPLETION-CANDIDATES}. Default: text when standard output is a terminal, "
                    + "else jsonl (one JSON object per line).")
    Optional<OutputFormat> format = Optional.empty();

    @Option(names = "--explain", description = "Also list the rules that matched and lost (candidates).")
    boolean explain;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        input.validate();
        VerdictEngine engine = engineOptions.build();
        Output output = root.output();
        RecordWriter writer = RecordWriter.of(format.orElse(root.env().stdoutTerminal() ? OutputFormat.TEXT
                : OutputFormat.JSONL), output.writer());
        ClassifyOptions options = explain ? ClassifyOptions.EXPLAIN : ClassifyOptions.DEFAULT;
        ReplyReader reader = new ReplyReader(input, root.env(), (source, read, total) -> {
            writer.flush();
            output.check();
        }, message -> spec.commandLine().getErr().println("verdict: " + message), engine, options);
        if (reader.readsStandardInputOnly() && root.env().stdinTerminal()) {
            spec.commandLine().getErr().println("verdict: reading replies from standard input, one per line "
                    + "(end with Ctrl-D)");
        }
        long started = System.nanoTime();
        long[] written = {0};
        boolean[] engineFailed = {false};
        boolean complete = reader.forEach(record -> {
            InputRecord out = record;
            Optional<Verdict> verdict = Optional.empty();
            if (record.reply().isPresent() || record.verdict().isPresent()) {
                try {
                    verdict = record.classify(engine, options);
                } catch (RuntimeException e) {
                    // The engine promises never to throw; if it does, this record says so and the rest go on.
                    engineFailed[0] = true;
                    LOG.error("classifying line {} failed", record.number(), e);
                    out = record.withError("classification failed: " + e);
                }
            }
            writer.write(out, verdict);
            if (++written[0] % CHECK_EVERY == 0) {
                output.check();
            }
        });
        writer.finish();
        writer.flush();
        output.check();
        LOG.info("wrote {} records in {} ms", written[0], (System.nanoTime() - started) / 1_000_000);
        return complete && !engineFailed[0] ? 0 : CliFailure.RUNTIME;
    }
}
