package io.smtpverdict.cli;

import io.smtpverdict.input.InputRecord;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.smtpverdict.core.json.VerdictJson;
import io.smtpverdict.spi.Candidate;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes one output record per input record in one of the output formats; write errors surface via flush. */
abstract class RecordWriter {
    /** The input-side fields a record may carry besides the verdict, in output order. */
    static final List<String> CONTEXT_FIELDS = List.of("recipient", "relay", "queueId", "logStatus", "time");

    /** No separator between root values: JSON Lines writes its own line breaks. */
    private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

    final PrintWriter out;

    RecordWriter(PrintWriter out) {
        this.out = out;
    }

    /** A writer for the format, writing to the output. */
    static RecordWriter of(OutputFormat format, Output output) {
        PrintWriter out = output.writer();
        switch (format) {
            case JSON:
                return new Json(output, true);
            case JSONL:
                return new Json(output, false);
            case CSV:
                return new Csv(out);
            case TABLE:
                return new Table(out);
            default:
                return new Text(out);
        }
    }

    /** Writes one record: the verdict when the input held a reply, else the error or why it was skipped. */
    abstract void write(InputRecord in, Optional<Verdict> verdict);

    /**
     * A renderer that writes records exactly as this writer would, for classifier threads to use on whole batches;
     * empty when records depend on each other (a header, separators) and must be written one by one.
     */
    Optional<RecordPipeline.Renderer> renderer() {
        return Optional.empty();
    }

    /** Writes records a {@link #renderer()} has rendered, after whatever this writer has written so far. */
    void writeRendered(ChunkedBytes rendered) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " renders no batches");
    }

    /** Writes what follows the last record (e.g. a closing bracket). */
    void finish() {
    }

    /** Pushes buffered records to the output. */
    void flush() {
        out.flush();
    }

    /** Writes the record as one JSON object: input-side fields, the verdict's fields, then any error. */
    static void writeJson(JsonGenerator g, InputRecord in, Optional<Verdict> verdict) throws IOException {
        g.writeStartObject();
        if (in.source().isPresent()) {
            g.writeStringField("file", in.source().get());
        }
        g.writeNumberField(in.position(), in.number());
        if (in.index().isPresent()) {
            g.writeNumberField("index", in.index().getAsInt());
        }
        if (in.lines() > 1) {
            g.writeNumberField("lines", in.lines());
        }
        g.writeStringField("input", in.input());
        for (Map.Entry<String, String> e : in.context().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        if (verdict.isPresent()) {
            VerdictJson.writeFields(g, verdict.get());
        }
        if (in.warning().isPresent()) {
            g.writeStringField("warning", in.warning().get());
        }
        if (in.skipped().isPresent()) {
            g.writeStringField("skipped", in.skipped().get());
        }
        if (in.error().isPresent()) {
            g.writeStringField("error", in.error().get());
        }
        g.writeEndObject();
    }

    /** JSON Lines (one object per line) or one JSON array. */
    static final class Json extends RecordWriter {
        private final Output output;
        private final JsonGenerator g;
        private final boolean array;

        Json(Output output, boolean array) {
            super(output.writer());
            this.output = output;
            this.array = array;
            try {
                this.g = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                if (array) {
                    g.setPrettyPrinter(new DefaultPrettyPrinter());
                    g.writeStartArray();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void write(InputRecord in, Optional<Verdict> verdict) {
            try {
                writeJson(g, in, verdict);
                if (!array) {
                    g.writeRaw('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        Optional<RecordPipeline.Renderer> renderer() {
            if (array) {
                return Optional.empty();
            }
            return Optional.of((records, size, to) -> {
                JsonGenerator lines = JSON.createGenerator(to, JsonEncoding.UTF8)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                for (int i = 0; i < size; i++) {
                    writeJson(lines, records[i].record(), records[i].verdict());
                    lines.writeRaw('\n');
                }
                lines.flush();
            });
        }

        @Override
        void writeRendered(ChunkedBytes rendered) {
            try {
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            output.writeUtf8(rendered);
        }

        @Override
        void finish() {
            try {
                if (array) {
                    g.writeEndArray();
                    g.writeRaw('\n');
                }
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void flush() {
            try {
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        }
    }

    /** Comma-separated values with a fixed header. */
    static final class Csv extends RecordWriter {
        /** The verdict's columns, in order. */
        private static final List<String> VERDICT_COLUMNS = List.of("outcome", "category", "reason", "advice", "party",
                "origin", "stage", "code", "enhancedCode", "retryAfterSeconds", "flags", "plugin", "rule", "level",
                "explanation", "candidates");
        /**
         * Where the record comes from ({@code message}: the email's position in its mailbox, 1 for a file of its own;
         * an email's recipients are told apart by {@code recipient}), the input fields, the verdict, what went wrong.
         */
        static final List<String> COLUMNS = columns();

        private static List<String> columns() {
            List<String> c = new ArrayList<>(List.of("file", "line", "arg", "message", "index", "lines", "input"));
            c.addAll(CONTEXT_FIELDS);
            c.addAll(VERDICT_COLUMNS);
            c.addAll(List.of("warning", "skipped", "error"));
            return List.copyOf(c);
        }

        private final SequenceWriter rows;

        Csv(PrintWriter out) {
            super(out);
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
            COLUMNS.forEach(schema::addColumn);
            try {
                CsvMapper mapper = new CsvMapper();
                mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                this.rows = mapper.writerFor(List.class).with(schema.build()).writeValues(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void write(InputRecord in, Optional<Verdict> verdict) {
            List<String> row = new ArrayList<>(COLUMNS.size());
            row.add(in.source().orElse(""));
            row.add(in.position().equals("line") ? Long.toString(in.number()) : "");
            row.add(in.position().equals("arg") ? Long.toString(in.number()) : "");
            row.add(in.position().equals("message") ? Long.toString(in.number()) : "");
            row.add(in.index().isPresent() ? Integer.toString(in.index().getAsInt()) : "");
            row.add(Integer.toString(in.lines()));
            row.add(in.input());
            for (String name : CONTEXT_FIELDS) {
                row.add(in.context().getOrDefault(name, ""));
            }
            if (verdict.isPresent()) {
                Verdict v = verdict.get();
                row.add(v.outcome().name());
                row.add(v.category().map(Enum::name).orElse(""));
                row.add(v.reason().orElse(""));
                row.add(v.advice().name());
                row.add(v.party().name());
                row.add(v.origin().name());
                row.add(v.stage().name());
                row.add(v.code().isPresent() ? Integer.toString(v.code().getAsInt()) : "");
                row.add(v.enhancedCode().map(Object::toString).orElse(""));
                row.add(v.retryAfterSeconds().isPresent() ? Integer.toString(v.retryAfterSeconds().getAsInt()) : "");
                row.add(v.flags().stream().map(Flag::name).collect(Collectors.joining(" ")));
                row.add(v.rule().map(r -> r.plugin()).orElse(""));
                row.add(v.rule().map(r -> r.id()).orElse(""));
                row.add(v.rule().map(r -> r.level().name()).orElse(""));
                row.add(v.explanation());
                row.add(v.candidates().stream().map(Candidate::id).collect(Collectors.joining(" ")));
            } else {
                for (int i = 0; i < VERDICT_COLUMNS.size(); i++) {
                    row.add("");
                }
            }
            row.add(in.warning().orElse(""));
            row.add(in.skipped().orElse(""));
            row.add(in.error().orElse(""));
            try {
                rows.write(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void flush() {
            try {
                rows.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        }

        @Override
        void finish() {
            flush();
        }
    }

    /** Fixed-width columns, cut to fit; one header row. */
    static final class Table extends RecordWriter {
        private static final int[] WIDTHS = {8, 9, 20, 18, 15, 42};
        private boolean header;

        Table(PrintWriter out) {
            super(out);
        }

        @Override
        void write(InputRecord in, Optional<Verdict> verdict) {
            if (!header) {
                row("WHERE", "OUTCOME", "CATEGORY", "ADVICE", "LEVEL", "RULE", "INPUT");
                header = true;
            }
            String where = (in.position().equals("arg") ? "arg " : "") + in.number()
                    + (in.index().isPresent() ? "." + in.index().getAsInt() : "");
            String input = oneLine(in.input());
            if (verdict.isEmpty()) {
                String why = in.error().map(e -> "error: " + e).orElse(in.skipped().map(s -> "skipped: " + s)
                        .orElse(""));
                row(where, "-", "-", "-", "-", "-", why + " | " + input);
                return;
            }
            Verdict v = verdict.get();
            row(where, v.outcome().name(), v.category().map(Enum::name).orElse("-"), v.advice().name(),
                    v.level().map(Enum::name).orElse("-"), v.rule().map(r -> r.id()).orElse("-"), input);
        }

        private void row(String... cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i < WIDTHS.length) {
                    sb.append(pad(fit(cells[i], WIDTHS[i]), WIDTHS[i])).append(' ');
                } else {
                    sb.append(fit(cells[i], 80));
                }
            }
            out.println(sb.toString().stripTrailing());
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s : s + " ".repeat(width - s.length());
        }
    }

    /** A short block per record, for a person at a terminal. */
    static final class Text extends RecordWriter {
        private boolean first = true;

        Text(PrintWriter out) {
            super(out);
        }

        @Override
        void write(InputRecord in, Optional<Verdict> verdict) {
            if (!first) {
                out.println();
            }
            first = false;
            StringBuilder head = new StringBuilder();
            if (in.position().equals("line")) {
                in.source().ifPresent(s -> head.append(s).append(':'));
                head.append("line ").append(in.number());
                if (in.lines() > 1) {
                    head.append('-').append(in.number() + in.lines() - 1);
                }
                in.index().ifPresent(i -> head.append(" [").append(i).append(']'));
                head.append(": ");
            }
            head.append(fit(oneLine(in.input()), 160));
            out.println(head);
            if (!in.context().isEmpty()) {
                out.println("  " + in.context().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            in.warning().ifPresent(w -> out.println("  warning: " + w));
            in.skipped().ifPresent(s -> out.println("  skipped: " + s));
            in.error().ifPresent(e -> out.println("  error: " + e));
            verdict.ifPresent(v -> describe(v, "  "));
        }

        private void describe(Verdict v, String indent) {
            StringBuilder line = new StringBuilder(indent).append(v.outcome());
            v.category().ifPresent(c -> line.append("  ").append(c));
            v.reason().ifPresent(r -> line.append(" (").append(r).append(')'));
            line.append("  advice ").append(v.advice()).append(", party ").append(v.party());
            out.println(line);
            out.println(indent + v.explanation());
            StringBuilder facts = new StringBuilder(indent);
            facts.append(v.rule().map(r -> "rule " + r.id() + " (" + r.level() + ")").orElse("no rule matched"));
            facts.append("; stage ").append(v.stage()).append(", origin ").append(v.origin());
            if (v.code().isPresent() || v.enhancedCode().isPresent()) {
                facts.append(", code");
                v.code().ifPresent(c -> facts.append(' ').append(c));
                v.enhancedCode().ifPresent(c -> facts.append(' ').append(c));
            }
            v.retryAfterSeconds().ifPresent(s -> facts.append(", retry after ").append(s).append(" s"));
            if (!v.flags().isEmpty()) {
                facts.append(", flags ").append(v.flags());
            }
            out.println(facts);
            String bound = v.bindings().entrySet().stream().filter(e -> !e.getKey().equals("MESSAGE"))
                    .map(e -> e.getKey() + "=" + oneLine(e.getValue())).collect(Collectors.joining(", "));
            if (!bound.isEmpty()) {
                out.println(indent + "bound " + bound);
            }
            for (Candidate c : v.candidates()) {
                out.println(indent + "also matched " + c.id() + " (" + c.level() + ")"
                        + c.category().map(cat -> " " + cat).orElse(""));
            }
            v.inner().ifPresent(inner -> {
                out.println(indent + "embedded reply: " + fit(oneLine(v.bindings().getOrDefault("MESSAGE", "")), 140));
                describe(inner, indent + "  ");
            });
        }
    }

    /** Line breaks shown as {@code ⏎} so a record stays on one line. */
    static String oneLine(String s) {
        return s.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎');
    }

    /** Cut to at most {@code width} characters, marking a cut with an ellipsis. */
    static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }
}
