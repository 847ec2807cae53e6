package io.smtpverdict.input;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.smtpverdict.core.ClassifyContext;
import io.smtpverdict.core.MtaDecision;
import io.smtpverdict.input.InputRecord.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads CSV with a header row (e.g. PowerMTA accounting files) one record at a time: a quoted field may span
 * lines, and each record is parsed on its own so that one broken row gives one error record, not a lost file.
 * PowerMTA's record type (first column: {@code d} delivered, {@code b} bounced, {@code t}/{@code tq} transient,
 * {@code rb} remote bounce; PowerMTA User's Guide, "Accounting records") or else its {@code dsnAction} is the MTA's
 * decision, and {@code dsnStatus} its logged status code.
 */
final class CsvRecordSource implements RecordSource {
    /** The reply column when none is named: PowerMTA accounting's diagnostic. */
    static final String DEFAULT_COLUMN = "dsnDiag";
    /** Most physical lines one quoted record may span before it is reported as broken. */
    static final int MAX_RECORD_LINES = 1000;

    private static final ObjectReader ROW = new CsvMapper().readerForArrayOf(String.class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY);

    private static final Map<String, String> CONTEXT_COLUMNS = Map.ofEntries(Map.entry("rcpt", "recipient"),
            Map.entry("dsnmta", "relay"), Map.entry("recipient", "recipient"), Map.entry("queueid", "queueId"),
            Map.entry("timelogged", "time"), Map.entry("type", "logStatus"), Map.entry("dsnstatus", "dsn"),
            Map.entry("dsnaction", "dsnAction"), Map.entry("jobid", "jobId"), Map.entry("envid", "envId"),
            Map.entry("bouncecat", "bounceCat"), Map.entry("vmta", "vmta"), Map.entry("queue", "queue"));

    private final LineReader reader;
    private final Optional<String> source;
    private final Optional<String> column;
    private int replyIndex = -1;
    private final Map<Integer, String> contextIndexes = new LinkedHashMap<>();
    private int headerSize;

    CsvRecordSource(LineReader reader, Optional<String> source, Optional<String> column) {
        this.reader = requireNonNull(reader, "reader is null");
        this.source = requireNonNull(source, "source is null");
        this.column = requireNonNull(column, "column is null");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    @Override
    public Optional<InputRecord> next() throws IOException {
        while (true) {
            Optional<Logical> logical = logical();
            if (logical.isEmpty()) {
                return Optional.empty();
            }
            Logical l = logical.get();
            if (l.error.isPresent()) {
                return Optional.of(InputRecord.error(l.at, l.text, l.error.get()));
            }
            if (l.text.isBlank()) {
                return Optional.of(InputRecord.error(l.at, l.text, "empty line"));
            }
            String[] fields;
            try {
                fields = parse(l.text);
            } catch (IOException e) {
                if (replyIndex < 0) {
                    throw new InputException("cannot read the CSV header of " + source.orElse("standard input")
                            + ": " + e.getMessage());
                }
                return Optional.of(InputRecord.error(l.at, l.text, "invalid CSV record: " + e.getMessage()));
            }
            if (replyIndex < 0) {
                header(fields);
                continue;
            }
            if (fields.length <= replyIndex) {
                return Optional.of(InputRecord.error(l.at, l.text, "record has " + fields.length
                        + " fields, the header has " + headerSize));
            }
            Map<String, String> context = new LinkedHashMap<>();
            contextIndexes.forEach((i, name) -> {
                if (i < fields.length && !fields[i].isBlank()) {
                    context.put(name, LineFormats.withoutType(fields[i]));
                }
            });
            String reply = LineFormats.stripDiagnosticType(fields[replyIndex]).strip();
            if (reply.isEmpty() && decision(context).decision().isEmpty()) {
                return Optional.of(InputRecord.error(l.at, l.text, "column " + columnName() + " is empty"));
            }
            return Optional.of(InputRecord.reply(l.at, l.text, reply, context, decision(context), l.warning));
        }
    }

    /** PowerMTA's record type, else the DSN action, as the decision; the DSN status as the logged code. */
    static ClassifyContext decision(Map<String, String> context) {
        Optional<MtaDecision> decision = Optional.empty();
        String type = context.getOrDefault("logStatus", "").toLowerCase(Locale.ROOT);
        switch (type) {
            case "d":
            case "delivery":
                decision = Optional.of(MtaDecision.DELIVERED);
                break;
            case "b":
            case "bounce":
            case "rb":
                decision = Optional.of(MtaDecision.FAILED);
                break;
            case "t":
            case "tq":
            case "transient":
                decision = Optional.of(MtaDecision.DEFERRED);
                break;
            default:
                break;
        }
        if (decision.isEmpty() && context.containsKey("dsnAction")) {
            decision = Events.dsnAction(context.get("dsnAction"));
        }
        Optional<String> status = Optional.ofNullable(context.get("dsn"));
        if (decision.isEmpty() && status.isEmpty()) {
            return ClassifyContext.NONE;
        }
        return MtaLogs.context(decision, status, "PowerMTA's accounting record"
                + (type.isEmpty() ? "" : " (type " + type + ")"));
    }

    private static String[] parse(String record) throws IOException {
        try (MappingIterator<String[]> rows = ROW.readValues(record)) {
            return rows.hasNextValue() ? rows.nextValue() : new String[0];
        }
    }

    private String columnName() {
        return column.orElse(DEFAULT_COLUMN);
    }

    private void header(String[] fields) {
        String wanted = columnName();
        for (int i = 0; i < fields.length; i++) {
            String name = fields[i].strip();
            if (name.equalsIgnoreCase(wanted) && replyIndex < 0) {
                replyIndex = i;
            }
            String contextName = CONTEXT_COLUMNS.get(name.toLowerCase(Locale.ROOT));
            if (contextName != null && !contextIndexes.containsValue(contextName)) {
                contextIndexes.put(i, contextName);
            }
        }
        if (replyIndex < 0) {
            throw new InputException("no column '" + wanted + "' in the CSV header of "
                    + source.orElse("standard input") + " (columns: " + String.join(", ", fields)
                    + "); name the reply column with --column");
        }
        contextIndexes.remove(replyIndex);
        headerSize = fields.length;
    }

    /** One CSV record: physical lines joined while a quoted field is open. */
    private Optional<Logical> logical() throws IOException {
        Optional<LineReader.Line> first = reader.next();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        LineReader.Line line = first.get();
        Origin at = new Origin(source, "line", line.number(), 1, OptionalInt.empty());
        Optional<String> problem = problem(line);
        if (problem.isPresent()) {
            return Optional.of(new Logical(at, line.text(), problem, Optional.empty()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(line.text());
        Optional<String> warning = line.validUtf8() ? Optional.empty()
                : Optional.of("invalid UTF-8 replaced with U+FFFD");
        boolean open = quotesOpen(line.text(), false);
        while (open) {
            Optional<LineReader.Line> more = reader.next();
            if (more.isEmpty()) {
                return Optional.of(new Logical(at.spanning(lines.size()), String.join("\n", lines),
                        Optional.of("quoted field not closed before the end of the input"), warning));
            }
            Optional<String> moreProblem = problem(more.get());
            lines.add(more.get().text());
            if (moreProblem.isPresent() || lines.size() >= MAX_RECORD_LINES) {
                return Optional.of(new Logical(at.spanning(lines.size()), String.join("\n", lines),
                        Optional.of(moreProblem.orElse("quoted field spans more than " + MAX_RECORD_LINES
                                + " lines")), warning));
            }
            if (!more.get().validUtf8()) {
                warning = Optional.of("invalid UTF-8 replaced with U+FFFD");
            }
            open = quotesOpen(more.get().text(), true);
        }
        return Optional.of(new Logical(at.spanning(lines.size()), String.join("\n", lines), Optional.empty(),
                warning));
    }

    private static Optional<String> problem(LineReader.Line line) {
        if (line.overLong()) {
            return Optional.of("line is " + line.fullLength() + " bytes, longer than the limit of "
                    + line.bytes().length + "; not classified");
        }
        if (line.binary()) {
            return Optional.of("binary data (NUL byte); not classified");
        }
        return Optional.empty();
    }

    /** Whether a quoted field is still open at the end of this line; a doubled quote toggles twice. */
    private static boolean quotesOpen(String text, boolean openAtStart) {
        boolean open = openAtStart;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                open = !open;
            }
        }
        return open;
    }

    private record Logical(Origin at, String text, Optional<String> error, Optional<String> warning) {
    }
}
