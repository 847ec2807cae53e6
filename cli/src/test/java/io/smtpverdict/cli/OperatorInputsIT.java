package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.spi.VerdictPlugin;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packaged CLI fed the way a shell feeds it: a FIFO, process substitution, {@code /dev/stdin} from a pipe,
 * several files after one {@code --input}, CR LF and lone CR bytes, and plugin jars from {@code --plugin-path} and
 * {@code VERDICT_PLUGIN_PATH}.
 */
final class OperatorInputsIT {
    private static final String TWO_LINES = "550 5.1.1 user unknown\n451 4.7.1 greylisted, try later\n";

    private record Run(int exit, List<JsonNode> records, String err) {
    }

    private static Run run(ProcessBuilder builder, byte[] stdin) throws Exception {
        Path out = Files.createTempFile(TestingProcess.workDir(), "out", ".jsonl");
        Process p = builder.redirectOutput(out.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<JsonNode> records = Files.readAllLines(out).stream().filter(l -> !l.isBlank()).map(TestingCli::parse)
                .toList();
        return new Run(p.exitValue(), records, err);
    }

    private static ProcessBuilder bash(String script) {
        assumeTrue(new File("/bin/bash").canExecute(), "needs bash");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder b = new ProcessBuilder("/bin/bash", "-c", script);
        b.environment().put("JAVA", java);
        b.environment().put("JAR", TestingProcess.jar().toString());
        return b;
    }

    private static void assertTwoLines(Run run) {
        assertThat(run.exit).as("exit; stderr: %s", run.err).isZero();
        assertThat(run.records).extracting(n -> n.path("outcome").asText()).containsExactly("FAILED", "DEFERRED");
        assertThat(run.records).extracting(n -> n.path("line").asInt()).containsExactly(1, 2);
    }

    @Test
    void classify_processSubstitution_readsItWithoutSeeking() throws Exception {
        Run run = run(bash("\"$JAVA\" -jar \"$JAR\" classify --format jsonl --input <(printf '"
                + TWO_LINES.replace("\n", "\\n") + "')"), new byte[0]);
        assertTwoLines(run);
    }

    @Test
    void classify_devStdinFromAPipe_readsIt() throws Exception {
        Run run = run(bash("printf '" + TWO_LINES.replace("\n", "\\n")
                + "' | \"$JAVA\" -jar \"$JAR\" classify --format jsonl --input /dev/stdin"), new byte[0]);
        assertTwoLines(run);
    }

    @Test
    void classify_fifo_readsWhatTheWriterSends() throws Exception {
        assumeTrue(new File("/usr/bin/mkfifo").canExecute() || new File("/bin/mkfifo").canExecute(), "needs mkfifo");
        Path fifo = TestingProcess.workDir().resolve("replies.fifo");
        Files.deleteIfExists(fifo);
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mk.exitValue()).isZero();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(TWO_LINES.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Run run = run(TestingProcess.builder(List.of(), "classify", "--format", "jsonl", "--input", fifo.toString()),
                new byte[0]);
        writer.join(60_000);
        assertTwoLines(run);
        assertThat(run.records).allSatisfy(n -> assertThat(n.path("file").asText()).isEqualTo(fifo.toString()));
    }

    @Test
    void classify_oneInputOptionWithSeveralFiles_readsThemInOrder() throws Exception {
        Path dir = TestingProcess.workDir();
        Path a = Files.writeString(dir.resolve("glob-a.log"), "550 5.1.1 user unknown\n");
        Path b = Files.writeString(dir.resolve("glob-b.log"), "451 4.7.1 greylisted\n");
        Path c = Files.writeString(dir.resolve("glob-c.log"), "250 2.0.0 ok\n");
        Run run = run(TestingProcess.builder(List.of(), "classify", "--format", "jsonl", "--input", a.toString(),
                b.toString(), c.toString()), new byte[0]);
        assertThat(run.exit).as("stderr: %s", run.err).isZero();
        assertThat(run.records).extracting(n -> n.path("file").asText())
                .containsExactly(a.toString(), b.toString(), c.toString());
        Run glob = run(bash("\"$JAVA\" -jar \"$JAR\" classify --format jsonl --input " + dir + "/glob-*.log"),
                new byte[0]);
        assertThat(glob.records).extracting(n -> n.path("outcome").asText())
                .containsExactly("FAILED", "DEFERRED", "DELIVERED");
    }

    @Test
    void classify_crLfAndLoneCr_oneRecordPerLfLineAndTheLoneCrStaysInside() throws Exception {
        Path input = Files.write(TestingProcess.workDir().resolve("cr.txt"),
                "550 5.1.1 user\runknown\r\n451 4.7.1 later\r\n250 ok\n".getBytes(StandardCharsets.UTF_8));
        Run run = run(TestingProcess.builder(List.of(), "classify", "--format", "jsonl", "--input", input.toString()),
                new byte[0]);
        assertThat(run.exit).as("stderr: %s", run.err).isZero();
        assertThat(run.records).extracting(n -> n.path("line").asInt()).containsExactly(1, 2, 3);
        assertThat(run.records.get(0).path("input").asText()).isEqualTo("550 5.1.1 user\runknown");
        assertThat(run.records.get(1).path("input").asText()).isEqualTo("451 4.7.1 later");
    }

    @Test
    void plugins_jarFromPluginPathAndFromTheVariable_isLoadedAndShowsWhereFrom() throws Exception {
        Path jar = pluginJar();
        Run byOption = run(TestingProcess.builder(List.of(), "classify", "--format", "jsonl", "--plugin-path",
                jar.getParent().toString(), "itplug marker phrase"), new byte[0]);
        assertThat(byOption.exit).as("stderr: %s", byOption.err).isZero();
        assertThat(byOption.records.get(0).path("rule").path("plugin").asText()).isEqualTo("itplug");

        ProcessBuilder viaVariable = TestingProcess.builder(List.of(), "plugins", "--format", "json");
        viaVariable.environment().put("VERDICT_PLUGIN_PATH", jar.toString());
        Path out = Files.createTempFile(TestingProcess.workDir(), "plugins", ".json");
        Process p = viaVariable.redirectOutput(out.toFile()).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("stderr: %s", err).isZero();
        JsonNode plugins = TestingCli.parse(Files.readString(out));
        List<String> fromJar = new ArrayList<>();
        plugins.forEach(n -> {
            if (n.path("id").asText().equals("itplug")) {
                fromJar.add(n.path("location").asText());
            }
        });
        assertThat(fromJar).containsExactly(jar.toString());
    }

    /** A plugin jar compiled here: one class, its service file and one rule table. */
    private static Path pluginJar() throws Exception {
        Path dir = TestingProcess.workDir().resolve("itplug");
        Path src = dir.resolve("src/com/example/itplug/ItPlugin.java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, "package com.example.itplug;\n"
                + "public final class ItPlugin implements io.smtpverdict.spi.VerdictPlugin {\n"
                + "    public String id() { return \"itplug\"; }\n"
                + "    public int contractVersion() { return io.smtpverdict.spi.VerdictContract.VERSION; }\n"
                + "}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "needs a JDK");
        String spi = Path.of(VerdictPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", spi, src.toString());
        assertThat(rc).as("javac").isZero();
        Path jarDir = dir.resolve("plugins");
        Files.createDirectories(jarDir);
        Path jar = jarDir.resolve("itplug.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "com/example/itplug/ItPlugin.class",
                    Files.readAllBytes(classes.resolve("com/example/itplug/ItPlugin.class")));
            put(out, "META-INF/services/io.smtpverdict.spi.VerdictPlugin", "com.example.itplug.ItPlugin\n"
                    .getBytes(StandardCharsets.UTF_8));
            put(out, "com/example/itplug/itplug-rules.json", ("{\"schemaVersion\": 2, \"plugin\": \"itplug\", "
                    + "\"rules\": [{\"id\": \"itplug.marker\", \"source\": \"this test\", \"match\": {\"phrases\": "
                    + "[\"itplug marker phrase\"]}, \"verdict\": {\"category\": \"LOCAL_POLICY\", \"explanation\": "
                    + "\"A test plugin's marker.\"}, \"examples\": [\"itplug marker phrase\"]}]}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
