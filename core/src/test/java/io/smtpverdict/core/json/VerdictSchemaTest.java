package io.smtpverdict.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Compat;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps docs/verdict.schema.json and the user guide's taxonomy table identical to the code. */
final class VerdictSchemaTest {
    private static final Path DOCS = Path.of("..", "docs");

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> enumOf(JsonNode property) {
        List<String> out = new ArrayList<>();
        property.get("enum").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void schema_enumsAreExactlyTheJavaEnums() throws IOException {
        JsonNode props = new ObjectMapper().readTree(DOCS.resolve("verdict.schema.json").toFile()).get("properties");
        assertThat(enumOf(props.get("outcome"))).isEqualTo(names(Outcome.values()));
        assertThat(enumOf(props.get("category"))).isEqualTo(names(Category.values()));
        assertThat(enumOf(props.get("advice"))).isEqualTo(names(Advice.values()));
        assertThat(enumOf(props.get("party"))).isEqualTo(names(Party.values()));
        assertThat(enumOf(props.get("origin"))).isEqualTo(names(Origin.values()));
        assertThat(enumOf(props.get("stage"))).isEqualTo(names(Stage.values()));
        assertThat(enumOf(props.get("flags").get("items"))).isEqualTo(names(Flag.values()));
        assertThat(enumOf(props.get("rule").get("properties").get("level"))).isEqualTo(names(EvidenceLevel.values()));
    }

    @Test
    void schema_declaresEveryFieldTheJsonWriterEmits() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode props = mapper.readTree(DOCS.resolve("verdict.schema.json").toFile()).get("properties");
        VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).build();
        for (String input : List.of("Connected to 192.0.2.7 but sender was rejected./Remote host said: 550 5.1.1 user unknown",
                "451 4.7.1 greylisted, come back in 00:02:00 acme-vendor-text", "450 5.1.1 " + "x".repeat(70_000),
                "250 2.0.0 ok", "")) {
            JsonNode v = mapper.readTree(VerdictJson.toJson(engine.classify(input, ClassifyOptions.EXPLAIN)));
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                assertThat(props.has(field)).as("schema declares '%s'", field).isTrue();
            }
        }
    }

    @Test
    void userGuide_taxonomyTableMatchesEveryCategorysCompat() throws IOException {
        String guide = Files.readString(DOCS.resolve("user-guide.md"));
        for (Category c : Category.values()) {
            Compat x = c.compat();
            String row = guide.lines().filter(l -> l.startsWith("| `" + c.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + c));
            assertThat(row).as(c.name()).endsWith("| `" + c.defaultAdvice() + "` | `" + c.defaultParty() + "` | "
                    + x.sparkpostClass() + " | " + x.powermta() + " | " + x.kumomta() + " | " + x.sisimai() + " |");
        }
    }
}
