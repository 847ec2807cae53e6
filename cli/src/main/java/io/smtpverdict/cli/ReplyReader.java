package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.cli.InputRecord.Origin;
import io.smtpverdict.cli.LineFormats.Extracted;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.input.email.BounceReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Reads every record of every input in order (arguments, else each {@code --input}, else standard input) and hands
 * each to a consumer. Memory stays flat: one line at a time.
 */
final class ReplyReader {
    /** Told how far a file has been read, before each block is read. */
    interface Progress {
        /** Called before each read; {@code total} is the file size, or -1 when unknown (standard input). */
        void reading(String source, long bytesRead, long total);
    }

    private final InputOptions options;
    private final CliEnvironment env;
    private final Progress progress;
    private final Consumer<String> messages;
    private final Optional<VerdictEngine> engine;
    private boolean failed;

    /**
     * @param messages receives one line per input that could not be read to the end
     */
    ReplyReader(InputOptions options, CliEnvironment env, Progress progress, Consumer<String> messages) {
        this(options, env, progress, messages, null);
    }

    /**
     * @param messages receives one line per input that could not be read to the end
     * @param engine decides the verdicts of whole emails (their DSN Action counts); null reads no emails
     */
    ReplyReader(InputOptions options, CliEnvironment env, Progress progress, Consumer<String> messages,
            VerdictEngine engine) {
        this.options = requireNonNull(options, "options is null");
        this.env = requireNonNull(env, "env is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.messages = requireNonNull(messages, "messages is null");
        this.engine = Optional.ofNullable(engine);
    }

    /** Whether arguments were given or inputs named (otherwise standard input is read). */
    boolean readsStandardInputOnly() {
        return options.replies.isEmpty() && options.inputs.isEmpty();
    }

    /**
     * Feeds every record to the consumer, in input order.
     *
     * @return whether every input was read to its end
     * @throws CliFailure (exit 1) when a named input file cannot be opened; checked for all files before any is read
     */
    boolean forEach(Consumer<InputRecord> consumer) {
        options.validate();
        if (!options.replies.isEmpty()) {
            arguments(consumer);
            return true;
        }
        List<String> inputs = options.inputs.isEmpty() ? List.of("-") : options.inputs;
        for (String input : inputs) {
            if (!input.equals("-")) {
                checkReadable(Path.of(input), engine.isPresent());
            }
        }
        for (String input : inputs) {
            if (engine.isPresent() && EmailRecordSource.applies(input, options.inputFormat)) {
                readEmails(input, consumer);
            } else {
                read(input, consumer);
            }
        }
        return !failed;
    }

    private static void checkReadable(Path file, boolean emails) {
        if (!Files.exists(file)) {
            throw CliFailure.runtime("cannot read input file " + file + ": no such file");
        }
        if (Files.isDirectory(file) && !emails) {
            throw CliFailure.runtime("cannot read input file " + file + ": it is a directory");
        }
        if (!Files.isReadable(file)) {
            throw CliFailure.runtime("cannot read input file " + file + ": permission denied");
        }
    }

    private void arguments(Consumer<InputRecord> consumer) {
        for (int i = 0; i < options.replies.size(); i++) {
            String text = options.replies.get(i);
            Origin at = new Origin(Optional.empty(), "arg", i + 1, (int) Math.max(1, text.lines().count()),
                    OptionalInt.empty());
            for (InputRecord record : argument(at, text)) {
                consumer.accept(record);
            }
        }
    }

    /** One argument is one reply in whatever format it is written; a multi-line argument stays one reply. */
    private List<InputRecord> argument(Origin at, String text) {
        if (text.isBlank()) {
            return List.of(InputRecord.error(at, text, "empty reply"));
        }
        if (text.indexOf('\0') >= 0) {
            return List.of(InputRecord.error(at, text.replace('\0', '\uFFFD'), "binary data (NUL byte); not classified"));
        }
        InputFormat f = options.inputFormat == InputFormat.AUTO ? LineFormats.detect(text) : options.inputFormat;
        switch (f) {
            case DSN:
                if (!LineFormats.isDiagnosticCode(text)) {
                    return List.of(InputRecord.skipped(at, text, Map.of(), "not a Diagnostic-Code field"));
                }
                return List.of(InputRecord.reply(at, text, LineFormats.diagnosticReply(text), Map.of(),
                        Optional.empty()));
            case POSTFIX:
                return List.of(LineFormats.postfix(text).map(e -> record(at, text, e)).orElseGet(
                        () -> InputRecord.skipped(at, text, Map.of(), "log line without a delivery status")));
            case JSONL:
                List<Extracted> all = LineFormats.json(text, options.fieldPointer());
                if (all.size() == 1) {
                    return List.of(record(at, text, all.get(0)));
                }
                List<InputRecord> out = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    out.add(record(at.at(i), text, all.get(i)));
                }
                return out;
            default:
                return List.of(InputRecord.reply(at, text, text, Map.of(), Optional.empty()));
        }
    }

    private static InputRecord record(Origin at, String text, Extracted e) {
        if (e.reply().isPresent()) {
            return InputRecord.reply(at, text, e.reply().get(), e.context(), Optional.empty());
        }
        return new InputRecord(at.source(), at.position(), at.number(), at.lines(), at.index(),
                InputRecord.echo(text), Optional.empty(), e.context(), e.error(), Optional.empty(), Optional.empty());
    }

    private void read(String input, Consumer<InputRecord> consumer) {
        boolean stdin = input.equals("-");
        Optional<String> source = stdin ? Optional.empty() : Optional.of(input);
        String name = source.orElse("standard input");
        long total;
        CountingInputStream counting;
        try {
            total = stdin ? -1 : Files.size(Path.of(input));
            counting = new CountingInputStream(stdin ? new Unclosable(env.stdin()) : Files.newInputStream(Path.of(input)));
        } catch (IOException e) {
            throw CliFailure.runtime("cannot read input file " + input + ": " + reason(e));
        }
        long lastLine = 0;
        try (LineReader lines = new LineReader(counting, options.maxLineBytes,
                () -> progress.reading(name, counting.count, total))) {
            RecordSource records = sourceFor(lines, source, input);
            while (true) {
                Optional<InputRecord> record = records.next();
                if (record.isEmpty()) {
                    break;
                }
                lastLine = record.get().number() + record.get().lines() - 1;
                consumer.accept(record.get());
            }
        } catch (IOException e) {
            failed(source, name, lastLine, reason(e), consumer);
        }
        progress.reading(name, -1, total);
    }

    /** Reads an email, a directory of them, an mbox or a Maildir: one record per recipient of each message. */
    private void readEmails(String input, Consumer<InputRecord> consumer) {
        if (input.equals("-")) {
            throw CliFailure.usage("emails are read from files and directories: give --input PATH");
        }
        BounceReader bounces = BounceReader.of(engine.get(), options.originalHeaders);
        long count = 0;
        try (EmailRecordSource records = new EmailRecordSource(Path.of(input), options.inputFormat, bounces)) {
            while (true) {
                progress.reading(input, count, -1);
                Optional<InputRecord> record = records.next();
                if (record.isEmpty()) {
                    break;
                }
                count++;
                consumer.accept(record.get());
            }
        } catch (IOException e) {
            failed(Optional.of(input), input, count, reason(e), consumer);
        }
        progress.reading(input, -1, -1);
    }

    private void failed(Optional<String> source, String name, long lastLine, String why,
            Consumer<InputRecord> consumer) {
        failed = true;
        Origin at = new Origin(source, "line", lastLine + 1, 1, OptionalInt.empty());
        consumer.accept(InputRecord.error(at, "", "input could not be read to the end: " + why));
        messages.accept("cannot read " + name + " after line " + lastLine + ": " + why);
    }

    private RecordSource sourceFor(LineReader lines, Optional<String> source, String input) {
        String lower = input.toLowerCase(Locale.ROOT);
        boolean csv = options.inputFormat == InputFormat.CSV || options.inputFormat == InputFormat.AUTO
                && (lower.endsWith(".csv") || lower.endsWith(".csv.gz"));
        if (csv) {
            return new CsvRecordSource(lines, source, options.column);
        }
        return new LineRecordSource(lines, source, options.inputFormat, options.fieldPointer());
    }

    /** The reason an I/O operation failed, in a few words. */
    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.io.EOFException && (m == null || m.contains("ZLIB"))) {
            return "unexpected end of compressed data";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Counts the bytes read from the file itself (compressed bytes for .gz), for progress. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Standard input is not closed after reading: a later command in the same process may still want it. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // standard input belongs to the process
        }
    }
}
