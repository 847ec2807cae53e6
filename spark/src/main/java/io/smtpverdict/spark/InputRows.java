package io.smtpverdict.spark;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.input.InputFormat;
import io.smtpverdict.input.InputRecord;
import io.smtpverdict.input.ReadOptions;
import io.smtpverdict.input.Readers;
import io.smtpverdict.input.RecordSource;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns the lines of one partition into records with the input module's readers and classifies each with the
 * MTA's own decision, as {@code verdict classify --input-format ...} does: the partition's lines are handed to
 * {@link Readers#open} as one stream, so multi-line replies and folded DSN fields are joined as long as they do not
 * straddle a partition boundary.
 */
final class InputRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(InputRows.class);

    /** The line formats {@link Verdicts#read} takes, by their job and API name. */
    static final Map<String, InputFormat> FORMATS = Map.of(
            "auto", InputFormat.AUTO,
            "postfix", InputFormat.POSTFIX,
            "exim", InputFormat.EXIM,
            "sendmail", InputFormat.SENDMAIL,
            "qmail", InputFormat.QMAIL,
            "opensmtpd", InputFormat.OPENSMTPD,
            "dsn", InputFormat.DSN,
            "events", InputFormat.JSONL);

    /** The context keys that get their own column; the whole context is in {@code context}. */
    static final List<String> CONTEXT_COLUMNS = List.of("recipient", "relay", "queueId", "time");

    /** The rows {@link Verdicts#read} returns. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        field("input", false),
        field("reply", true),
        field("recipient", true),
        field("relay", true),
        field("queueId", true),
        field("time", true),
        new StructField("context", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true,
                Metadata.empty()),
        field("skipped", true),
        field("error", true),
        field("warning", true),
        new StructField(Verdicts.COLUMN, VerdictSchema.TYPE, true, Metadata.empty()),
    });

    private final EngineSettings settings;
    private final InputFormat format;

    InputRows(EngineSettings settings, InputFormat format) {
        this.settings = settings;
        this.format = format;
    }

    /** The input format for a name of {@link #FORMATS}, case-insensitive. */
    static InputFormat format(String name) {
        InputFormat f = FORMATS.get(name.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("unknown input format '" + name + "'; supported: "
                    + FORMATS.keySet().stream().sorted().toList());
        }
        return f;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> lines) throws IOException {
        Engines engines = Engines.of(settings);
        RecordSource records = Readers.open(new LineStream(lines), Optional.empty(),
                ReadOptions.DEFAULT.withFormat(format));
        return new Iterator<>() {
            private Optional<InputRecord> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = records.next();
                        if (next.isEmpty()) {
                            records.close();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return next.isPresent();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                InputRecord record = next.get();
                next = null;
                return row(engines, record);
            }
        };
    }

    /** One record as a row, classified exactly as the CLI's {@code classify} command classifies it. */
    static Row row(Engines engines, InputRecord record) {
        InputRecord out = record;
        Verdict verdict = null;
        if (record.reply().isPresent() || record.verdict().isPresent()) {
            try {
                verdict = record.classify(engines.engine(), ClassifyOptions.DEFAULT).orElse(null);
            } catch (RuntimeException e) {
                // The engine promises never to throw; if it does, this row says so and the rest go on.
                LOG.error("classifying a record failed", e);
                out = record.withError("classification failed: " + e);
            }
        }
        Map<String, String> context = out.context();
        return RowFactory.create(
                out.input(),
                out.reply().orElse(null),
                context.get("recipient"),
                context.get("relay"),
                context.get("queueId"),
                context.get("time"),
                context.isEmpty() ? null : CollectionConverters.asScala(context),
                out.skipped().orElse(null),
                out.error().orElse(null),
                out.warning().orElse(null),
                verdict == null ? null : VerdictSchema.toRow(verdict));
    }

    private static StructField field(String name, boolean nullable) {
        return new StructField(name, DataTypes.StringType, nullable, Metadata.empty());
    }

    /**
     * The lines of Spark's text source as one UTF-8 stream, each ended by a newline; read forward only. It starts
     * with a byte order mark, which the line reader drops: Spark has already unpacked compressed files, and without
     * it a partition whose first line happens to start with {@code BZh} would be taken for bzip2 data.
     */
    static final class LineStream extends InputStream {
        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        private final Iterator<Row> lines;
        private byte[] current = BOM;
        private int pos;
        private boolean first = true;

        LineStream(Iterator<Row> lines) {
            this.lines = lines;
        }

        private boolean fill() {
            while (pos == current.length) {
                if (!lines.hasNext()) {
                    return false;
                }
                Row row = lines.next();
                String line = row.isNullAt(0) ? "" : row.getString(0);
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);   // the file's own mark, dropped as the CLI drops it
                }
                first = false;
                current = (line + "\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
