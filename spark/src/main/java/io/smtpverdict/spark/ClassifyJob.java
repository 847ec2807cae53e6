package io.smtpverdict.spark;

import java.io.PrintStream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The spark-submit job: reads replies (text, JSON Lines, Parquet or CSV) and adds the {@code verdict} struct to every
 * row, or reads MTA logs, webhook events and bounce emails with the input module's readers ({@link Verdicts#read},
 * {@link Verdicts#readEmails}), and writes JSON Lines or Parquet. Exit code 0 on success, 1 when Spark fails, 2 for bad usage.
 */
public final class ClassifyJob {
    private ClassifyJob() {
    }

    /** Runs the job; see {@link JobOptions#USAGE} or {@code --help}. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the job and returns its exit code instead of exiting (for tests and embedding). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (JobOptions.UsageException e) {
            err.println("ClassifyJob: " + e.getMessage());
            err.println(JobOptions.USAGE);
            return 2;
        }
        if (options.help) {
            out.println(JobOptions.USAGE);
            return 0;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("smtp-verdict classify");
        options.master.ifPresent(builder::master);
        SparkSession spark = builder.getOrCreate();
        try {
            long rows = classify(spark, options);
            out.println("ClassifyJob: wrote " + rows + " rows to " + options.output);
            return 0;
        } catch (IllegalArgumentException | io.smtpverdict.core.VerdictConfigurationException e) {
            err.println("ClassifyJob: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("ClassifyJob: failed: " + e);
            e.printStackTrace(err);
            return 1;
        } finally {
            if (options.master.isPresent()) {
                // The job started this session itself; under spark-submit the launcher owns it.
                spark.stop();
            }
        }
    }

    /** Reads, classifies and writes; returns how many rows were written. */
    static long classify(SparkSession spark, JobOptions options) {
        EngineSettings settings = options.settings();
        Engines.of(settings);   // a bad rule file or plugin id is a usage error, reported before any input is read
        // Counted while writing (no second pass, nothing cached): the observation is filled when the write ends.
        Observation written = new Observation("written");
        Dataset<Row> classified = classified(spark, options, settings)
                .observe(written, functions.count(functions.lit(1)).as("rows"));
        if (options.outputFormat.equals("parquet")) {
            classified.write().parquet(options.output);
        } else {
            classified.write().json(options.output);
        }
        try {
            return ((Number) written.getAsJava().get("rows")).longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the row count", e);
        }
    }

    /** The input as rows with a {@code verdict} column: Spark's own reader, or the input module's for its formats. */
    static Dataset<Row> classified(SparkSession spark, JobOptions options, EngineSettings settings) {
        if (options.inputFormat.equals("email")) {
            return Verdicts.readEmails(spark, options.input, settings);
        }
        if (options.readsRecords()) {
            return Verdicts.read(spark, options.input, options.inputFormat, settings);
        }
        DataFrameReader reader = spark.read();
        Dataset<Row> input = switch (options.inputFormat) {
            case "text" -> reader.text(options.input);
            case "json" -> reader.json(options.input);
            case "parquet" -> reader.parquet(options.input);
            case "csv" -> reader.option("header", "true").csv(options.input);
            default -> throw new IllegalStateException("format passed validation: " + options.inputFormat);
        };
        return Verdicts.classify(input, options.column, settings);
    }
}
