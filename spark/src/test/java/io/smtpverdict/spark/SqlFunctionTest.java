package io.smtpverdict.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Stage;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class SqlFunctionTest {
    private static SparkSession spark;

    @BeforeAll
    static void register() {
        spark = TestSpark.session();
        Verdicts.register(spark);
        spark.createDataset(TestSpark.replies(), Encoders.STRING()).toDF("reply").createOrReplaceTempView("replies");
    }

    @Test
    void smtpVerdict_oneArgument_equalsTheLibrary() {
        List<Row> rows = spark.sql("SELECT reply, to_json(smtp_verdict(reply)) FROM replies").collectAsList();

        assertThat(rows).hasSize(TestSpark.replies().size());
        for (Row r : rows) {
            assertThat(TestSpark.actual(r.getString(1))).as(r.getString(0))
                    .isEqualTo(TestSpark.expected(TestSpark.engine().classify(r.getString(0))));
        }
    }

    @Test
    void smtpVerdict_fields_areTypedColumns() {
        Row r = spark.sql("SELECT v.outcome, v.category, v.code, v.enhancedCode, v.rule.id, v.rule.level, "
                + "v.retryAfterSeconds FROM (SELECT smtp_verdict('452 4.2.2 Mailbox full, try again in 30 minutes') AS v)")
                .first();
        var expected = TestSpark.engine().classify("452 4.2.2 Mailbox full, try again in 30 minutes");

        assertThat(r.getString(0)).isEqualTo(expected.outcome().name());
        assertThat(r.getString(1)).isEqualTo(expected.category().orElseThrow().name());
        assertThat(r.getInt(2)).isEqualTo(452);
        assertThat(r.getString(3)).isEqualTo("4.2.2");
        assertThat(r.getString(4)).isEqualTo(expected.rule().orElseThrow().id());
        assertThat(r.getString(5)).isEqualTo(expected.rule().orElseThrow().level().name());
        assertThat(r.isNullAt(6)).isEqualTo(expected.retryAfterSeconds().isEmpty());
    }

    @Test
    void smtpVerdict_vendorInContext_equalsAnEnginePreferringThatVendor() {
        VerdictEngine preferring = VerdictEngine.builder().discoverPlugins().preferPlugin("momentum").build();
        List<Row> rows = spark.sql("SELECT reply, to_json(smtp_verdict(reply, map('vendor', 'momentum'))) FROM replies")
                .collectAsList();

        assertThat(rows).hasSize(TestSpark.replies().size());
        for (Row r : rows) {
            assertThat(TestSpark.actual(r.getString(1))).as(r.getString(0))
                    .isEqualTo(TestSpark.expected(preferring.classify(r.getString(0))));
        }
    }

    @Test
    void smtpVerdict_stageInContext_isTheStageHint() {
        String reply = "550 5.1.1 <bob@b.example>: Recipient address rejected: User unknown";
        Row r = spark.sql("SELECT to_json(smtp_verdict('" + reply + "', map('stage', 'rcpt')))").first();

        assertThat(TestSpark.actual(r.getString(0))).isEqualTo(TestSpark.expected(
                TestSpark.engine().classify(reply, ClassifyOptions.DEFAULT.withStage(Stage.RCPT))));
        assertThat(TestSpark.actual(r.getString(0)).get("stage").asText()).isEqualTo("RCPT");
    }

    @Test
    void smtpVerdict_unknownContextValues_areIgnoredNotFatal() {
        String reply = "421 4.7.0 Try again later, closing connection.";
        Row r = spark.sql("SELECT to_json(smtp_verdict('" + reply + "', map('vendor', 'no-such-mta', 'stage', 'lunch', "
                + "'colour', 'blue')))").first();

        assertThat(TestSpark.actual(r.getString(0))).isEqualTo(TestSpark.expected(TestSpark.engine().classify(reply)));
    }

    @Test
    void smtpVerdict_nullReply_isNull() {
        Row r = spark.sql("SELECT smtp_verdict(CAST(NULL AS STRING)), smtp_verdict(CAST(NULL AS STRING), map())").first();

        assertThat(r.isNullAt(0)).isTrue();
        assertThat(r.isNullAt(1)).isTrue();
    }

    @Test
    void smtpVerdict_fromTheDataFrameApi_equalsTheLibrary() {
        Dataset<Row> df = spark.table("replies")
                .select(functions.col("reply"), functions.to_json(functions.call_function("smtp_verdict",
                        functions.col("reply"))).as("v"));

        for (Row r : df.collectAsList()) {
            assertThat(TestSpark.actual(r.getString(1))).isEqualTo(
                    TestSpark.expected(TestSpark.engine().classify(r.getString(0))));
        }
    }

    @Test
    void describeFunction_smtpVerdict_showsBothForms() {
        String text = spark.sql("DESCRIBE FUNCTION smtp_verdict").collectAsList().toString();

        assertThat(text).contains("smtp_verdict(reply[, context])").contains("'vendor' and 'stage'");
    }

    @Test
    void smtpVerdict_threeArguments_failsNamingBothForms() {
        assertThatThrownBy(() -> spark.sql("SELECT smtp_verdict('550', map(), 'x')").collect())
                .hasStackTraceContaining("smtp_verdict takes 1 or 2 arguments");
    }
}
