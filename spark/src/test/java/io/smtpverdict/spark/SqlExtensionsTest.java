package io.smtpverdict.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.VerdictEngine;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

final class SqlExtensionsTest {
    @Test
    void extension_newSessionWithoutRegister_hasTheFunction() {
        // A new session starts from the built-in functions plus the extensions: nothing registered by hand.
        SparkSession fresh = TestSpark.session().newSession();
        fresh.createDataset(TestSpark.replies(), Encoders.STRING()).toDF("reply").createOrReplaceTempView("replies");

        List<Row> rows = fresh.sql("SELECT reply, to_json(smtp_verdict(reply)) FROM replies").collectAsList();

        assertThat(rows).hasSize(TestSpark.replies().size());
        for (Row r : rows) {
            assertThat(TestSpark.actual(r.getString(1))).as(r.getString(0))
                    .isEqualTo(TestSpark.expected(TestSpark.engine().classify(r.getString(0))));
        }
    }

    @Test
    void extension_vendorInTheSessionConf_isPreferred() {
        SparkSession fresh = TestSpark.session().newSession();
        fresh.conf().set(VerdictSqlExtensions.VENDOR, "momentum");
        fresh.createDataset(TestSpark.replies(), Encoders.STRING()).toDF("reply").createOrReplaceTempView("replies");
        VerdictEngine preferring = VerdictEngine.builder().discoverPlugins().preferPlugin("momentum").build();

        for (Row r : fresh.sql("SELECT reply, to_json(smtp_verdict(reply)) FROM replies").collectAsList()) {
            assertThat(TestSpark.actual(r.getString(1))).as(r.getString(0))
                    .isEqualTo(TestSpark.expected(preferring.classify(r.getString(0))));
        }
    }

    @Test
    void extension_unknownVendorInTheSessionConf_failsTheQueryNamingIt() {
        SparkSession fresh = TestSpark.session().newSession();
        fresh.conf().set(VerdictSqlExtensions.VENDOR, "no-such-mta");

        assertThatThrownBy(() -> fresh.sql("SELECT smtp_verdict('550 5.1.1 user unknown')").collect())
                .hasStackTraceContaining("'no-such-mta'");
    }
}
