package io.smtpverdict.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.core.VerdictEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ClassifyJobTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void session() {
        // The job finds this session with getOrCreate, as it finds spark-submit's.
        TestSpark.session();
    }

    @Test
    void run_textToJson_writesOneRowPerLineWithTheLibrarysVerdict() throws IOException {
        Path input = dir.resolve("replies.txt");
        Files.write(input, TestSpark.replies(), StandardCharsets.UTF_8);
        Path output = dir.resolve("out-json");

        Result r = run("--input", input.toString(), "--input-format", "text", "--output", output.toString());

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("wrote " + TestSpark.replies().size() + " rows");
        List<JsonNode> rows = jsonLines(output);
        assertThat(rows).hasSize(TestSpark.replies().size());
        assertThat(rows.stream().map(n -> n.get("value").asText())).containsExactlyInAnyOrderElementsOf(TestSpark.replies());
        for (JsonNode row : rows) {
            assertThat(TestSpark.actual(row.get("verdict").toString())).as(row.get("value").asText())
                    .isEqualTo(TestSpark.expected(TestSpark.engine().classify(row.get("value").asText())));
        }
    }

    @Test
    void run_csvToParquet_keepsTheColumnsAndAddsTheVerdict() throws IOException {
        Path input = dir.resolve("acct.csv");
        List<String> lines = new ArrayList<>(List.of("rcpt,dsnDiag"));
        lines.add("a@b.example,\"550 5.1.1 <a@b.example>: Recipient address rejected: User unknown\"");
        lines.add("c@d.example,\"421 4.7.0 Try again later, closing connection.\"");
        Files.write(input, lines, StandardCharsets.UTF_8);
        Path output = dir.resolve("out-parquet");

        Result r = run("--input", input.toString(), "--input-format", "csv", "--column", "dsnDiag",
                "--output", output.toString(), "--output-format", "parquet");

        assertThat(r.code).as(r.err).isZero();
        var rows = TestSpark.session().read().parquet(output.toString()).selectExpr("rcpt", "dsnDiag", "verdict.outcome")
                .orderBy("rcpt").collectAsList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getString(2)).isEqualTo(TestSpark.engine().classify(rows.get(0).getString(1)).outcome().name());
        assertThat(rows.get(1).getString(2)).isEqualTo(TestSpark.engine().classify(rows.get(1).getString(1)).outcome().name());
    }

    @Test
    void run_userRulesAndVendor_reachTheEngineOfEveryTask() throws IOException {
        Path rules = dir.resolve("mine.json");
        Files.writeString(rules, "{\"schemaVersion\": 2, \"rules\": [{\"id\": \"user.moved-away\", \"level\": "
                + "\"PROVIDER_PHRASE\", \"match\": {\"phrases\": [\"has moved away\"]}, \"verdict\": {\"category\": "
                + "\"MAILBOX_INACTIVE\", \"explanation\": \"Our own rule for this wording.\"}}]}", StandardCharsets.UTF_8);
        Path input = dir.resolve("moved.txt");
        List<String> replies = List.of("550 5.1.1 bob has moved away", "451 4.4.2 [internal] no banner");
        Files.write(input, replies, StandardCharsets.UTF_8);
        Path output = dir.resolve("out-rules");
        VerdictEngine expected = VerdictEngine.builder().discoverPlugins().ruleTable(rules).preferPlugin("momentum")
                .build();

        Result r = run("--input", input.toString(), "--output", output.toString(), "--rules", rules.toString(),
                "--vendor", "momentum");

        assertThat(r.code).as(r.err).isZero();
        List<JsonNode> rows = jsonLines(output);
        assertThat(rows).hasSize(2);
        for (JsonNode row : rows) {
            assertThat(TestSpark.actual(row.get("verdict").toString())).as(row.get("value").asText())
                    .isEqualTo(TestSpark.expected(expected.classify(row.get("value").asText())));
        }
        assertThat(rows).anySatisfy(row -> assertThat(row.at("/verdict/rule/id").asText()).isEqualTo("user.moved-away"));
    }

    @Test
    void run_missingRulesFile_isAUsageErrorNamingIt() {
        Result r = run("--input", "x.txt", "--output", dir.resolve("out-none").toString(), "--rules",
                dir.resolve("none.json").toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("cannot read rule table").contains("none.json");
    }

    @Test
    void run_emailFormat_writesOneRowPerRecipient() throws Exception {
        Path input = Path.of(ClassifyJobTest.class.getResource("emails").toURI());
        Path output = dir.resolve("out-email");

        Result r = run("--input", input.toString(), "--input-format", "email", "--output", output.toString());

        assertThat(r.code).as(r.err).isZero();
        List<JsonNode> rows = jsonLines(output);
        assertThat(rows).hasSize(3);
        assertThat(rows).anySatisfy(n -> {
            assertThat(n.path("recipient").asText()).isEqualTo("cid@example.net");
            assertThat(n.at("/verdict/outcome").asText()).isEqualTo("FAILED");
        });
    }

    @Test
    void run_unknownFormat_isRejectedNamingTheSupportedFormats() {
        Result r = run("--input", "x", "--input-format", "maildir", "--output", dir.resolve("never").toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("unknown --input-format 'maildir'").contains("text, json, parquet, csv, postfix");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void run_postfixLog_writesOneRowPerRecordClassifiedWithTheMtasDecision() throws Exception {
        Path input = Path.of(ClassifyJobTest.class.getResource("mail.log").toURI());
        Path output = dir.resolve("out-postfix");

        Result r = run("--input", input.toString(), "--input-format", "postfix", "--output", output.toString());

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("wrote 8 rows");
        List<JsonNode> rows = jsonLines(output);
        assertThat(rows).hasSize(8);
        assertThat(rows).filteredOn(n -> n.has("skipped")).hasSize(1)
                .allSatisfy(n -> assertThat(n.has("verdict")).isFalse());
        JsonNode alice = rows.stream().filter(n -> n.path("recipient").asText().equals("alice@example.net"))
                .findFirst().orElseThrow();
        assertThat(alice.at("/verdict/outcome").asText()).isEqualTo("DEFERRED");
        assertThat(alice.at("/queueId").asText()).isEqualTo("4Xb1Kq2Hv3z9");
        assertThat(alice.at("/context/logStatus").asText()).isEqualTo("deferred");
    }

    @Test
    void run_columnWithAReaderFormat_isAUsageError() {
        Result r = run("--input", "mail.log", "--input-format", "postfix", "--column", "x", "--output", "out");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--column does not apply to --input-format postfix");
    }

    @Test
    void run_csvWithoutColumn_isAUsageError() {
        Result r = run("--input", "x.csv", "--input-format", "csv", "--output", "out");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--column is required for --input-format csv");
    }

    @Test
    void run_missingInputColumn_isAUsageErrorNamingTheColumns() throws IOException {
        Path input = dir.resolve("events.jsonl");
        Files.writeString(input, "{\"raw_reason\":\"550 5.1.1 user unknown\"}\n", StandardCharsets.UTF_8);

        Result r = run("--input", input.toString(), "--input-format", "json", "--column", "reason",
                "--output", dir.resolve("out-missing").toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("no column 'reason'").contains("raw_reason");
    }

    static List<JsonNode> jsonLines(Path output) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    rows.add(TestSpark.read(line));
                }
            }
        }
        return rows;
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ClassifyJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {
    }
}
