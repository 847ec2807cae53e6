package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.cli.TestingCli.Result;
import io.smtpverdict.spi.VerdictContract;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

final class PluginsCommandTest {
    @Test
    void plugins_listsEveryShippedPluginWithItsContractVersion() {
        Result r = TestingCli.run("plugins");

        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("VERSION").contains("CONTRACT").contains("RULES");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split("\\s+")[0])
                .containsExactlyInAnyOrder("generic", "greenarrow", "hurricane", "momentum", "sendmail", "exchange",
                        "qmail", "postfix", "exim", "courier", "opensmtpd", "domino", "kumomta", "postal", "powermta");
    }

    @Test
    void plugins_formatJson_givesIdsVersionsContractsAndRuleCounts() {
        JsonNode json = TestingCli.run("plugins", "--format", "json").json();

        assertThat(json.isArray()).isTrue();
        JsonNode generic = StreamSupport.stream(json.spliterator(), false)
                .filter(p -> p.path("id").asText().equals("generic")).findFirst().orElseThrow();
        assertThat(generic.path("contractVersion").asInt()).isEqualTo(VerdictContract.VERSION);
        assertThat(generic.path("ruleCount").asInt()).isPositive();
        assertThat(generic.path("version").asText()).isNotEmpty();
        assertThat(generic.path("userTable").asBoolean()).isFalse();
    }

    @Test
    void plugins_onlyOne_listsJustThatOne() {
        Result r = TestingCli.run("plugins", "--plugins", "generic");

        assertThat(r.out().lines().skip(1)).singleElement().asString().startsWith("generic");
    }
}
