package io.smtpverdict.spark;

import io.smtpverdict.input.Decompression;
import io.smtpverdict.input.email.BounceReader;
import io.smtpverdict.input.email.EmailRecord;
import io.smtpverdict.input.email.MailboxReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads the whole emails of Spark's {@code binaryFile} source (one file, one email) with the input module's
 * {@link BounceReader} (gzip unpacked): one row per recipient the email reports on, with the verdict the reader decided (the DSN's
 * Action counts), as {@code verdict classify} gives for the same file. One file's bytes are in memory at a time.
 */
final class EmailRows implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** The rows {@link Verdicts#readEmails} returns. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        field("file", DataTypes.StringType, false),
        field("recipient", DataTypes.StringType, true),
        field("kind", DataTypes.StringType, false),
        field("foundBy", DataTypes.StringType, false),
        field("reply", DataTypes.StringType, true),
        field("fields", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true),
        field("error", DataTypes.StringType, true),
        field("warnings", DataTypes.createArrayType(DataTypes.StringType, false), true),
        field(Verdicts.COLUMN, VerdictSchema.TYPE, true),
    });

    private final EngineSettings settings;

    EmailRows(EngineSettings settings) {
        this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        BounceReader reader = BounceReader.of(Engines.of(settings).engine());
        ArrayDeque<Row> ready = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && files.hasNext()) {
                    Row file = files.next();
                    String path = file.getAs("path");
                    byte[] content = file.getAs("content");
                    byte[] bytes = content == null ? new byte[0] : content;
                    // unpacked as every other reader unpacks; a broken archive reads as an unreadable email
                    InputStream in = unpack(new ByteArrayInputStream(bytes));
                    MailboxReader.Message message = new MailboxReader.Message(path, OptionalInt.empty(), in,
                            Optional.empty());
                    for (EmailRecord r : MailboxReader.read(reader, message)) {
                        ready.add(row(r));
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    private static InputStream unpack(InputStream in) {
        try {
            return Decompression.open(in);
        } catch (IOException e) {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    throw e;
                }
            };
        }
    }

    static Row row(EmailRecord r) {
        return RowFactory.create(
                r.file(),
                r.recipient().orElse(null),
                r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                r.foundBy(),
                r.reply().orElse(null),
                r.fields().isEmpty() ? null : CollectionConverters.asScala(r.fields()),
                r.error().orElse(null),
                r.warnings().isEmpty() ? null : CollectionConverters.asScala(r.warnings()).toSeq(),
                r.verdict().map(VerdictSchema::toRow).orElse(null));
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }
}
