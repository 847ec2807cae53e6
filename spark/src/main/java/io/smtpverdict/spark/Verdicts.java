package io.smtpverdict.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.classic.UserDefinedFunctionUtils$;
import org.apache.spark.sql.expressions.SparkUserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import java.util.function.Supplier;
import scala.Function1;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The entry points for Spark users: {@link #register} makes {@code smtp_verdict(reply[, context])} available to
 * SQL, Python and DataFrames of a session; {@link #classify} adds a {@code verdict} struct column to a Dataset,
 * batch or streaming, classifying partition by partition with the engine of each executor JVM.
 */
public final class Verdicts {
    /** The SQL function's name. */
    public static final String FUNCTION = "smtp_verdict";
    /** The column {@link #classify} adds. */
    public static final String COLUMN = "verdict";
    /** The type of the optional second argument: context such as {@code map('vendor', 'momentum')}. */
    public static final DataType CONTEXT_TYPE = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);

    private Verdicts() {
    }

    /** Registers {@code smtp_verdict} with every plugin on the class path; see {@link #register(SparkSession, EngineSettings)}. */
    public static void register(SparkSession spark) {
        register(spark, EngineSettings.DEFAULT);
    }

    /**
     * Registers {@code smtp_verdict(reply)} and {@code smtp_verdict(reply, map<string,string>)} for this session.
     * The engine is built here once on the driver, so a bad rule table or plugin id fails now with its message
     * rather than later in every task. Calling it again replaces the function (e.g. with other settings).
     *
     * @throws io.smtpverdict.core.VerdictConfigurationException for a broken rule table or an unknown plugin or
     *     vendor id
     * @throws IllegalArgumentException for a rule table that cannot be found
     */
    public static void register(SparkSession spark, EngineSettings settings) {
        requireNonNull(spark, "spark is null");
        requireNonNull(settings, "settings is null");
        Engines.of(settings);
        spark.sessionState().functionRegistry().registerFunction(FunctionIdentifier.apply(FUNCTION), info(),
                builder(() -> settings));
    }

    /** What {@code DESCRIBE FUNCTION smtp_verdict} shows. */
    static ExpressionInfo info() {
        return new ExpressionInfo(ReplyFunction.class.getName(), null, FUNCTION,
                "_FUNC_(reply[, context]) - the verdict on an SMTP reply or MTA delivery message as a struct "
                        + "(outcome, category, advice, party, origin, stage, rule, explanation, ...); context is an "
                        + "optional map<string,string> with the keys 'vendor' and 'stage'.",
                "", "", "", "", "", "", "java_udf");
    }

    /**
     * The function's builder for Spark's registry. A Java UDF has one arity and the registry one builder per name,
     * so this builder takes one argument (no context: a null map) or two, and names both forms otherwise.
     */
    static Function1<scala.collection.immutable.Seq<Expression>, Expression> builder(Supplier<EngineSettings> settings) {
        Literal noContext = Literal.create(null, CONTEXT_TYPE);
        return children -> {
            List<Expression> args = new ArrayList<>(CollectionConverters.asJava(children));
            if (args.size() == 1) {
                args.add(noContext);
            } else if (args.size() != 2) {
                throw new IllegalArgumentException(FUNCTION + " takes 1 or 2 arguments, smtp_verdict(reply) or "
                        + "smtp_verdict(reply, map('vendor', 'ID')), not " + args.size());
            }
            EngineSettings s = settings.get();
            Engines.of(s);   // fail on the driver, with the configuration error, before any task starts
            SparkUserDefinedFunction udf = (SparkUserDefinedFunction) functions.udf(new ReplyFunction(s),
                    VerdictSchema.TYPE).withName(FUNCTION);
            return UserDefinedFunctionUtils$.MODULE$.toScalaUDF(udf, CollectionConverters.asScala(args).toList());
        };
    }

    /** Adds a {@code verdict} column for the replies in {@code column}, with every plugin on the class path. */
    public static Dataset<Row> classify(Dataset<Row> data, String column) {
        return classify(data, column, EngineSettings.DEFAULT);
    }

    /**
     * Adds a {@code verdict} struct column ({@link VerdictSchema#TYPE}) for the replies in {@code column}, keeping
     * every row and column: a null reply gets a null verdict. Works on streaming Datasets too. Each partition is
     * classified in one pass with the engine of its executor JVM (built once, on first use).
     *
     * @throws IllegalArgumentException if the column is missing, not a string, or {@code verdict} already exists
     */
    public static Dataset<Row> classify(Dataset<Row> data, String column, EngineSettings settings) {
        requireNonNull(data, "data is null");
        requireNonNull(column, "column is null");
        requireNonNull(settings, "settings is null");
        StructType schema = data.schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        int index = names.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + column + "' to classify; the columns are " + names);
        }
        StructField field = schema.fields()[index];
        if (!(field.dataType() instanceof StringType)) {
            throw new IllegalArgumentException("column '" + column + "' is " + field.dataType().simpleString()
                    + ", not a string; cast it first, e.g. col('" + column + "').cast('string')");
        }
        if (names.contains(COLUMN)) {
            throw new IllegalArgumentException("the data already has a column '" + COLUMN + "'; rename or drop it first");
        }
        Engines.of(settings);
        StructType out = schema.add(COLUMN, VerdictSchema.TYPE, true);
        return data.mapPartitions(new ClassifyPartition(settings, index), Encoders.row(out));
    }

    /** Reads MTA log lines or webhook events with every plugin on the class path; see {@link #read(SparkSession, String, String, EngineSettings)}. */
    public static Dataset<Row> read(SparkSession spark, String path, String format) {
        return read(spark, path, format, EngineSettings.DEFAULT);
    }

    /**
     * Reads the lines at {@code path} (anything {@code spark.read().text} reads: files, directories, globs, gzip)
     * with the input module's reader for {@code format} and classifies every record with what the MTA or ESP itself
     * reported (its decision and logged status), as {@code verdict classify --input-format FORMAT} does. One row
     * per record: columns {@code input}, {@code reply}, {@code recipient}, {@code relay}, {@code queueId},
     * {@code time}, {@code context} (everything the reader found), {@code skipped}, {@code error}, {@code warning}
     * and the {@code verdict} struct (null when there is no reply). Records are read per partition: a multi-line
     * reply or folded DSN field split by a partition boundary becomes two records.
     *
     * @param format {@code postfix}, {@code exim}, {@code sendmail}, {@code dsn}, {@code events} (webhook JSON
     *     Lines, recognised by shape) or {@code auto} (decided per line)
     * @throws IllegalArgumentException for an unknown format
     * @throws io.smtpverdict.core.VerdictConfigurationException for a broken rule table or an unknown plugin or
     *     vendor id
     */
    public static Dataset<Row> read(SparkSession spark, String path, String format, EngineSettings settings) {
        requireNonNull(spark, "spark is null");
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        requireNonNull(settings, "settings is null");
        io.smtpverdict.input.InputFormat inputFormat = InputRows.format(format);
        Engines.of(settings);
        return spark.read().text(path).mapPartitions(new InputRows(settings, inputFormat), Encoders.row(InputRows.SCHEMA));
    }

    /** Reads bounce emails with every plugin on the class path; see {@link #readEmails(SparkSession, String, EngineSettings)}. */
    public static Dataset<Row> readEmails(SparkSession spark, String path) {
        return readEmails(spark, path, EngineSettings.DEFAULT);
    }

    /**
     * Reads whole emails (one email per file; {@code .eml}, gzip-compressed too) from {@code path}, a file,
     * directory (searched recursively, so a Maildir's {@code cur} and {@code new} are read) or glob, with the input
     * module's bounce reader, as {@code verdict classify} reads them: one row per recipient each email reports on,
     * or one row for an email that is no bounce or cannot be read. Columns {@code file}, {@code recipient},
     * {@code kind} ({@code bounce}, {@code feedback-report}, {@code auto-reply}, {@code not-a-bounce},
     * {@code unreadable}), {@code foundBy}, {@code reply}, {@code fields} (the DSN fields and returned headers),
     * {@code error}, {@code warnings} and the {@code verdict} struct. Mailboxes in mbox format are not split here.
     *
     * @throws io.smtpverdict.core.VerdictConfigurationException for a broken rule table or an unknown plugin or
     *     vendor id
     */
    public static Dataset<Row> readEmails(SparkSession spark, String path, EngineSettings settings) {
        requireNonNull(spark, "spark is null");
        requireNonNull(path, "path is null");
        requireNonNull(settings, "settings is null");
        Engines.of(settings);
        return spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(path)
                .mapPartitions(new EmailRows(settings), Encoders.row(EmailRows.SCHEMA));
    }

    /** Classifies one partition's rows with the engine of this JVM; the function carries only its settings. */
    private static final class ClassifyPartition implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        private final EngineSettings settings;
        private final int index;

        ClassifyPartition(EngineSettings settings, int index) {
            this.settings = settings;
            this.index = index;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            Engines engines = Engines.of(settings);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row row = rows.next();
                    int n = row.length();
                    List<Object> values = new ArrayList<>(n + 1);
                    for (int i = 0; i < n; i++) {
                        values.add(row.get(i));
                    }
                    String reply = row.isNullAt(index) ? null : row.getString(index);
                    values.add(reply == null ? null : VerdictSchema.toRow(engines.engine().classify(reply)));
                    return RowFactory.create(values.toArray());
                }
            };
        }
    }
}
