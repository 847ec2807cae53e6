package io.smtpverdict.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.testing.TestingPlugin;
import org.junit.jupiter.api.Test;

final class VerdictJsonTest {
    private final VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).build();

    @Test
    void toJson_usesTheModelsFieldNamesAndOmitsAbsentValues() throws Exception {
        JsonNode n = new ObjectMapper().readTree(VerdictJson.toJson(engine.classify(
                "Connected to 192.0.2.7 but sender was rejected./Remote host said: 550 5.1.1 user unknown",
                ClassifyOptions.EXPLAIN)));
        assertThat(n.get("outcome").asText()).isEqualTo("FAILED");
        // an unknown address in reply to the wrapper's MAIL FROM is the sender's
        assertThat(n.get("category").asText()).isEqualTo("INVALID_SENDER");
        assertThat(n.get("origin").asText()).isEqualTo("LOCAL");
        assertThat(n.get("stage").asText()).isEqualTo("MAIL");
        assertThat(n.get("code").asInt()).isEqualTo(550);
        assertThat(n.get("enhancedCode").asText()).isEqualTo("5.1.1");
        assertThat(n.get("bindings").get("IP").asText()).isEqualTo("192.0.2.7");
        assertThat(n.get("inner").get("origin").asText()).isEqualTo("REMOTE");
        assertThat(n.get("rule").get("plugin").asText()).isEqualTo("testing");
        assertThat(n.get("rule").get("level").asText()).isEqualTo("VENDOR_TEMPLATE");
        assertThat(n.get("compat").get("sparkpostClass").asInt()).isEqualTo(50);
        assertThat(n.get("compat").get("sisimai").asText()).isEqualTo("rejected");
        assertThat(n.has("reason")).isFalse();
        assertThat(n.has("retryAfterSeconds")).isFalse();
        assertThat(n.has("flags")).isFalse();
        assertThat(n.get("candidates").isArray()).isTrue();
    }

    @Test
    void toJson_delivered_hasNoCategoryOrCompat() throws Exception {
        JsonNode n = new ObjectMapper().readTree(VerdictJson.toJson(engine.classify("250 2.0.0 Ok: queued")));
        assertThat(n.get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(n.has("category")).isFalse();
        assertThat(n.has("compat")).isFalse();
        assertThat(n.get("advice").asText()).isEqualTo("NONE");
    }
}
