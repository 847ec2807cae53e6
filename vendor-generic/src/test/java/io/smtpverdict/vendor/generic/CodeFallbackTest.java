package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** How the code rules fall back, refine by stage and meet each other: subject fallbacks, stages, class clashes. */
final class CodeFallbackTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @CsvSource(delimiter = '|', textBlock = """
            5.0.7 xyzzy       | UNCLASSIFIED        | generic.code.x-0-star
            550 5.1.99 xyzzy  | INVALID_RECIPIENT   | generic.code.x-1-star
            5.1.99            | INVALID_RECIPIENT   | generic.code.x-1-star
            550 5.2.9 xyzzy   | UNCLASSIFIED        | generic.code.x-2-star
            451 4.3.9 xyzzy   | REMOTE_SERVER_ERROR | generic.code.x-3-star
            451 4.4.9 xyzzy   | ROUTING_ERROR       | generic.code.x-4-star
            550 5.5.9 xyzzy   | PROTOCOL_ERROR      | generic.code.x-5-star
            554 5.6.99 xyzzy  | CONTENT_REJECTED    | generic.code.x-6-star
            550 5.7.99 xyzzy  | POLICY_BLOCK        | generic.code.x-7-star
            450 4.7.100 xyzzy | POLICY_BLOCK        | generic.code.x-7-star
            """)
    void classify_unknownDetail_fallsBackToItsSubject(String text, Category category, String ruleId) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.category()).as("category of %s (%s)", text, v).contains(category);
        assertThat(v.rule()).as("rule of %s", text)
                .contains(new RuleRef("generic", ruleId, EvidenceLevel.ENHANCED_CODE));
    }

    @Test
    void classify_unknownMailboxDetail_blamesTheRecipientSide() {
        assertThat(ENGINE.classify("550 5.2.9 xyzzy").party()).isEqualTo(Party.RECIPIENT);
    }

    @Test
    void classify_unknownSubjectWithoutBasicCode_isDecidedByTheClassOnly() {
        Verdict v = ENGINE.classify("4.16.5");

        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.level()).contains(EvidenceLevel.CLASS);
    }

    @Test
    void classify_unknownSubjectWithBasicCode_isDecidedByTheBasicCode() {
        Verdict v = ENGINE.classify("451 4.16.5 xyzzy");

        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.rule()).contains(new RuleRef("generic", "generic.basic.451", EvidenceLevel.BASIC_CODE));
    }

    @ParameterizedTest(name = "5.1.0 at {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RCPT    | INVALID_RECIPIENT | SUPPRESS_RECIPIENT | generic.code.x-1-0-rcpt
            MAIL    | INVALID_SENDER    | FIX_CONFIGURATION  | generic.code.x-1-0-mail
            UNKNOWN | INVALID_RECIPIENT | REVIEW             | generic.code.x-1-0
            BODY    | INVALID_RECIPIENT | REVIEW             | generic.code.x-1-0
            """)
    void classify_otherAddressStatus_dependsOnTheStage(Stage stage, Category category, Advice advice,
            String ruleId) {
        Verdict v = ENGINE.classify("550 5.1.0 xyzzy", ClassifyOptions.DEFAULT.withStage(stage));

        assertThat(v.category()).as("%s", v).contains(category);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.advice()).isEqualTo(advice);
        assertThat(v.rule()).contains(new RuleRef("generic", ruleId, EvidenceLevel.ENHANCED_CODE));
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            553 5.1.99 xyzzy | MAIL    | INVALID_SENDER    | generic.code.x-1-star-mail
            550 5.1.99 xyzzy | RCPT    | INVALID_RECIPIENT | generic.code.x-1-star
            553 5.1.1 xyzzy  | MAIL    | INVALID_RECIPIENT | generic.code.x-1-1
            553 5.1.8 xyzzy  | RCPT    | INVALID_SENDER    | generic.code.x-1-8
            """)
    void classify_addressingCodeAtStage_exactDetailOutranksTheStageFallback(String text, Stage stage,
            Category category, String ruleId) {
        Verdict v = ENGINE.classify(text, ClassifyOptions.DEFAULT.withStage(stage));

        assertThat(v.category()).as("%s", v).contains(category);
        assertThat(v.rule()).contains(new RuleRef("generic", ruleId, EvidenceLevel.ENHANCED_CODE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            550 5.1.0 <jdoe@example.com>... xyzzy (in reply to RCPT TO command)    | INVALID_RECIPIENT
            550 5.1.0 <bounces@example.com>... xyzzy (in reply to MAIL FROM command) | INVALID_SENDER
            """)
    void classify_otherAddressStatusWithStageInText_followsTheStage(String text, Category category) {
        assertThat(ENGINE.classify(text).category()).as("category of %s", text).contains(category);
    }

    @Test
    void classify_tooManyRecipientsEnhancedUnder552_isDeferred() {
        Verdict v = ENGINE.classify("552 5.5.3 xyzzy");

        assertThat(v.category()).contains(Category.TOO_MANY_RECIPIENTS);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
    }

    @Test
    void classify_basicAndEnhancedClassesDisagree_basicClassWinsAndIsFlagged() {
        Verdict v = ENGINE.classify("450 5.1.1 xyzzy");

        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
        assertThat(v.flags()).contains(Flag.CODE_MISMATCH);
        assertThat(v.rule()).contains(new RuleRef("generic", "generic.code.x-1-1", EvidenceLevel.ENHANCED_CODE));
    }

    @Test
    void classify_failureEnhancedUnderSuccessReply_isDeliveredAndFlagged() {
        Verdict v = ENGINE.classify("250 5.1.1 xyzzy");

        assertThat(v.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(v.category()).isEmpty();
        assertThat(v.flags()).contains(Flag.CODE_MISMATCH);
    }

    @Test
    void classify_successEnhancedUnderFailureReply_isFailedWithoutDeliveredRule() {
        Verdict v = ENGINE.classify("550 2.1.5 xyzzy");

        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.UNCLASSIFIED);
        assertThat(v.rule()).contains(new RuleRef("generic", "generic.code.x-1-5", EvidenceLevel.ENHANCED_CODE));
    }

    @Test
    void classify_enhancedAndBasicCode_enhancedCodeOutranksBasicStageRule() {
        Verdict v = ENGINE.classify("550 5.2.2 xyzzy", ClassifyOptions.DEFAULT.withStage(Stage.RCPT));

        assertThat(v.category()).contains(Category.MAILBOX_FULL);
        assertThat(v.level()).contains(EvidenceLevel.ENHANCED_CODE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            X.0.0
            X.1.0
            X.1.1
            X.1.2
            X.1.3
            X.1.4
            X.1.5
            X.1.6
            X.1.7
            X.1.8
            X.1.9
            X.1.10
            X.2.0
            X.2.1
            X.2.2
            X.2.3
            X.2.4
            X.3.0
            X.3.1
            X.3.2
            X.3.3
            X.3.4
            X.3.5
            X.3.6
            X.4.0
            X.4.1
            X.4.2
            X.4.3
            X.4.4
            X.4.5
            X.4.6
            X.4.7
            X.5.0
            X.5.1
            X.5.2
            X.5.3
            X.5.4
            X.5.5
            X.5.6
            X.6.0
            X.6.1
            X.6.2
            X.6.3
            X.6.4
            X.6.5
            X.6.6
            X.6.7
            X.6.8
            X.6.9
            X.6.10
            """)
    void rules_registryCodeOfSubjectsZeroToSix_hasAnExactFailureRule(String code) {
        assertExactFailureRule(code);
    }

    @ParameterizedTest(name = "X.7.{0}")
    @MethodSource("securityDetails")
    void rules_registryCodeOfSubjectSeven_hasAnExactFailureRule(int detail) {
        assertExactFailureRule("X.7." + detail);
    }

    static Stream<Integer> securityDetails() {
        return Stream.iterate(0, d -> d <= 30, d -> d + 1);
    }

    @Test
    void rules_everyCodeRule_decidesItsOwnExamples() {
        List<RuleInfo> rules = codeRules();
        assertThat(rules).hasSizeGreaterThan(150);
        for (RuleInfo rule : rules) {
            assertThat(rule.examples()).as("examples of %s", rule.id()).isNotEmpty();
            for (String example : rule.examples()) {
                assertThat(ENGINE.classify(example).rule()).as("rule deciding example %s of %s", example, rule.id())
                        .contains(new RuleRef("generic", rule.id(), rule.level()));
            }
        }
    }

    private static void assertExactFailureRule(String code) {
        String id = "generic.code." + code.toLowerCase(Locale.ROOT).replace('.', '-');
        assertThat(ENGINE.rules()).as("rules").anySatisfy(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.level()).isEqualTo(EvidenceLevel.ENHANCED_CODE);
            assertThat(r.category()).isPresent();
        });
    }

    private static List<RuleInfo> codeRules() {
        return ENGINE.rules().stream()
                .filter(r -> r.id().startsWith("generic.code.") || r.id().startsWith("generic.basic."))
                .toList();
    }
}
