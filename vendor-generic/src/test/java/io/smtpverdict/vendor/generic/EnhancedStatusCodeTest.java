package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every enhanced status code of the IANA registry (RFC 3463 with the RFC 5248 updates, up to X.7.30) with
 * meaningless wording, so that only the code can decide.
 */
final class EnhancedStatusCodeTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            5.0.0 xyzzy        | UNCLASSIFIED        | FAILED    | REVIEW             | generic.code.x-0-0
            4.0.0 xyzzy        | UNCLASSIFIED        | DEFERRED  | RETRY              | generic.code.x-0-0
            550 5.1.0 xyzzy    | INVALID_RECIPIENT   | FAILED    | REVIEW             | generic.code.x-1-0
            550 5.1.1 xyzzy    | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-1-1
            5.1.1              | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-1-1
            550 5.1.2 xyzzy    | BAD_DOMAIN          | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-1-2
            501 5.1.3 xyzzy    | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-1-3
            550 5.1.4 xyzzy    | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-1-4
            250 2.1.5 xyzzy    | -                   | DELIVERED | NONE               | generic.code.2-1-5
            2.1.5              | -                   | DELIVERED | NONE               | generic.code.2-1-5
            550 5.1.5 xyzzy    | UNCLASSIFIED        | FAILED    | REVIEW             | generic.code.x-1-5
            551 5.1.6 xyzzy    | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-1-6
            553 5.1.7 xyzzy    | INVALID_SENDER      | FAILED    | FIX_CONFIGURATION  | generic.code.x-1-7
            553 5.1.8 xyzzy    | INVALID_SENDER      | FAILED    | FIX_CONFIGURATION  | generic.code.x-1-8
            450 4.1.8 xyzzy    | INVALID_SENDER      | DEFERRED  | FIX_CONFIGURATION  | generic.code.x-1-8
            250 2.1.9 xyzzy    | -                   | DELIVERED | NONE               | generic.code.2-1-9
            550 5.1.9 xyzzy    | REMOTE_SERVER_ERROR | FAILED    | RETRY              | generic.code.x-1-9
            556 5.1.10 xyzzy   | BAD_DOMAIN          | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-1-10
            550 5.2.0 xyzzy    | POLICY_BLOCK        | FAILED    | REVIEW             | generic.code.x-2-0
            451 4.2.0 xyzzy    | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.code.4-2-0
            550 5.2.1 xyzzy    | MAILBOX_INACTIVE    | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-2-1
            450 4.2.1 xyzzy    | MAILBOX_INACTIVE    | DEFERRED  | RETRY              | generic.code.x-2-1
            552 5.2.2 xyzzy    | MAILBOX_FULL        | FAILED    | RETRY              | generic.code.x-2-2
            452 4.2.2 xyzzy    | MAILBOX_FULL        | DEFERRED  | RETRY              | generic.code.x-2-2
            5.2.2              | MAILBOX_FULL        | FAILED    | RETRY              | generic.code.x-2-2
            552 5.2.3 xyzzy    | MESSAGE_TOO_LARGE   | FAILED    | FIX_CONTENT        | generic.code.x-2-3
            550 5.2.4 xyzzy    | REMOTE_SERVER_ERROR | FAILED    | RETRY              | generic.code.x-2-4
            553 5.3.0 xyzzy    | REMOTE_SERVER_ERROR | FAILED    | RETRY              | generic.code.x-3-0
            452 4.3.1 xyzzy    | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.code.x-3-1
            550 5.3.2 xyzzy    | REMOTE_SERVER_ERROR | FAILED    | RETRY              | generic.code.x-3-2
            554 5.3.3 xyzzy    | REMOTE_SERVER_ERROR | FAILED    | RETRY              | generic.code.x-3-3
            552 5.3.4 xyzzy    | MESSAGE_TOO_LARGE   | FAILED    | FIX_CONTENT        | generic.code.x-3-4
            554 5.3.5 xyzzy    | REMOTE_SERVER_ERROR | FAILED    | RETRY              | generic.code.x-3-5
            250 2.3.6 xyzzy    | -                   | DELIVERED | NONE               | generic.code.2-3-6
            550 5.3.6 xyzzy    | REMOTE_SERVER_ERROR | FAILED    | RETRY              | generic.code.x-3-6
            451 4.4.0 xyzzy    | ROUTING_ERROR       | DEFERRED  | RETRY              | generic.code.x-4-0
            451 4.4.1 xyzzy    | NO_ANSWER_FROM_HOST | DEFERRED  | RETRY              | generic.code.x-4-1
            421 4.4.2 xyzzy    | CONNECTION_LOST     | DEFERRED  | RETRY              | generic.code.x-4-2
            451 4.4.3 xyzzy    | DNS_FAILURE         | DEFERRED  | RETRY              | generic.code.x-4-3
            550 5.4.4 xyzzy    | ROUTING_ERROR       | FAILED    | RETRY              | generic.code.x-4-4
            451 4.4.5 xyzzy    | RATE_LIMITED        | DEFERRED  | THROTTLE           | generic.code.x-4-5
            554 5.4.6 xyzzy    | ROUTING_ERROR       | FAILED    | RETRY              | generic.code.x-4-6
            4.4.7              | MESSAGE_EXPIRED     | DEFERRED  | REVIEW             | generic.code.x-4-7
            550 5.4.7 xyzzy    | MESSAGE_EXPIRED     | FAILED    | REVIEW             | generic.code.x-4-7
            550 5.5.0 xyzzy    | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.code.x-5-0
            500 5.5.1 xyzzy    | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.code.x-5-1
            500 5.5.2 xyzzy    | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.code.x-5-2
            452 4.5.3 xyzzy    | TOO_MANY_RECIPIENTS | DEFERRED  | RETRY              | generic.code.x-5-3
            552 5.5.3 xyzzy    | TOO_MANY_RECIPIENTS | DEFERRED  | RETRY              | generic.code.x-5-3
            5.5.3              | TOO_MANY_RECIPIENTS | DEFERRED  | RETRY              | generic.code.x-5-3
            501 5.5.4 xyzzy    | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.code.x-5-4
            554 5.5.5 xyzzy    | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.code.x-5-5
            500 5.5.6 xyzzy    | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.code.x-5-6
            554 5.6.0 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-0
            554 5.6.1 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-1
            554 5.6.2 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-2
            554 5.6.3 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-3
            250 2.6.4 xyzzy    | -                   | DELIVERED | NONE               | generic.code.2-6-4
            554 5.6.4 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-4
            554 5.6.5 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-5
            554 5.6.6 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-6
            553 5.6.7 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-7
            550 5.6.8 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-8
            550 5.6.9 xyzzy    | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-9
            550 5.6.10 xyzzy   | CONTENT_REJECTED    | FAILED    | FIX_CONTENT        | generic.code.x-6-10
            550 5.7.0 xyzzy    | POLICY_BLOCK        | FAILED    | REVIEW             | generic.code.x-7-0
            550 5.7.1 xyzzy    | POLICY_BLOCK        | FAILED    | REVIEW             | generic.code.x-7-1
            450 4.7.1 xyzzy    | POLICY_BLOCK        | DEFERRED  | REVIEW             | generic.code.x-7-1
            550 5.7.2 xyzzy    | POLICY_BLOCK        | FAILED    | REVIEW             | generic.code.x-7-2
            554 5.7.3 xyzzy    | POLICY_BLOCK        | FAILED    | REVIEW             | generic.code.x-7-3
            554 5.7.4 xyzzy    | TLS_FAILURE         | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-4
            554 5.7.5 xyzzy    | TLS_FAILURE         | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-5
            554 5.7.6 xyzzy    | TLS_FAILURE         | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-6
            554 5.7.7 xyzzy    | POLICY_BLOCK        | FAILED    | REVIEW             | generic.code.x-7-7
            535 5.7.8 xyzzy    | RELAY_DENIED        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-8
            534 5.7.9 xyzzy    | RELAY_DENIED        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-9
            523 5.7.10 xyzzy   | TLS_FAILURE         | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-10
            538 5.7.11 xyzzy   | TLS_FAILURE         | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-11
            432 4.7.12 xyzzy   | RELAY_DENIED        | DEFERRED  | FIX_CONFIGURATION  | generic.code.x-7-12
            525 5.7.13 xyzzy   | MAILBOX_INACTIVE    | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-7-13
            535 5.7.14 xyzzy   | RELAY_DENIED        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-14
            450 4.7.15 xyzzy   | POLICY_BLOCK        | DEFERRED  | REVIEW             | generic.code.x-7-15
            550 5.7.15 xyzzy   | POLICY_BLOCK        | FAILED    | REVIEW             | generic.code.x-7-15
            552 5.7.16 xyzzy   | MESSAGE_TOO_LARGE   | FAILED    | FIX_CONTENT        | generic.code.x-7-16
            550 5.7.17 xyzzy   | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-7-17
            550 5.7.18 xyzzy   | BAD_DOMAIN          | FAILED    | SUPPRESS_RECIPIENT | generic.code.x-7-18
            550 5.7.19 xyzzy   | POLICY_BLOCK        | FAILED    | REVIEW             | generic.code.x-7-19
            550 5.7.20 xyzzy   | AUTH_FAILURE        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-20
            550 5.7.21 xyzzy   | AUTH_FAILURE        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-21
            550 5.7.22 xyzzy   | AUTH_FAILURE        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-22
            550 5.7.23 xyzzy   | AUTH_FAILURE        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-23
            451 4.7.24 xyzzy   | AUTH_FAILURE        | DEFERRED  | FIX_CONFIGURATION  | generic.code.x-7-24
            550 5.7.24 xyzzy   | AUTH_FAILURE        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-24
            550 5.7.25 xyzzy   | AUTH_FAILURE        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-25
            550 5.7.26 xyzzy   | AUTH_FAILURE        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-26
            550 5.7.27 xyzzy   | INVALID_SENDER      | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-27
            550 5.7.28 xyzzy   | SPAM_CONTENT        | FAILED    | FIX_CONTENT        | generic.code.x-7-28
            550 5.7.29 xyzzy   | AUTH_FAILURE        | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-29
            550 5.7.30 xyzzy   | TLS_FAILURE         | FAILED    | FIX_CONFIGURATION  | generic.code.x-7-30
            """)
    void classify_registryCode_hasItsCategoryOutcomeAndAdvice(String text, String category, Outcome outcome,
            Advice advice, String ruleId) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.category()).as("category of %s (%s)", text, v).isEqualTo(category(category));
        assertThat(v.outcome()).as("outcome of %s (%s)", text, v).isEqualTo(outcome);
        assertThat(v.advice()).as("advice of %s (%s)", text, v).isEqualTo(advice);
        assertThat(v.rule()).as("rule of %s (%s)", text, v)
                .contains(new RuleRef("generic", ruleId, EvidenceLevel.ENHANCED_CODE));
    }

    @Test
    void classify_undefinedStatusBesideABasicCodeWithAMeaning_isDecidedByTheBasicCode() {
        // X.0.0 names no cause (its rule is unspecific), so a 503 whose words say nothing more reads as the
        // command-order error its basic code says (sendmail's "503 5.0.0 Need RCPT (recipient)" has its own words now)
        Verdict v = ENGINE.classify("503 5.0.0 xyzzy");

        assertThat(v.category()).as("%s", v).contains(Category.PROTOCOL_ERROR);
        assertThat(v.rule()).as("%s", v).contains(new RuleRef("generic", "generic.basic.503", EvidenceLevel.BASIC_CODE));
    }

    @ParameterizedTest(name = "{0} is delivered")
    @CsvSource(delimiter = '|', textBlock = """
            250 2.0.0 xyzzy  | generic.code.2-star
            2.1.0            | generic.code.2-star
            250 2.1.1 xyzzy  | generic.code.2-star
            250 2.6.0 xyzzy  | generic.code.2-star
            235 2.7.0 xyzzy  | generic.code.2-star
            """)
    void classify_successClassCode_isDeliveredWithoutCategory(String text, String ruleId) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.outcome()).as("outcome of %s (%s)", text, v).isEqualTo(Outcome.DELIVERED);
        assertThat(v.category()).as("category of %s", text).isEmpty();
        assertThat(v.advice()).isEqualTo(Advice.NONE);
        assertThat(v.rule()).as("rule of %s", text)
                .contains(new RuleRef("generic", ruleId, EvidenceLevel.ENHANCED_CODE));
    }

    @ParameterizedTest(name = "{0} has reason {1}")
    @CsvSource(delimiter = '|', textBlock = """
            551 5.1.6 xyzzy   | mailbox_moved
            556 5.1.10 xyzzy  | null_mx
            550 5.7.25 xyzzy  | no_ptr
            550 5.7.27 xyzzy  | null_mx
            554 5.4.6 xyzzy   | routing_loop
            """)
    void classify_codeWithKnownReason_carriesTheReason(String text, String reason) {
        assertThat(ENGINE.classify(text).reason()).as("reason of %s", text).contains(reason);
    }

    @Test
    void classify_nullMxSender_blamesTheSenderConfiguration() {
        Verdict v = ENGINE.classify("550 5.7.27 xyzzy");

        assertThat(v.category()).contains(Category.INVALID_SENDER);
        assertThat(v.party()).isEqualTo(Party.SENDER_CONFIGURATION);
    }

    private static Optional<Category> category(String name) {
        return "-".equals(name) ? Optional.empty() : Optional.of(Category.valueOf(name));
    }
}
