package io.smtpverdict.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.vendor.generic.GenericPlugin;
import io.smtpverdict.vendor.hurricane.HurricanePlugin;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every line quoted in Hurricane MTA Server's article on delivery errors, classified by the Hurricane plugin
 * together with the generic plugin, as an operator running Hurricane would see them.
 *
 * <p>The lines are carried exactly as the article prints them, including the no-break spaces of the page.
 */
final class HurricaneSeedGoldenTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder()
            .plugin(new HurricanePlugin())
            .plugin(new GenericPlugin())
            .build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "554 delivery error: dd This user doesn't have an account",
        "550 5.1.1 Mailbox\u00a0does not exist",
        "500 No such user",
        "553 5.3.0\u00a0... Addressee unknown",
        "550 Requested action not taken: mailbox unavailable"})
    void classify_accountDoesNotExist_isFailedInvalidRecipient(String line) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.origin()).isEqualTo(Origin.REMOTE);
        assertThat(plugin(v)).isNotEqualTo(Optional.of("hurricane"));
    }

    @Test
    void classify_nameServiceHostNotFound_isFailedBadDomainByHurricane() {
        Verdict v = ENGINE.classify("Name service error for baddomain.com Type=A: Host not found");

        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.BAD_DOMAIN);
        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
        assertThat(v.bindings()).containsEntry("DOMAIN", "baddomain.com").containsEntry("TYPE", "A");
        assertThat(plugin(v)).contains("hurricane");
        assertThat(v.rule().map(RuleRef::level)).contains(EvidenceLevel.VENDOR_TEMPLATE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Could not connect after trying all mx records. type=mx",
        "Could not connect to server. Type=A"})
    void classify_couldNotConnect_isDeferredNoAnswerByHurricane(String line) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.NO_ANSWER_FROM_HOST);
        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
        assertThat(plugin(v)).contains("hurricane");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "450 4.7.1\u00a0: Recipient address rejected: Greylisted",
        "450 4.7.1\u00a0: Recipient address rejected: Policy Rejection",
        "451 Message temporarily deferred - [160]"})
    void classify_greylistingReply_isDeferredGreylisted(String line) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.GREYLISTED);
        assertThat(plugin(v)).isNotEqualTo(Optional.of("hurricane"));
    }

    @Test
    void classify_busyServerDefer_isDeferredButNotGreylisting() {
        Verdict v = ENGINE.classify("451 Resources temporarily not available - Please try again later [#4.16.5]");

        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.code()).hasValue(451);
        assertThat(v.enhancedCode()).hasValueSatisfying(c -> assertThat(c).hasToString("4.16.5"));
        assertThat(v.category()).isPresent().isNotEqualTo(Optional.of(Category.GREYLISTED));
        assertThat(plugin(v)).isNotEqualTo(Optional.of("hurricane"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "421 4.4.5 System rule canceled connection.",
        "421 4.4.5 Delivery rule action forced defer."})
    void classify_deliveryRuleDefer_isDeferredLocalPolicyByHurricane(String line) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.LOCAL_POLICY);
        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
        assertThat(plugin(v)).contains("hurricane");
        assertThat(v.rule().map(RuleRef::level)).contains(EvidenceLevel.VENDOR_TEMPLATE);
    }

    private static Optional<String> plugin(Verdict v) {
        return v.rule().map(RuleRef::plugin);
    }
}
