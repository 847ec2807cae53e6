package io.smtpverdict.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.input.InputFormat;
import io.smtpverdict.input.InputRecord;
import io.smtpverdict.input.ReadOptions;
import io.smtpverdict.input.Readers;
import io.smtpverdict.input.RecordSource;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReadFormatsTest {
    @TempDir
    Path dir;

    @Test
    void read_postfixLog_givesTheCliVerdictPerRecordWithTheMtasDecision() throws Exception {
        List<String> rows = sparkRows("mail.log", "postfix");

        assertThat(rows).containsExactlyInAnyOrderElementsOf(libraryRows("mail.log", InputFormat.POSTFIX));
        assertThat(rows).hasSize(8)
                .anyMatch(r -> r.startsWith("alice@example.net|DEFERRED|"))
                .anyMatch(r -> r.startsWith("dee@example.net|DELIVERED|"))
                .anyMatch(r -> r.startsWith("cid@example.net|FAILED|INVALID_RECIPIENT|SUPPRESS_RECIPIENT|"))
                .anyMatch(r -> r.contains("|skipped:"));
        assertThat(rows).filteredOn(r -> r.contains("|DEFERRED|")).hasSize(4)
                .noneMatch(r -> r.contains("SUPPRESS_RECIPIENT"));
    }

    @Test
    void read_webhookEvents_givesTheCliVerdictPerRecipientAndKeepsUnreadableLines() throws Exception {
        List<String> rows = sparkRows("events.jsonl", "events");

        assertThat(rows).containsExactlyInAnyOrderElementsOf(libraryRows("events.jsonl", InputFormat.JSONL));
        assertThat(rows).hasSize(7)
                .anyMatch(r -> r.startsWith("yan@example.net|FAILED|"))
                .anyMatch(r -> r.startsWith("zoe@example.net|FAILED|"))
                .anyMatch(r -> r.startsWith("lee@example.net|DEFERRED|"))
                .anyMatch(r -> r.contains("|error:"));
    }

    @Test
    void read_postfixLog_fillsTheContextColumns() throws Exception {
        Row row = Verdicts.read(TestSpark.session(), resource("mail.log").toString(), "postfix")
                .where("recipient = 'cid@example.net'").collectAsList().get(0);

        assertThat(row.<String>getAs("relay")).isEqualTo("mx.example.net[192.0.2.10]:25");
        assertThat(row.<String>getAs("queueId")).isEqualTo("4Xb1Kq2Hv3zD");
        assertThat(row.<String>getAs("time")).isNotBlank();
        assertThat(row.<String>getAs("reply")).contains("550 5.1.1");
    }

    @Test
    void read_qmailLog_readsTheReportAndTheDecision() throws IOException {
        Path file = dir.resolve("qmail.log");
        Files.writeString(file, "@400000006568a1b20b2c3d4e delivery 3: failure: Sorry,_no_mailbox_here_by_that_name."
                + "_(#5.1.1)/\n");

        Row row = Verdicts.read(TestSpark.session(), file.toString(), "qmail").collectAsList().get(0);

        assertThat(row.<String>getAs("reply")).isEqualTo("Sorry, no mailbox here by that name. (#5.1.1)");
        assertThat(row.<String>getAs("time")).isEqualTo("@400000006568a1b20b2c3d4e");
    }

    @Test
    void read_partitionStartingWithBzipMagic_isReadAsTextNotUnpacked() throws IOException {
        Path file = dir.resolve("bzh.log");
        Files.writeString(file, "BZh9 is not a log line\n" + Files.readAllLines(resource("mail.log")).get(6) + "\n");

        List<Row> rows = Verdicts.read(TestSpark.session(), file.toString(), "postfix").collectAsList();

        assertThat(rows).hasSize(2);
        assertThat(rows).anySatisfy(r -> assertThat(r.<String>getAs("skipped")).isNotNull());
        assertThat(rows).anySatisfy(r -> assertThat(r.<String>getAs("recipient")).isEqualTo("dee@example.net"));
    }

    @Test
    void read_unknownFormat_failsNamingTheFormats() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Verdicts.read(TestSpark.session(), "x.log", "maillog"))
                .withMessageContaining("unknown input format 'maillog'").withMessageContaining("postfix")
                .withMessageContaining("qmail");
    }

    /** What the Spark rows say: recipient, outcome, category, advice, rule id, the whole verdict, or why there is none. */
    private static List<String> sparkRows(String name, String format) {
        List<String> out = new ArrayList<>();
        for (Row r : Verdicts.read(TestSpark.session(), resource(name).toString(), format)
                .selectExpr("recipient", "verdict.outcome", "verdict.category", "verdict.advice", "verdict.rule.id",
                        "skipped", "error", "input", "to_json(verdict)")
                .collectAsList()) {
            out.add(r.isNullAt(1)
                    ? r.getString(0) + "|" + (r.isNullAt(5) ? "error:" + r.getString(6) : "skipped:" + r.getString(5))
                            + "|" + r.getString(7)
                    : String.join("|", r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            TestSpark.actual(r.getString(8)).toString()));
        }
        return out;
    }

    /** The same as the CLI makes it: the input module's reader over the file, the engine with each record's context. */
    private static List<String> libraryRows(String name, InputFormat format) throws IOException {
        VerdictEngine engine = TestSpark.engine();
        List<String> out = new ArrayList<>();
        try (InputStream in = ReadFormatsTest.class.getResourceAsStream(name);
                RecordSource records = Readers.open(in, Optional.of(name), ReadOptions.DEFAULT.withFormat(format))) {
            for (Optional<InputRecord> next = records.next(); next.isPresent(); next = records.next()) {
                InputRecord r = next.get();
                String recipient = r.context().get("recipient");
                if (r.reply().isEmpty()) {
                    out.add(recipient + "|" + (r.error().isPresent() ? "error:" + r.error().get()
                            : "skipped:" + r.skipped().orElseThrow()) + "|" + r.input());
                    continue;
                }
                Verdict v = engine.classify(r.reply().get(), r.mta());
                out.add(String.join("|", recipient, v.outcome().name(), v.category().map(Enum::name).orElse(null),
                        v.advice().name(), v.rule().map(x -> x.id()).orElse(null), TestSpark.expected(v).toString()));
            }
        }
        return out;
    }

    private static Path resource(String name) {
        try {
            return Path.of(ReadFormatsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
