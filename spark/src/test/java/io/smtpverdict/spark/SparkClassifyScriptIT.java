package io.smtpverdict.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** scripts/spark-classify.sh with the packaged job jar, as a user runs it: a separate JVM in local mode. */
final class SparkClassifyScriptIT {
    private static final Path REPO = Path.of(System.getProperty("verdict.repo", ".."));
    private static final Path WORK = Path.of(System.getProperty("verdict.workDir", "target/it"));

    @Test
    void script_localModeTextToJson_writesOneRowPerLineWithTheLibrarysVerdict() throws Exception {
        Files.createDirectories(WORK);
        List<String> lines = new ArrayList<>(TestSpark.replies());
        lines.add("");   // a blank line still gets its row (the library's verdict on empty text)
        Path input = WORK.resolve("replies.txt");
        Files.write(input, lines, StandardCharsets.UTF_8);
        Path output = WORK.resolve("out-" + System.nanoTime());
        Path log = WORK.resolve("spark-classify.log");

        ProcessBuilder pb = new ProcessBuilder("bash", REPO.resolve("scripts/spark-classify.sh").toString(),
                "--master", "local[2]", "--input", input.toString(), "--input-format", "text",
                "--output", output.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The jar was just packaged by this build: never start a nested build from a test.
        pb.environment().put("SPARK_CLASSIFY_NO_BUILD", "1");
        // A dozen rows: C1 alone and the serial collector halve the JVM's start-up CPU (25 s to 13 s measured).
        pb.environment().put("SPARK_CLASSIFY_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();

        assertThat(p.exitValue()).as(read(log)).isZero();
        List<JsonNode> rows = ClassifyJobTest.jsonLines(output);
        assertThat(rows).hasSize(lines.size());
        assertThat(rows.stream().map(n -> n.get("value").asText())).containsExactlyInAnyOrderElementsOf(lines);
        for (JsonNode row : rows) {
            String reply = row.get("value").asText();
            assertThat(TestSpark.actual(row.get("verdict").toString())).as(reply)
                    .isEqualTo(TestSpark.expected(TestSpark.engine().classify(reply)));
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
