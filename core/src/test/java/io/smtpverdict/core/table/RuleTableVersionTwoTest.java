package io.smtpverdict.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Stage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What version 2 of the table format adds: defaults, sources, derived levels and the one outcome field. */
final class RuleTableVersionTwoTest {
    private static TableFile read(String json) {
        return RuleTableLoader.read("acme", "acme-rules.json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), false);
    }

    private static String table(String defaults, String rule) {
        return "{\"$schema\": \"rule-table.schema.json\", \"schemaVersion\": 2, \"plugin\": \"acme\""
                + (defaults == null ? "" : ", \"defaults\": " + defaults)
                + ", \"rules\": [" + rule + "]}";
    }

    @Test
    void read_defaults_fillWhatTheRuleLeavesOut() {
        TableFile file = read(table("{\"source\": \"Acme manual\", \"origin\": \"LOCAL\", \"stage\": \"DNS\", "
                + "\"outcome\": {\"fixed\": \"DEFERRED\"}}",
                "{\"id\": \"acme.a\", \"match\": {\"template\": \"lookup of {DOMAIN} failed\"}, \"verdict\": "
                + "{\"category\": \"DNS_FAILURE\", \"explanation\": \"A lookup failed.\"}},"
                + "{\"id\": \"acme.b\", \"source\": \"Acme manual, page 7\", \"match\": {\"phrases\": [\"no route\"]}, "
                + "\"verdict\": {\"category\": \"ROUTING_ERROR\", \"origin\": \"REMOTE\", \"stage\": \"RCPT\", "
                + "\"outcome\": \"FAILED\", \"explanation\": \"No route.\"}}"));
        TableRule a = file.rules().get(0);
        TableRule b = file.rules().get(1);
        assertThat(a.source()).isEqualTo("Acme manual");
        assertThat(a.verdict().origin()).isEqualTo(Origin.LOCAL);
        assertThat(a.verdict().stage()).isEqualTo(Stage.DNS);
        assertThat(a.verdict().outcome()).isEqualTo(new TableOutcome(Outcome.DEFERRED, true));
        assertThat(b.source()).isEqualTo("Acme manual, page 7");
        assertThat(b.verdict().origin()).isEqualTo(Origin.REMOTE);
        assertThat(b.verdict().stage()).isEqualTo(Stage.RCPT);
        assertThat(b.verdict().outcome()).isEqualTo(new TableOutcome(Outcome.FAILED, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"template\": \"no banner\"}                 | VENDOR_TEMPLATE",
        "{\"message\": [\"451 4.4.2 no banner\"]}      | VENDOR_TEMPLATE",
        "{\"phrases\": [\"no banner\"], \"codes\": [451]} | PHRASE",
        "{\"regex\": \"no ba+nner\"}                   | PHRASE",
        "{\"enhancedCodes\": [\"4.4.2\"], \"codes\": [451]} | ENHANCED_CODE",
        "{\"codes\": [451], \"stages\": [\"GREETING\"]}  | BASIC_CODE",
        "{\"classes\": [4]}                            | CLASS",
    })
    void read_levelLeftOut_isDerivedFromTheConditions(String match, EvidenceLevel expected) {
        TableFile file = read(table(null, "{\"id\": \"acme.a\", \"match\": " + match
                + ", \"verdict\": {\"category\": \"NO_ANSWER_FROM_HOST\", \"explanation\": \"No greeting.\"}}"));
        assertThat(file.rules().get(0).level()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"template\": \"no banner\"}  | PHRASE",
        "{\"phrases\": [\"no banner\"]} | PROVIDER_PHRASE",
        "{\"phrases\": [\"banner\"]}    | KEYWORD",
    })
    void read_lowerStatedLevel_isKept(String match, EvidenceLevel stated) {
        TableFile file = read(table(null, "{\"id\": \"acme.a\", \"level\": \"" + stated + "\", \"match\": " + match
                + ", \"verdict\": {\"category\": \"NO_ANSWER_FROM_HOST\", \"explanation\": \"No greeting.\"}}"));
        assertThat(file.rules().get(0).level()).isEqualTo(stated);
    }

    @Test
    void read_phraseClaimingVendorTemplate_isRejectedNamingWhatTheConditionsAllow() {
        assertThatThrownBy(() -> read(table(null, "{\"id\": \"acme.a\", \"level\": \"VENDOR_TEMPLATE\", "
                + "\"match\": {\"phrases\": [\"no banner\"]}, \"verdict\": {\"category\": \"NO_ANSWER_FROM_HOST\", "
                + "\"explanation\": \"No greeting.\"}}")))
                .isInstanceOf(TableException.class)
                .hasMessageContaining("$.rules[0] (acme.a).level")
                .hasMessageContaining("VENDOR_TEMPLATE needs match.template or match.message")
                .hasMessageContaining("at most PHRASE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"fixed\": \"SOMETIMES\"}               | SOMETIMES",
        "{\"always\": \"FAILED\"}                 | exactly one field",
        "{\"fixed\": \"FAILED\", \"why\": \"x\"}    | exactly one field",
        "\"NEVER\"                                | NEVER",
        "5                                        | an outcome is a name",
    })
    void read_badOutcome_isRejectedAtItsPath(String outcome, String message) {
        assertThatThrownBy(() -> read(table(null, "{\"id\": \"acme.a\", \"match\": {\"phrases\": [\"no banner\"]}, "
                + "\"verdict\": {\"category\": \"NO_ANSWER_FROM_HOST\", \"outcome\": " + outcome
                + ", \"explanation\": \"No greeting.\"}}")))
                .isInstanceOf(TableException.class)
                .hasMessageContaining("$.rules[0].verdict.outcome")
                .hasMessageContaining(message);
    }

    @Test
    void read_blankSource_isRejected() {
        assertThatThrownBy(() -> read(table(null, "{\"id\": \"acme.a\", \"source\": \" \", \"match\": "
                + "{\"phrases\": [\"no banner\"]}, \"verdict\": {\"category\": \"NO_ANSWER_FROM_HOST\", "
                + "\"explanation\": \"No greeting.\"}}")))
                .isInstanceOf(TableException.class)
                .hasMessageContaining("$.rules[0] (acme.a).source: is blank");
    }

    @Test
    void read_optionalTail_needsATemplateAndCompilesWithIt() {
        assertThatThrownBy(() -> read(table("{\"source\": \"Acme manual\"}", "{\"id\": \"acme.a\", \"match\": "
                + "{\"phrases\": [\"no banner\"], \"optionalTail\": \" said: {MESSAGE}\"}, \"verdict\": "
                + "{\"category\": \"NO_ANSWER_FROM_HOST\", \"explanation\": \"No greeting.\"}}")))
                .isInstanceOf(TableException.class)
                .hasMessageContaining("$.rules[0] (acme.a).match.optionalTail: only applies to a template");
        assertThatThrownBy(() -> read(table("{\"source\": \"Acme manual\"}", "{\"id\": \"acme.a\", \"match\": "
                + "{\"template\": \"host {IP}\", \"optionalTail\": \"{MESSAGE}\"}, \"verdict\": "
                + "{\"category\": \"NO_ANSWER_FROM_HOST\", \"explanation\": \"No greeting.\"}}")))
                .isInstanceOf(TableException.class)
                .hasMessageContaining("$.rules[0] (acme.a).match.optionalTail: placeholders side by side");
    }
}
