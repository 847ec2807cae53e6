package io.smtpverdict.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.json.VerdictJson;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** One local[2] session for every test class of this module (starting Spark costs seconds), and the expectations. */
final class TestSpark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession session;
    private static VerdictEngine engine;

    private TestSpark() {
    }

    /** The shared session, created on first use and stopped when the test JVM exits. */
    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("smtp-verdict tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.extensions", VerdictSqlExtensions.class.getName())
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** The library itself, built independently of the module under test: what every verdict must equal. */
    static synchronized VerdictEngine engine() {
        if (engine == null) {
            engine = VerdictEngine.builder().discoverPlugins().build();
        }
        return engine;
    }

    /** The test replies, one per line. */
    static List<String> replies() {
        try (InputStream in = TestSpark.class.getResourceAsStream("replies.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The library's JSON for a verdict as the Spark struct carries it: without the losing candidates and the
     * taxonomy mappings, and with {@code inner} parsed so that key order does not matter.
     */
    static JsonNode expected(Verdict v) {
        return normalise(read(VerdictJson.toJson(v)));
    }

    /** A struct written as JSON by Spark, normalised like {@link #expected}. */
    static JsonNode actual(String json) {
        return normalise(read(json));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode normalise(JsonNode node) {
        ObjectNode o = ((ObjectNode) node).deepCopy();
        o.remove("candidates");
        o.remove("compat");
        JsonNode inner = o.get("inner");
        if (inner != null) {
            o.set("inner", normalise(inner.isTextual() ? read(inner.asText()) : inner));
        }
        return o;
    }
}
