package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.cli.TestingCli.Result;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.spi.EvidenceLevel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ExplainCommandTest {
    @ParameterizedTest
    @CsvSource({"550, BASIC_CODE", "5.1.1, ENHANCED_CODE", "4.16.5, ENHANCED_CODE", "550 5.1.1 user unknown, REPLY",
        "user unknown, REPLY"})
    void kindOf_tellsCodesFromReplies(String text, ExplainCommand.Kind kind) {
        assertThat(ExplainCommand.kindOf(text)).isEqualTo(kind);
    }

    @Test
    void explain_basicCode_givesItsStandardMeaningAndHowTheStageChangesIt() {
        Result r = TestingCli.run("explain", "550");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Input: 550  (basic code)")
                .contains("Standard meaning of 550")
                .contains("By SMTP stage")
                .contains("RCPT")
                .contains("Matching rules by plugin")
                .contains("Why");
    }

    @Test
    void explain_reply_namesTheWinnerItsEvidenceAndTheCandidates() {
        Result r = TestingCli.run("explain", "550", "5.1.1", "user", "unknown");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Input: 550 5.1.1 user unknown  (reply; codes 550 5.1.1)")
                .contains("Standard meaning of 550 5.1.1 (the codes alone)")
                .contains("Verdict")
                .contains("(winner)")
                .contains("It matches: ");
    }

    @Test
    void explain_formatJson_holdsTheStandardMeaningVerdictAndRules() {
        JsonNode json = TestingCli.run("explain", "--format", "json", "550 5.1.1 user unknown").json();

        assertThat(json.path("kind").asText()).isEqualTo("REPLY");
        assertThat(json.path("codes").asText()).isEqualTo("550 5.1.1");
        assertThat(json.path("standard").path("outcome").asText()).isEqualTo("FAILED");
        assertThat(json.path("verdict").path("category").asText()).isEqualTo("INVALID_RECIPIENT");
        assertThat(json.path("rules").get(0).path("winner").asBoolean()).isTrue();
        assertThat(json.path("rules").get(0).path("matches").asText()).isNotEmpty();
    }

    @Test
    void explain_textWithoutCode_saysTheWordingAloneDecides() {
        Result r = TestingCli.run("explain", "mailbox unavailable");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No reply code in the text");
    }

    @Test
    void explain_basicCode_listsRulesThatNeedMoreThanTheCodeToMatch() {
        Result r = TestingCli.run("explain", "550");

        assertThat(r.out()).contains("Other rules that name 550");
    }

    @Test
    void rulesNaming_findsExactWildcardAndAnyClassFormsButNotLongerCodes() {
        List<RuleInfo> rules = List.of(rule("a", "enhanced code 5.1.1"), rule("b", "enhancedCodes [X.1.1]"),
                rule("c", "enhancedCodes [X.1.*]"), rule("d", "enhancedCodes [X.1.10]"), rule("e", "code 550"),
                rule("f", "phrase \"5501\""));

        assertThat(ExplainCommand.rulesNaming("550 5.1.1", rules)).extracting(RuleInfo::id)
                .containsExactly("a", "b", "c", "e");
    }

    private static RuleInfo rule(String id, String matches) {
        return new RuleInfo("p", id, EvidenceLevel.ENHANCED_CODE, matches, Optional.empty(), Optional.empty(), false,
                Optional.empty(), "x", Optional.empty(), List.of(), 0, List.of(), List.of(), List.of());
    }

    @Test
    void explain_nothing_isBadUsage() {
        assertThat(TestingCli.run("explain").exitCode()).isEqualTo(2);
    }
}
