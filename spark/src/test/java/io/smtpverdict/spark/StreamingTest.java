package io.smtpverdict.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class StreamingTest {
    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        spark = TestSpark.session();
        Verdicts.register(spark);
        Files.createDirectories(dir.resolve("in"));
        // Two files: the stream source picks up both and every line becomes a row.
        List<String> replies = TestSpark.replies();
        Files.write(dir.resolve("in/a.txt"), replies.subList(0, 5), StandardCharsets.UTF_8);
        Files.write(dir.resolve("in/b.txt"), replies.subList(5, replies.size()), StandardCharsets.UTF_8);
    }

    @Test
    void sqlFunction_onAFileStream_equalsTheLibrary() throws Exception {
        Dataset<Row> stream = spark.readStream().text(dir.resolve("in").toString())
                .selectExpr("value", "to_json(smtp_verdict(value)) AS v");

        assertEqualsTheLibrary(run(stream, "sql_stream"));
    }

    @Test
    void classify_onAFileStream_equalsTheLibrary() throws Exception {
        Dataset<Row> stream = Verdicts.classify(spark.readStream().text(dir.resolve("in").toString()), "value")
                .select(functions.col("value"), functions.to_json(functions.col("verdict")).as("v"));

        assertEqualsTheLibrary(run(stream, "api_stream"));
    }

    private static List<Row> run(Dataset<Row> stream, String name) throws Exception {
        StreamingQuery query = stream.writeStream().format("memory").queryName(name)
                .option("checkpointLocation", dir.resolve("checkpoint-" + name).toString())
                .trigger(Trigger.AvailableNow()).start();
        query.awaitTermination();
        return spark.table(name).collectAsList();
    }

    private static void assertEqualsTheLibrary(List<Row> rows) {
        assertThat(rows).hasSize(TestSpark.replies().size());
        assertThat(rows.stream().map(r -> r.getString(0))).containsExactlyInAnyOrderElementsOf(TestSpark.replies());
        for (Row r : rows) {
            assertThat(TestSpark.actual(r.getString(1))).as(r.getString(0))
                    .isEqualTo(TestSpark.expected(TestSpark.engine().classify(r.getString(0))));
        }
    }
}
