package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.core.ClassifyContext;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.input.InputException;
import io.smtpverdict.input.InputRecord;
import io.smtpverdict.input.Readers;
import io.smtpverdict.input.email.BounceReader;
import io.smtpverdict.input.RecordSource;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private final ClassifyOptions emailOptions;
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
        this(options, env, progress, messages, engine, ClassifyOptions.DEFAULT);
    }

    /**
     * @param messages receives one line per input that could not be read to the end
     * @param engine decides the verdicts of whole emails (their DSN Action counts); null reads no emails
     * @param emailOptions how the verdicts of whole emails are decided (EXPLAIN keeps the losing rules)
     */
    ReplyReader(InputOptions options, CliEnvironment env, Progress progress, Consumer<String> messages,
            VerdictEngine engine, ClassifyOptions emailOptions) {
        this.emailOptions = requireNonNull(emailOptions, "emailOptions is null");
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
            for (InputRecord record : Readers.text(options.replies.get(i), i + 1, options.readOptions())) {
                consumer.accept(record);
            }
        }
    }

    private void read(String input, Consumer<InputRecord> consumer) {
        boolean stdin = input.equals("-");
        Optional<String> source = stdin ? Optional.empty() : Optional.of(input);
        String name = source.orElse("standard input");
        long total;
        CountingInputStream counting;
        try {
            total = stdin || !Files.isRegularFile(Path.of(input)) ? -1 : Files.size(Path.of(input));
            // FileInputStream, not Files.newInputStream: the latter asks a pipe or FIFO for its position ("Illegal seek")
            counting = new CountingInputStream(stdin ? new Unclosable(env.stdin()) : new FileInputStream(input));
        } catch (IOException e) {
            throw CliFailure.runtime("cannot read input file " + input + ": " + reason(e));
        }
        long lastLine = 0;
        try (RecordSource records = Readers.open(counting, source, options.readOptions(),
                () -> progress.reading(name, counting.count, total))) {
            while (true) {
                Optional<InputRecord> record = records.next();
                if (record.isEmpty()) {
                    break;
                }
                lastLine = record.get().number() + record.get().lines() - 1;
                consumer.accept(record.get());
            }
        } catch (InputException e) {
            throw CliFailure.usage(e.getMessage());
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
        BounceReader bounces = BounceReader.of(engine.get(), options.originalHeaders).withOptions(emailOptions);
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
        consumer.accept(new InputRecord(source, "line", lastLine + 1, 1, OptionalInt.empty(), "", Optional.empty(),
                Map.of(), ClassifyContext.NONE, Optional.of("input could not be read to the end: " + why),
                Optional.empty(), Optional.empty()));
        messages.accept("cannot read " + name + " after line " + lastLine + ": " + why);
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
