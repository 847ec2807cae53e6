package io.smtpverdict.input;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.input.InputRecord.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The entry point of the readers: a {@link RecordSource} over a stream (a file, a pipe, standard input, a socket),
 * or the records of one reply given as text.
 *
 * <pre>{@code
 * try (RecordSource records = Readers.open(in, Optional.of("mail.log"), ReadOptions.DEFAULT)) {
 *     for (Optional<InputRecord> r = records.next(); r.isPresent(); r = records.next()) {
 *         r.get().classify(engine, ClassifyOptions.DEFAULT).ifPresent(verdict -> ...);
 *     }
 * }
 * }</pre>
 */
public final class Readers {
    private Readers() {
    }

    /**
     * A source over a stream of lines. CSV is read when the options say so or (for {@link InputFormat#AUTO}) when
     * the name ends in {@code .csv} or {@code .csv.gz}; every other format is decided per line. Gzip and bzip2
     * input is unpacked. The stream is read forward only and closed with the source.
     *
     * @param in the input
     * @param name the file name, for records and CSV detection; empty for standard input
     * @param options how to read it
     */
    public static RecordSource open(InputStream in, Optional<String> name, ReadOptions options) throws IOException {
        return open(in, name, options, () -> { });
    }

    /**
     * A source over a stream of lines, running {@code beforeRead} before each read that may block (to flush
     * output while a slow pipe is waited for).
     */
    public static RecordSource open(InputStream in, Optional<String> name, ReadOptions options, Runnable beforeRead)
            throws IOException {
        requireNonNull(name, "name is null");
        requireNonNull(options, "options is null");
        LineReader lines = new LineReader(in, options.maxLineBytes(), beforeRead);
        String lower = name.orElse("").toLowerCase(Locale.ROOT);
        boolean csv = options.format() == InputFormat.CSV || options.format() == InputFormat.AUTO
                && (lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".csv.bz2"));
        if (csv) {
            return new CsvRecordSource(lines, name, options.column());
        }
        return new LineRecordSource(lines, name, options);
    }

    /**
     * The records of one reply given as text (e.g. a command-line argument): one reply in whatever format it is
     * written, a multi-line text staying one reply; several records only for a JSON array or a multi-recipient event.
     *
     * @param text the reply
     * @param number its 1-based argument number
     * @param options how to read it (CSV is not possible for a single text)
     */
    public static List<InputRecord> text(String text, int number, ReadOptions options) {
        requireNonNull(text, "text is null");
        Origin at = new Origin(Optional.empty(), "arg", number, (int) Math.max(1, text.lines().count()),
                OptionalInt.empty());
        if (text.isBlank()) {
            return List.of(InputRecord.error(at, text, "empty reply"));
        }
        if (text.indexOf('\0') >= 0) {
            return List.of(InputRecord.error(at, text.replace('\0', '\uFFFD'), "binary data (NUL byte); not classified"));
        }
        InputFormat f = options.format() == InputFormat.AUTO ? LineFormats.detect(text) : options.format();
        switch (f) {
            case DSN:
                if (!LineFormats.isDiagnosticCode(text)) {
                    return List.of(InputRecord.skipped(at, text, Map.of(), "not a Diagnostic-Code field"));
                }
                return List.of(InputRecord.reply(at, text, LineFormats.diagnosticReply(text), Map.of(), Optional.empty()));
            case POSTFIX:
            case EXIM:
            case SENDMAIL:
            case QMAIL:
            case OPENSMTPD:
                return log(at, text, LineFormats.logLine(f, text));
            case JSONL: {
                List<LineFormats.Extracted> all = LineFormats.json(text, options.fields());
                if (all.size() == 1) {
                    return List.of(all.get(0).record(at, text, Optional.empty()));
                }
                List<InputRecord> out = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    out.add(all.get(i).record(at.at(i), text, Optional.empty()));
                }
                return out;
            }
            case CSV:
                throw new InputException("CSV is read from files with a header row, not from a single text");
            default:
                return List.of(InputRecord.reply(at, text, text, Map.of(), Optional.empty()));
        }
    }

    private static List<InputRecord> log(Origin at, String text, Optional<LineFormats.Extracted> extracted) {
        return List.of(extracted.map(e -> e.record(at, text, Optional.empty())).orElseGet(
                () -> InputRecord.skipped(at, text, Map.of(), "log line without a delivery status")));
    }
}
