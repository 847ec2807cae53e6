package io.smtpverdict.input;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.input.InputRecord.Origin;
import io.smtpverdict.input.LineFormats.Extracted;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns lines into records: one record per line, except that the lines of a multi-line reply
 * ({@code 550-first} ... {@code 550 last}) and the folded lines of a {@code Diagnostic-Code:} field become one
 * record that says how many lines it spans. Every line ends up in exactly one record.
 */
final class LineRecordSource implements RecordSource {
    /** Most lines joined into one multi-line reply; a longer run is cut into several records. */
    static final int MAX_GROUP_LINES = 100;
    /** Most characters joined into one multi-line reply or folded field. */
    static final int MAX_GROUP_CHARS = 64 * 1024;

    private final LineReader reader;
    private final Optional<String> source;
    private final InputFormat format;
    private final ReadOptions options;
    private final ArrayDeque<InputRecord> ready = new ArrayDeque<>();

    private Group group;
    private Group dsn;
    private final Map<String, String> dsnContext = new LinkedHashMap<>();

    LineRecordSource(LineReader reader, Optional<String> source, ReadOptions options) {
        this.reader = requireNonNull(reader, "reader is null");
        this.source = requireNonNull(source, "source is null");
        this.options = requireNonNull(options, "options is null");
        this.format = options.format();
        if (format == InputFormat.CSV) {
            throw new IllegalArgumentException("CSV is read by CsvRecordSource");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    @Override
    public Optional<InputRecord> next() throws IOException {
        while (ready.isEmpty()) {
            Optional<LineReader.Line> line = reader.next();
            if (line.isEmpty()) {
                flushGroup();
                flushDsn();
                break;
            }
            handle(line.get());
        }
        return Optional.ofNullable(ready.poll());
    }

    private void handle(LineReader.Line line) {
        Origin at = new Origin(source, "line", line.number(), 1, OptionalInt.empty());
        if (line.overLong()) {
            flushGroup();
            flushDsn();
            ready.add(InputRecord.error(at, line.text(), "line is " + line.fullLength()
                    + " bytes, longer than the limit of " + line.bytes().length + "; not classified"));
            return;
        }
        if (line.binary()) {
            flushGroup();
            flushDsn();
            ready.add(InputRecord.error(at, line.text().replace('\0', '\uFFFD'),
                    "binary data (NUL byte); not classified"));
            return;
        }
        String text = line.text();
        Optional<String> warning = line.validUtf8() ? Optional.empty()
                : Optional.of("invalid UTF-8 replaced with U+FFFD");
        if (group != null) {
            if (text.startsWith(group.code + "-")) {
                group.add(text, warning);
                if (LineFormats.holdsFinalLine(text)) {
                    group.complete = true;
                    flushGroup();
                } else if (group.full()) {
                    flushGroup();
                }
                return;
            }
            if (text.equals(group.code) || text.startsWith(group.code + " ")) {
                group.add(text, warning);
                group.complete = true;
                flushGroup();
                return;
            }
            flushGroup();
        }
        if (dsn != null) {
            if (!text.isBlank() && (text.charAt(0) == ' ' || text.charAt(0) == '\t') && !dsn.full()) {
                dsn.add(text, warning);
                return;
            }
            flushDsn();
        }
        if (text.isBlank()) {
            dsnContext.clear();
            ready.add(InputRecord.error(at, text, "empty line"));
            return;
        }
        InputFormat f = format == InputFormat.AUTO ? LineFormats.detect(text) : format;
        switch (f) {
            case DSN:
                dsnLine(at, text, warning);
                break;
            case POSTFIX:
            case EXIM:
            case SENDMAIL:
            case QMAIL:
            case OPENSMTPD:
                logLine(at, text, warning, LineFormats.logLine(f, text));
                break;
            case JSONL:
                jsonLine(at, text, warning);
                break;
            default:
                rawLine(at, text, warning);
                break;
        }
    }

    private void rawLine(Origin at, String text, Optional<String> warning) {
        if (LineFormats.mayBeContinuation(text) && !LineFormats.holdsFinalLine(text)) {
            group = new Group(at, text.substring(0, 3));
            group.add(text, warning);
            return;
        }
        ready.add(InputRecord.reply(at, text, text, Map.of(), warning));
    }

    private void dsnLine(Origin at, String text, Optional<String> warning) {
        if (LineFormats.isDiagnosticCode(text)) {
            dsn = new Group(at, "");
            dsn.add(text, warning);
            return;
        }
        Optional<Map.Entry<String, String>> fieldValue = LineFormats.dsnField(text);
        if (fieldValue.isEmpty()) {
            ready.add(InputRecord.skipped(at, text, Map.of(), "not a DSN field"));
            return;
        }
        String name = fieldValue.get().getKey();
        String value = fieldValue.get().getValue();
        if (name.equals("reporting-mta")) {
            dsnContext.clear();
        } else if (name.equals("final-recipient") || name.equals("original-recipient") && !dsnContext.containsKey(
                "recipient")) {
            if (name.equals("final-recipient")) {
                // a new recipient block: the previous one's action and status are not this one's
                dsnContext.remove("dsnAction");
                dsnContext.remove("dsn");
            }
            dsnContext.put("recipient", LineFormats.withoutType(value));
        } else if (name.equals("remote-mta")) {
            dsnContext.put("relay", LineFormats.withoutType(value));
        } else if (name.equals("action")) {
            dsnContext.put("dsnAction", value);
        } else if (name.equals("status")) {
            dsnContext.put("dsn", value);
        }
        ready.add(InputRecord.skipped(at, text, Map.of(), "DSN field " + name + " (only Diagnostic-Code is classified)"));
    }

    private void logLine(Origin at, String text, Optional<String> warning, Optional<Extracted> extracted) {
        if (extracted.isEmpty()) {
            ready.add(InputRecord.skipped(at, text, Map.of(), "log line without a delivery status"));
            return;
        }
        add(at, text, extracted.get(), warning);
    }

    private void jsonLine(Origin at, String text, Optional<String> warning) {
        List<Extracted> all = LineFormats.json(text, options.fields());
        if (all.size() == 1) {
            add(at, text, all.get(0), warning);
            return;
        }
        for (int i = 0; i < all.size(); i++) {
            add(at.at(i), text, all.get(i), warning);
        }
    }

    private void add(Origin at, String text, Extracted extracted, Optional<String> warning) {
        ready.add(extracted.record(at, text, warning));
    }

    private void flushGroup() {
        if (group == null) {
            return;
        }
        Group g = group;
        group = null;
        String text = String.join("\n", g.lines);
        Optional<String> warning = g.warning;
        if (!g.complete) {
            warning = Optional.of(warning.map(w -> w + "; ").orElse("")
                    + "multi-line reply without its final '" + g.code + " ' line");
        }
        ready.add(InputRecord.reply(g.at.spanning(g.lines.size()), text, text, Map.of(), warning));
    }

    private void flushDsn() {
        if (dsn == null) {
            return;
        }
        Group g = dsn;
        dsn = null;
        String text = String.join("\n", g.lines);
        String reply = LineFormats.diagnosticReply(String.join(" ", g.lines.stream().map(String::strip).toList()));
        Origin at = g.at.spanning(g.lines.size());
        if (reply.isBlank()) {
            ready.add(InputRecord.error(at, text, "empty Diagnostic-Code"));
        } else {
            // RFC 3464: Action is the reporting MTA's decision for this recipient, Status its code
            Optional<io.smtpverdict.core.MtaDecision> decision = Optional.ofNullable(dsnContext.get("dsnAction"))
                    .flatMap(Events::dsnAction);
            ready.add(InputRecord.reply(at, text, reply, dsnContext, MtaLogs.context(decision,
                    Optional.ofNullable(dsnContext.get("dsn")), "The DSN's Action field"), g.warning));
        }
    }

    /** Lines being joined into one record. */
    private static final class Group {
        final Origin at;
        final String code;
        final List<String> lines = new ArrayList<>();
        int chars;
        boolean complete;
        Optional<String> warning = Optional.empty();

        Group(Origin at, String code) {
            this.at = at;
            this.code = code;
        }

        void add(String line, Optional<String> lineWarning) {
            lines.add(line);
            chars += line.length() + 1;
            if (lineWarning.isPresent()) {
                warning = lineWarning;
            }
        }

        boolean full() {
            return lines.size() >= MAX_GROUP_LINES || chars >= MAX_GROUP_CHARS;
        }
    }
}
