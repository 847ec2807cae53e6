package io.smtpverdict.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.VerdictConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class DataFrameApiTest {
    private static SparkSession spark;
    private static Dataset<Row> events;

    @BeforeAll
    static void data() {
        spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        List<String> replies = TestSpark.replies();
        for (int i = 0; i < replies.size(); i++) {
            rows.add(RowFactory.create((long) i, "r" + i + "@b.example", replies.get(i)));
        }
        rows.add(RowFactory.create((long) replies.size(), "null@b.example", null));
        StructType schema = new StructType().add("id", DataTypes.LongType).add("rcpt", DataTypes.StringType)
                .add("raw_reason", DataTypes.StringType);
        // Two partitions (local[2]), so that more than one partition is classified; no shuffle needed.
        events = spark.createDataFrame(rows, schema);
    }

    @Test
    void classify_everyRow_keepsItsColumnsAndGetsTheLibrarysVerdict() {
        Dataset<Row> out = Verdicts.classify(events, "raw_reason");

        assertThat(out.columns()).containsExactly("id", "rcpt", "raw_reason", "verdict");
        List<Row> rows = out.select(functions.col("id"), functions.col("rcpt"), functions.col("raw_reason"),
                functions.to_json(functions.col("verdict"))).collectAsList();
        assertThat(rows).hasSize(TestSpark.replies().size() + 1);
        for (Row r : rows) {
            assertThat(r.getString(1)).isEqualTo(r.isNullAt(2) ? "null@b.example" : "r" + r.getLong(0) + "@b.example");
            if (r.isNullAt(2)) {
                assertThat(r.isNullAt(3)).as("a null reply has a null verdict").isTrue();
            } else {
                assertThat(TestSpark.actual(r.getString(3))).as(r.getString(2))
                        .isEqualTo(TestSpark.expected(TestSpark.engine().classify(r.getString(2))));
            }
        }
    }

    @Test
    void classify_structColumn_isTheVerdictSchema() {
        assertThat(Verdicts.classify(events, "raw_reason").schema().apply("verdict").dataType())
                .isEqualTo(VerdictSchema.TYPE);
    }

    @Test
    void classify_missingColumn_failsNamingTheColumns() {
        assertThatThrownBy(() -> Verdicts.classify(events, "reply"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'reply'")
                .hasMessageContaining(Arrays.asList(events.columns()).toString());
    }

    @Test
    void classify_nonStringColumn_failsSayingHowToCast() {
        assertThatThrownBy(() -> Verdicts.classify(events, "id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'id' is bigint, not a string");
    }

    @Test
    void classify_unknownVendor_failsOnTheDriver() {
        assertThatThrownBy(() -> Verdicts.classify(events, "raw_reason", new EngineSettings(List.of(), "no-such-mta",
                List.of())))
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("'no-such-mta'");
    }
}
