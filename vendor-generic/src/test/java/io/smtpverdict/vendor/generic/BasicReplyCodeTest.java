package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every basic reply code of RFC 5321 and its extensions, and the non-standard ones the seed lists report from the
 * wild, without an enhanced code and with meaningless wording; the stage, where it matters, comes as a hint.
 */
final class BasicReplyCodeTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    @ParameterizedTest(name = "{0} at {1} -> {2} {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            101 | UNKNOWN  | NO_ANSWER_FROM_HOST | DEFERRED  | RETRY              | generic.basic.101
            111 | UNKNOWN  | NO_ANSWER_FROM_HOST | DEFERRED  | RETRY              | generic.basic.111
            211 | UNKNOWN  | -                   | DELIVERED | NONE               | generic.basic.211
            214 | UNKNOWN  | -                   | DELIVERED | NONE               | generic.basic.214
            220 | UNKNOWN  | -                   | DELIVERED | NONE               | generic.basic.220
            221 | UNKNOWN  | -                   | DELIVERED | NONE               | generic.basic.221
            235 | UNKNOWN  | -                   | DELIVERED | NONE               | generic.basic.235
            250 | UNKNOWN  | -                   | DELIVERED | NONE               | generic.basic.250
            251 | UNKNOWN  | -                   | DELIVERED | NONE               | generic.basic.251
            252 | UNKNOWN  | -                   | DELIVERED | NONE               | generic.basic.252
            334 | UNKNOWN  | PROTOCOL_ERROR      | DEFERRED  | FIX_CONFIGURATION  | generic.basic.334
            354 | UNKNOWN  | PROTOCOL_ERROR      | DEFERRED  | FIX_CONFIGURATION  | generic.basic.354
            420 | UNKNOWN  | CONNECTION_LOST     | DEFERRED  | RETRY              | generic.basic.420
            421 | UNKNOWN  | CONNECTION_LOST     | DEFERRED  | RETRY              | generic.basic.421
            421 | RCPT     | CONNECTION_LOST     | DEFERRED  | RETRY              | generic.basic.421
            421 | CONNECT  | NO_ANSWER_FROM_HOST | DEFERRED  | RETRY              | generic.basic.421-connect
            421 | GREETING | NO_ANSWER_FROM_HOST | DEFERRED  | RETRY              | generic.basic.421-connect
            422 | UNKNOWN  | MAILBOX_FULL        | DEFERRED  | RETRY              | generic.basic.422
            431 | UNKNOWN  | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.basic.431
            432 | UNKNOWN  | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.basic.432
            441 | UNKNOWN  | NO_ANSWER_FROM_HOST | DEFERRED  | RETRY              | generic.basic.441
            442 | UNKNOWN  | CONNECTION_LOST     | DEFERRED  | RETRY              | generic.basic.442
            446 | UNKNOWN  | ROUTING_ERROR       | DEFERRED  | RETRY              | generic.basic.446
            447 | UNKNOWN  | TRANSIENT_OTHER     | DEFERRED  | RETRY              | generic.basic.447
            449 | UNKNOWN  | ROUTING_ERROR       | DEFERRED  | RETRY              | generic.basic.449
            450 | UNKNOWN  | TRANSIENT_OTHER     | DEFERRED  | RETRY              | generic.basic.450
            451 | UNKNOWN  | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.basic.451
            452 | UNKNOWN  | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.basic.452
            452 | BODY     | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.basic.452
            452 | RCPT     | TOO_MANY_RECIPIENTS | DEFERRED  | RETRY              | generic.basic.452-rcpt
            453 | UNKNOWN  | TRANSIENT_OTHER     | DEFERRED  | RETRY              | generic.basic.453
            454 | UNKNOWN  | TRANSIENT_OTHER     | DEFERRED  | RETRY              | generic.basic.454
            454 | TLS      | TLS_FAILURE         | DEFERRED  | FIX_CONFIGURATION  | generic.basic.454-tls
            454 | AUTH     | RELAY_DENIED        | DEFERRED  | FIX_CONFIGURATION  | generic.basic.454-auth
            454 | RCPT     | RELAY_DENIED        | DEFERRED  | FIX_CONFIGURATION  | generic.basic.454-rcpt
            455 | UNKNOWN  | PROTOCOL_ERROR      | DEFERRED  | FIX_CONFIGURATION  | generic.basic.455
            458 | UNKNOWN  | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.basic.458
            459 | UNKNOWN  | POLICY_BLOCK        | DEFERRED  | REVIEW             | generic.basic.459
            465 | UNKNOWN  | CONTENT_REJECTED    | DEFERRED  | FIX_CONTENT        | generic.basic.465
            471 | UNKNOWN  | REMOTE_SERVER_ERROR | DEFERRED  | RETRY              | generic.basic.471
            500 | UNKNOWN  | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.basic.500
            501 | UNKNOWN  | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.basic.501
            502 | UNKNOWN  | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.basic.502
            503 | UNKNOWN  | PROTOCOL_ERROR      | DEFERRED  | FIX_CONFIGURATION  | generic.basic.503
            504 | UNKNOWN  | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.basic.504
            510 | UNKNOWN  | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.basic.510
            511 | UNKNOWN  | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.basic.511
            512 | UNKNOWN  | BAD_DOMAIN          | FAILED    | SUPPRESS_RECIPIENT | generic.basic.512
            513 | UNKNOWN  | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.basic.513
            521 | UNKNOWN  | REMOTE_SERVER_ERROR | FAILED    | SUPPRESS_RECIPIENT | generic.basic.521
            523 | UNKNOWN  | MESSAGE_TOO_LARGE   | FAILED    | FIX_CONTENT        | generic.basic.523
            525 | UNKNOWN  | MAILBOX_INACTIVE    | FAILED    | SUPPRESS_RECIPIENT | generic.basic.525
            530 | UNKNOWN  | RELAY_DENIED        | FAILED    | FIX_CONFIGURATION  | generic.basic.530
            534 | UNKNOWN  | RELAY_DENIED        | FAILED    | FIX_CONFIGURATION  | generic.basic.534
            535 | UNKNOWN  | RELAY_DENIED        | FAILED    | FIX_CONFIGURATION  | generic.basic.535
            538 | UNKNOWN  | TLS_FAILURE         | FAILED    | FIX_CONFIGURATION  | generic.basic.538
            541 | UNKNOWN  | POLICY_BLOCK        | FAILED    | REVIEW             | generic.basic.541
            550 | UNKNOWN  | UNCLASSIFIED        | FAILED    | REVIEW             | generic.basic.550
            550 | MAIL     | UNCLASSIFIED        | FAILED    | REVIEW             | generic.basic.550
            550 | CONNECT  | UNCLASSIFIED        | FAILED    | REVIEW             | generic.basic.550
            550 | RCPT     | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.basic.550-rcpt
            550 | DATA     | POLICY_BLOCK        | FAILED    | REVIEW             | generic.basic.550-data
            550 | BODY     | POLICY_BLOCK        | FAILED    | REVIEW             | generic.basic.550-data
            551 | UNKNOWN  | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.basic.551
            552 | UNKNOWN  | MESSAGE_TOO_LARGE   | FAILED    | FIX_CONTENT        | generic.basic.552
            552 | BODY     | MESSAGE_TOO_LARGE   | FAILED    | FIX_CONTENT        | generic.basic.552
            552 | RCPT     | TOO_MANY_RECIPIENTS | DEFERRED  | RETRY              | generic.basic.552-rcpt
            553 | UNKNOWN  | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.basic.553
            553 | RCPT     | INVALID_RECIPIENT   | FAILED    | SUPPRESS_RECIPIENT | generic.basic.553
            553 | MAIL     | INVALID_SENDER      | FAILED    | FIX_CONFIGURATION  | generic.basic.553-mail
            554 | UNKNOWN  | POLICY_BLOCK        | FAILED    | REVIEW             | generic.basic.554
            554 | BODY     | POLICY_BLOCK        | FAILED    | REVIEW             | generic.basic.554
            554 | CONNECT  | REPUTATION_BLOCK    | FAILED    | REQUEST_DELISTING  | generic.basic.554-connect
            554 | GREETING | REPUTATION_BLOCK    | FAILED    | REQUEST_DELISTING  | generic.basic.554-connect
            555 | UNKNOWN  | PROTOCOL_ERROR      | FAILED    | FIX_CONFIGURATION  | generic.basic.555
            556 | UNKNOWN  | BAD_DOMAIN          | FAILED    | SUPPRESS_RECIPIENT | generic.basic.556
            571 | UNKNOWN  | POLICY_BLOCK        | FAILED    | REVIEW             | generic.basic.571
            """)
    void classify_basicCodeAtStage_hasItsCategoryOutcomeAndAdvice(int code, Stage stage, String category,
            Outcome outcome, Advice advice, String ruleId) {
        String text = code + " xyzzy";
        Verdict v = ENGINE.classify(text, ClassifyOptions.DEFAULT.withStage(stage));

        assertThat(v.category()).as("category of %s at %s (%s)", text, stage, v).isEqualTo(category(category));
        assertThat(v.outcome()).as("outcome of %s at %s (%s)", text, stage, v).isEqualTo(outcome);
        assertThat(v.advice()).as("advice of %s at %s (%s)", text, stage, v).isEqualTo(advice);
        assertThat(v.rule()).as("rule of %s at %s (%s)", text, stage, v)
                .contains(new RuleRef("generic", ruleId, EvidenceLevel.BASIC_CODE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            550 <jdoe@example.com>... xyzzy (in reply to RCPT TO command)              | generic.basic.550-rcpt
            host mx.example.com[192.0.2.7] said: 550 xyzzy (in reply to RCPT TO command) | generic.basic.550-rcpt
            550 xyzzy (in reply to end of DATA command)                                | generic.basic.550-data
            552 xyzzy (in reply to RCPT TO command)                                    | generic.basic.552-rcpt
            553 <bounces@example.com>... xyzzy (in reply to MAIL FROM command)         | generic.basic.553-mail
            452 xyzzy (in reply to RCPT TO command)                                    | generic.basic.452-rcpt
            """)
    void classify_stageNamedInText_refinesTheBasicCode(String text, String ruleId) {
        assertThat(ENGINE.classify(text).rule()).as("rule of %s", text)
                .contains(new RuleRef("generic", ruleId, EvidenceLevel.BASIC_CODE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {101, 111})
    void classify_clientSideConnectionError_isLocalConnectStage(int code) {
        Verdict v = ENGINE.classify(code + " xyzzy");

        assertThat(v.origin()).as("origin of %s (%s)", code, v).isEqualTo(Origin.LOCAL);
        assertThat(v.stage()).as("stage of %s (%s)", code, v).isEqualTo(Stage.CONNECT);
    }

    @Test
    void classify_tooManyRecipientsAs552_isDeferredDespiteTheClass() {
        Verdict v = ENGINE.classify("552 xyzzy (in reply to RCPT TO command)");

        assertThat(v.category()).contains(Category.TOO_MANY_RECIPIENTS);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
    }

    /**
     * The code lists of the seeds: the basic reply codes 101-554 of the hosting wiki's table, and the codes the
     * RFC 3463 page writes with dots in its first table (there {@code 5.5.0} means reply 550). Each has its own rule.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {
        101, 111, 211, 214, 220, 221, 250, 251, 252, 354, 420, 421, 422, 431, 432, 441, 442, 446, 447, 449,
        450, 451, 452, 465, 471, 500, 501, 502, 503, 504, 510, 511, 512, 513, 523, 530, 541, 550, 551, 552,
        553, 554, 571})
    void classify_seedListedBasicCode_isDecidedByItsOwnRule(int code) {
        Verdict v = ENGINE.classify(code + " xyzzy");

        assertThat(v.rule()).as("rule of %s (%s)", code, v)
                .contains(new RuleRef("generic", "generic.basic." + code, EvidenceLevel.BASIC_CODE));
    }

    private static Optional<Category> category(String name) {
        return "-".equals(name) ? Optional.empty() : Optional.of(Category.valueOf(name));
    }
}
