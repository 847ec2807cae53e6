package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.cli.TestingCli.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ClassifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void classify_argument_printsOneJsonRecordWithTheVerdict() {
        Result r = TestingCli.run("classify", "550 5.1.1 user unknown");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.records()).hasSize(1);
        JsonNode rec = r.records().get(0);
        assertThat(rec.path("arg").asInt()).isEqualTo(1);
        assertThat(rec.path("input").asText()).isEqualTo("550 5.1.1 user unknown");
        assertThat(rec.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(rec.path("category").asText()).isEqualTo("INVALID_RECIPIENT");
        assertThat(rec.path("advice").asText()).isEqualTo("SUPPRESS_RECIPIENT");
        assertThat(rec.path("code").asInt()).isEqualTo(550);
        assertThat(rec.path("enhancedCode").asText()).isEqualTo("5.1.1");
        assertThat(rec.path("rule").path("id").asText()).isNotEmpty();
    }

    @Test
    void classify_stdinWithoutTerminal_writesJsonLinesOnePerLineInOrder() {
        Result r = TestingCli.runWithStdin("550 5.1.1 user unknown\n\n250 2.0.0 OK\n", "classify");

        assertThat(r.exitCode()).isZero();
        List<JsonNode> records = r.records();
        assertThat(records).extracting(n -> n.path("line").asInt()).containsExactly(1, 2, 3);
        assertThat(records.get(0).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(records.get(1).path("error").asText()).isEqualTo("empty line");
        assertThat(records.get(1).has("outcome")).isFalse();
        assertThat(records.get(2).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(records.get(2).has("category")).isFalse();
    }

    @Test
    void classify_onATerminal_printsTextAndHintsHowToEndStandardInput() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        CliEnvironment terminal = new CliEnvironment(
                new java.io.ByteArrayInputStream("550 5.1.1 user unknown\n".getBytes(StandardCharsets.UTF_8)),
                true, true, true);

        int code = VerdictCli.run(terminal, out, err, "classify");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("line 1: 550 5.1.1 user unknown\n").contains("INVALID_RECIPIENT");
        assertThat(err.toString()).contains("reading replies from standard input").contains("Ctrl-D");
    }

    @Test
    void classify_mixedFile_accountsForEveryLineOnce() throws IOException {
        Path file = copyResource("mixed.txt");
        Files.write(file, "bin\0ary\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        long physicalLines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).size();

        Result r = TestingCli.run("classify", "--input", file.toString());

        assertThat(r.exitCode()).isZero();
        List<JsonNode> records = r.records();
        long covered = records.stream().filter(n -> n.path("index").asInt(0) == 0)
                .mapToLong(n -> n.path("lines").asLong(1)).sum();
        assertThat(covered).isEqualTo(physicalLines);
        assertThat(records).allSatisfy(n -> assertThat(n.path("file").asText()).isEqualTo(file.toString()));
        assertThat(records.get(records.size() - 1).path("error").asText()).contains("binary");
        assertThat(records).allSatisfy(n -> assertThat(n.has("outcome") || n.has("error") || n.has("skipped"))
                .as("record %s has a verdict, an error or a reason to skip", n).isTrue());
    }

    @Test
    void classify_multiLineReply_isJoinedIntoOneRecordThatCountsItsLines() {
        Result r = TestingCli.runWithStdin("550-5.7.1 first\n550-5.7.1 second\n550 5.7.1 last\n250 ok\n", "classify");

        List<JsonNode> records = r.records();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(records.get(0).path("lines").asInt()).isEqualTo(3);
        assertThat(records.get(0).path("input").asText()).isEqualTo("550-5.7.1 first\n550-5.7.1 second\n550 5.7.1 last");
        assertThat(records.get(0).path("code").asInt()).isEqualTo(550);
        assertThat(records.get(1).path("line").asInt()).isEqualTo(4);
    }

    @Test
    void classify_multiLineReplyWrittenOnOneLine_isOneRecordAndLeavesTheNextLineItsOwn() {
        String folded = "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 "
                + "double-checking the recipient's email address. 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser";
        Result r = TestingCli.runWithStdin(folded + "\n550 5.3.2 Service currently unavailable\n", "classify");

        List<JsonNode> records = r.records();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("input").asText()).isEqualTo(folded);
        assertThat(records.get(0).has("warning")).isFalse();
        assertThat(records.get(0).path("enhancedCode").asText()).isEqualTo("5.1.1");
        assertThat(records.get(1).path("line").asInt()).isEqualTo(2);
        assertThat(records.get(1).path("enhancedCode").asText()).isEqualTo("5.3.2");
    }

    @Test
    void classify_multiLineReplyEndingInAFoldedLine_endsThere() {
        Result r = TestingCli.runWithStdin("550-5.7.1 first\n550-5.7.1 second 550 5.7.1 last\n250 ok\n", "classify");

        List<JsonNode> records = r.records();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("lines").asInt()).isEqualTo(2);
        assertThat(records.get(0).has("warning")).isFalse();
        assertThat(records.get(1).path("input").asText()).isEqualTo("250 ok");
    }

    @Test
    void classify_multiLineReplyCutShort_keepsItsLinesAndWarns() {
        Result r = TestingCli.runWithStdin("451-4.3.0 first\nsomething else\n", "classify");

        List<JsonNode> records = r.records();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("warning").asText()).contains("without its final");
        assertThat(records.get(1).path("input").asText()).isEqualTo("something else");
    }

    @Test
    void classify_postfixLine_carriesRecipientRelayQueueIdAndStage() {
        String line = "Nov 23 10:00:01 mx postfix/smtp[123]: 4F1A2B3C4D: to=<carol@c.example>, "
                + "relay=mx.c.example[192.0.2.7]:25, delay=1, dsn=5.1.1, status=bounced (host mx.c.example[192.0.2.7] "
                + "said: 550 5.1.1 <carol@c.example>: User unknown (in reply to RCPT TO command))";

        JsonNode rec = TestingCli.runWithStdin(line + "\n", "classify").records().get(0);

        assertThat(rec.path("recipient").asText()).isEqualTo("carol@c.example");
        assertThat(rec.path("relay").asText()).isEqualTo("mx.c.example[192.0.2.7]:25");
        assertThat(rec.path("queueId").asText()).isEqualTo("4F1A2B3C4D");
        assertThat(rec.path("logStatus").asText()).isEqualTo("bounced");
        assertThat(rec.path("stage").asText()).isEqualTo("RCPT");
        assertThat(rec.path("category").asText()).isEqualTo("INVALID_RECIPIENT");
        assertThat(rec.path("input").asText()).isEqualTo(line);
    }

    @Test
    void classify_dsnFoldedDiagnosticCode_isOneReplyWithTheRecipient() {
        String dsn = "Final-Recipient: rfc822; bob@b.example\nAction: failed\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <bob@b.example>:\n    Recipient address rejected: User unknown\n";

        List<JsonNode> records = TestingCli.runWithStdin(dsn, "classify", "--input-format", "dsn").records();

        assertThat(records).hasSize(3);
        assertThat(records.get(0).path("skipped").asText()).contains("final-recipient");
        JsonNode diag = records.get(2);
        assertThat(diag.path("line").asInt()).isEqualTo(3);
        assertThat(diag.path("lines").asInt()).isEqualTo(2);
        assertThat(diag.path("recipient").asText()).isEqualTo("bob@b.example");
        assertThat(diag.path("category").asText()).isEqualTo("INVALID_RECIPIENT");
    }

    @Test
    void classify_jsonLinesWithField_readsTheReplyAtThePointer() {
        String events = "{\"msys\":{\"message_event\":{\"raw_reason\":\"452 4.2.2 Mailbox full\","
                + "\"rcpt_to\":\"dan@d.example\"}}}\n{\"other\":1}\n";

        List<JsonNode> records = TestingCli.runWithStdin(events, "classify", "--input-format", "jsonl",
                "--field", "/msys/message_event/raw_reason").records();

        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("category").asText()).isEqualTo("MAILBOX_FULL");
        assertThat(records.get(0).path("outcome").asText()).isEqualTo("DEFERRED");
        assertThat(records.get(0).path("recipient").asText()).isEqualTo("dan@d.example");
        assertThat(records.get(1).path("error").asText()).isEqualTo("no value at /msys/message_event/raw_reason");
    }

    @Test
    void classify_jsonArrayLine_givesOneRecordPerElement() {
        List<JsonNode> records = TestingCli.runWithStdin(
                "[{\"raw_reason\":\"250 2.0.0 OK\"},{\"raw_reason\":\"550 5.1.1 no such user\"}]\n", "classify")
                .records();

        assertThat(records).extracting(n -> n.path("index").asInt()).containsExactly(0, 1);
        assertThat(records).extracting(n -> n.path("outcome").asText()).containsExactly("DELIVERED", "FAILED");
    }

    @Test
    void classify_invalidJsonLine_getsAnErrorRecord() {
        JsonNode rec = TestingCli.runWithStdin("{\"broken\n", "classify").records().get(0);

        assertThat(rec.path("error").asText()).startsWith("invalid JSON");
    }

    @Test
    void classify_csvAccountingFile_readsTheDiagnosticColumnAndCarriesRecipient() throws IOException {
        Path file = copyResource("powermta-acct.csv");

        Result r = TestingCli.run("classify", "--input", file.toString(), "--column", "dsnDiag");

        assertThat(r.exitCode()).isZero();
        List<JsonNode> records = r.records();
        assertThat(records).extracting(n -> n.path("line").asInt()).containsExactly(2, 3, 4, 6);
        assertThat(records.get(0).path("recipient").asText()).isEqualTo("bob@b.example");
        assertThat(records.get(0).path("category").asText()).isEqualTo("INVALID_RECIPIENT");
        assertThat(records.get(1).path("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(records.get(2).path("lines").asInt()).isEqualTo(2);
        assertThat(records.get(2).path("code").asInt()).isEqualTo(550);
        assertThat(records.get(3).path("error").asText()).contains("quoted field not closed");
    }

    @Test
    void classify_csvWithoutTheColumn_isBadUsage() throws IOException {
        Path file = copyResource("powermta-acct.csv");

        Result r = TestingCli.run("classify", "--input", file.toString(), "--column", "nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no column 'nope'").contains("dsnDiag");
    }

    @Test
    void classify_gzipInput_isReadTransparently() throws IOException {
        Path file = dir.resolve("replies.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("550 5.1.1 user unknown\n421 4.7.0 try later\n".getBytes(StandardCharsets.UTF_8));
        }

        Result r = TestingCli.run("classify", "-i", file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.records()).extracting(n -> n.path("outcome").asText()).containsExactly("FAILED", "DEFERRED");
    }

    @Test
    void classify_truncatedGzip_reportsTheBreakAndExitsWithOne() throws IOException {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(whole)) {
            for (int i = 0; i < 2000; i++) {
                out.write(("550 5.1.1 user " + i + " unknown\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path file = dir.resolve("cut.gz");
        byte[] bytes = whole.toByteArray();
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        Result r = TestingCli.run("classify", "-i", file.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot read " + file);
        List<JsonNode> records = r.records();
        assertThat(records.get(records.size() - 1).path("error").asText()).startsWith("input could not be read");
    }

    @Test
    void classify_binaryAndOverLongLines_getErrorRecordsAndReadingGoesOn() {
        String stdin = "bin\0ary\n" + "x".repeat(5000) + "\n550 5.1.1 user unknown\n";

        List<JsonNode> records = TestingCli.runWithStdin(stdin, "classify", "--max-line-bytes", "1000").records();

        assertThat(records).hasSize(3);
        assertThat(records.get(0).path("error").asText()).contains("binary");
        assertThat(records.get(1).path("error").asText()).contains("5000 bytes");
        assertThat(records.get(1).path("input").asText()).hasSizeLessThanOrEqualTo(io.smtpverdict.input.InputRecord.ECHO_LIMIT + 1);
        assertThat(records.get(2).path("category").asText()).isEqualTo("INVALID_RECIPIENT");
    }

    @Test
    void classify_invalidUtf8_isClassifiedWithAWarning() {
        byte[] latin1 = "550 5.1.1 utilisateur inconnu: r\u00e9essayez\n".getBytes(StandardCharsets.ISO_8859_1);

        Result r = TestingCli.run(new java.io.ByteArrayInputStream(latin1), "classify");

        JsonNode rec = r.records().get(0);
        assertThat(rec.path("warning").asText()).contains("invalid UTF-8");
        assertThat(rec.path("outcome").asText()).isEqualTo("FAILED");
    }

    @Test
    void classify_explain_listsTheLosingCandidates() {
        JsonNode rec = TestingCli.run("classify", "--explain", "550 5.1.1 user unknown").records().get(0);

        assertThat(rec.path("candidates").isArray()).isTrue();
        assertThat(rec.path("candidates").size()).isPositive();
    }

    @Test
    void classify_formatText_isReadableByAPerson() {
        Result r = TestingCli.run("classify", "--format", "text", "550 5.1.1 user unknown");

        assertThat(r.out()).startsWith("550 5.1.1 user unknown\n")
                .contains("FAILED  INVALID_RECIPIENT  advice SUPPRESS_RECIPIENT")
                .contains("rule generic.");
    }

    @Test
    void classify_formatJson_isOneArrayOfRecords() {
        JsonNode all = TestingCli.run("classify", "-f", "json", "550 5.1.1 user unknown", "250 ok").json();

        assertThat(all.isArray()).isTrue();
        assertThat(all).extracting(n -> n.path("outcome").asText()).containsExactly("FAILED", "DELIVERED");
    }

    @Test
    void classify_formatCsv_hasAHeaderAndOneRowPerRecord() {
        Result r = TestingCli.run("classify", "-f", "csv", "550 5.1.1 user unknown", "");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("file,line,arg,message,index,lines,input,");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("FAILED,INVALID_RECIPIENT");
        assertThat(lines.get(2)).startsWith(",,2,,,1,").endsWith(",\"empty reply\"");
    }

    @Test
    void classify_formatTable_printsAHeaderAndAlignedRows() {
        Result r = TestingCli.run("classify", "-f", "table", "550 5.1.1 user unknown");

        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("WHERE").contains("OUTCOME").contains("CATEGORY");
        assertThat(lines.get(1)).contains("FAILED").contains("INVALID_RECIPIENT");
        assertThat(lines.get(1).indexOf("FAILED")).isEqualTo(lines.get(0).indexOf("OUTCOME"));
    }

    @Test
    void classify_onlyGenericPlugin_decidesWithGenericRules() {
        JsonNode rec = TestingCli.run("classify", "--plugins", "generic", "550 5.1.1 user unknown").records().get(0);

        assertThat(rec.path("rule").path("plugin").asText()).isEqualTo("generic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--plugins=nosuchplugin", "--vendor=nosuchplugin", "--bogus-option",
        "--input-format=xml", "--field=no-slash"})
    void classify_badUsage_exitsWithTwo(String option) {
        Result r = TestingCli.run("classify", option, "550 5.1.1 user unknown");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isNotEmpty();
    }

    @Test
    void classify_missingInputFile_exitsWithOneAndSaysWhy() {
        Path missing = dir.resolve("missing.log");

        Result r = TestingCli.run("classify", "--input", missing.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("cannot read input file " + missing + ": no such file");
    }

    @Test
    void classify_invalidRulesFile_exitsWithTwoNamingTheFileAndJsonPath() throws IOException {
        Path rules = dir.resolve("my-rules.json");
        Files.writeString(rules, "{\"schemaVersion\": 2, \"rules\": [{\"id\": \"user.a\", \"level\": \"PHRASE\","
                + " \"match\": {\"phrases\": [\"user unknown\"], \"phrase\": \"typo\"},"
                + " \"verdict\": {\"category\": \"INVALID_RECIPIENT\", \"explanation\": \"x\"}}]}");

        Result r = TestingCli.run("classify", "--rules", rules.toString(), "550 5.1.1 user unknown");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(rules.toString()).contains("$.rules[0]");
    }

    @Test
    void classify_missingRulesFile_exitsWithTwo() {
        Result r = TestingCli.run("classify", "--rules", dir.resolve("none.json").toString(), "550");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read --rules file").contains("no such file");
    }

    @Test
    void classify_userRulesFile_winsAtTheSameLevel() throws IOException {
        Path rules = dir.resolve("mine.json");
        Files.writeString(rules, "{\"schemaVersion\": 2, \"rules\": [{\"id\": \"user.moved-away\", \"level\": "
                + "\"PROVIDER_PHRASE\", \"match\": {\"phrases\": [\"has moved away\"]}, \"verdict\": {\"category\": "
                + "\"MAILBOX_INACTIVE\", \"explanation\": \"Our own rule for this wording.\"}}]}");

        JsonNode rec = TestingCli.run("classify", "--rules", rules.toString(), "550 5.1.1 bob has moved away")
                .records().get(0);

        assertThat(rec.path("rule").path("id").asText()).isEqualTo("user.moved-away");
        assertThat(rec.path("category").asText()).isEqualTo("MAILBOX_INACTIVE");
    }

    @Test
    void classify_outputDiskFull_exitsWithOneAndGivesTheReason() {
        Result r = TestingCli.runWithFailingOutput("No space left on device", "550 5.1.1 user unknown\n", "classify");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write output: No space left on device");
    }

    @Test
    void classify_outputReaderGone_endsQuietly() {
        Result r = TestingCli.runWithFailingOutput("Broken pipe", "550 5.1.1 user unknown\n", "classify");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void classify_repliesAndInputTogether_isBadUsage() {
        Result r = TestingCli.run("classify", "550 5.1.1 user unknown", "--input", "x.log");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not both");
    }

    @Test
    void classify_wordsAfterInput_areMoreInputFilesSoGlobsWork() throws IOException {
        Path first = Files.writeString(dir.resolve("x.log"), "550 5.1.1 user unknown\n");
        Result r = TestingCli.run("classify", "--input", first.toString(), "550 5.1.1 user unknown");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot read input file 550 5.1.1 user unknown");
    }

    @Test
    void classify_argumentThatIsAFile_isBadUsageNamingInput() throws IOException {
        Path file = Files.writeString(dir.resolve("mail.log"), "550 5.1.1 user unknown\n");
        Result r = TestingCli.run("classify", file.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--input " + file);
    }

    @Test
    void classify_severalInputs_areReadInOrderEachRecordNamingItsFile() throws IOException {
        Path first = dir.resolve("first.log");
        Path second = dir.resolve("second.log");
        Files.writeString(first, "550 5.1.1 user unknown\n");
        Files.writeString(second, "250 2.0.0 OK\n452 4.2.2 Mailbox full\n");

        List<JsonNode> records = TestingCli.runWithStdin("421 4.7.0 later\n", "classify", "-i", first.toString(),
                "-i", "-", "-i", second.toString()).records();

        assertThat(records).extracting(n -> n.path("file").asText("stdin"))
                .containsExactly(first.toString(), "stdin", second.toString(), second.toString());
        assertThat(records).extracting(n -> n.path("outcome").asText())
                .containsExactly("FAILED", "DEFERRED", "DELIVERED", "DEFERRED");
    }

    @Test
    void classify_repeatedField_firstPresentPointerIsTheReply() {
        String events = "{\"id\":1,\"text\":\"550 5.1.1 user unknown\"}\n{\"id\":2,\"detail\":{\"msg\":\"452 4.2.2 "
                + "Mailbox full\"}}\n";
        List<JsonNode> records = TestingCli.runWithStdin(events, "classify", "--field", "/text", "--field",
                "/detail/msg").records();

        assertThat(records).extracting(n -> n.path("outcome").asText()).containsExactly("FAILED", "DEFERRED");
    }

    @Test
    void classify_webhookEventsWithoutField_recognisedWithRecipientAndTheProvidersDecision() {
        String events = "{\"email\":\"kim@example.net\",\"event\":\"deferred\",\"response\":\"550 5.1.1 "
                + "user unknown\",\"sg_event_id\":\"e1\",\"timestamp\":1764410402}\n";
        List<JsonNode> records = TestingCli.runWithStdin(events, "classify").records();

        assertThat(records).singleElement().satisfies(n -> {
            assertThat(n.path("recipient").asText()).isEqualTo("kim@example.net");
            assertThat(n.path("outcome").asText()).isEqualTo("DEFERRED");
            assertThat(n.path("advice").asText()).isNotEqualTo("SUPPRESS_RECIPIENT");
            assertThat(n.path("flags").toString()).contains("CODE_MISMATCH");
        });
    }

    @Test
    void classify_brokenPluginOnTheClassPath_exitsWithOneNamingIt() throws IOException {
        Path services = dir.resolve("broken/META-INF/services/io.smtpverdict.spi.VerdictPlugin");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "io.smtpverdict.cli.TestingMissingPlugin\n");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        Result r;
        try (URLClassLoader broken = new URLClassLoader(new URL[] {dir.resolve("broken").toUri().toURL()},
                original)) {
            thread.setContextClassLoader(broken);
            r = TestingCli.run("classify", "550 5.1.1 user unknown");
        } finally {
            thread.setContextClassLoader(original);
        }

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("TestingMissingPlugin").contains("troubleshooting.md#broken-provider");
    }

    private Path copyResource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/inputs/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }
}
