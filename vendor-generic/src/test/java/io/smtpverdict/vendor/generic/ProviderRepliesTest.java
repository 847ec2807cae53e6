package io.smtpverdict.vendor.generic;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Receiving providers' own wording (the generic-providers-*.json tables) decides at the PROVIDER_PHRASE level. */
final class ProviderRepliesTest {
    private static final String PROVIDER_RULES = "generic.provider.";
    private static final String CORPUS = "provider-replies.tsv";
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    /** One line of the corpus: the reply and what it must mean. */
    record Case(String rule, Outcome outcome, Category category, Advice advice, Optional<String> reason, String reply) {
        Case {
            requireNonNull(rule, "rule is null");
            requireNonNull(outcome, "outcome is null");
            requireNonNull(category, "category is null");
            requireNonNull(advice, "advice is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(reply, "reply is null");
        }

        @Override
        public String toString() {
            String shortReply = reply.length() > 90 ? reply.substring(0, 90) + "..." : reply;
            return rule.substring(PROVIDER_RULES.length()) + " <- " + shortReply;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = requireNonNull(ProviderRepliesTest.class.getResourceAsStream(CORPUS), CORPUS);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 6);
                assertThat(f).as("columns of: %s", line).hasSize(6);
                cases.add(new Case(f[0], Outcome.valueOf(f[1]), Category.valueOf(f[2]), Advice.valueOf(f[3]),
                        f[4].equals("-") ? Optional.empty() : Optional.of(f[4]), f[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static Stream<Arguments> ruleExamples() {
        return providerRules().stream()
                .flatMap(rule -> rule.examples().stream().map(example -> Arguments.of(rule.id(), example)));
    }

    private static List<RuleInfo> providerRules() {
        return ENGINE.rules().stream()
                .filter(rule -> rule.plugin().equals("generic") && rule.id().startsWith(PROVIDER_RULES))
                .toList();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void classify_providerReply_isDecidedByItsProviderRule(Case c) {
        Verdict v = ENGINE.classify(c.reply());

        assertThat(v.rule()).as("deciding rule of %s", c).contains(new RuleRef("generic", c.rule(), EvidenceLevel.PROVIDER_PHRASE));
        assertThat(v.outcome()).as("outcome of %s", c).isEqualTo(c.outcome());
        assertThat(v.category()).as("category of %s", c).contains(c.category());
        assertThat(v.advice()).as("advice of %s", c).isEqualTo(c.advice());
        assertThat(v.reason()).as("reason of %s", c).isEqualTo(c.reason());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("ruleExamples")
    void classify_ruleExample_isDecidedByThatRule(String ruleId, String example) {
        Verdict v = ENGINE.classify(example);

        assertThat(v.rule()).as("deciding rule of %s", example).contains(new RuleRef("generic", ruleId, EvidenceLevel.PROVIDER_PHRASE));
    }

    @Test
    void rules_everyProviderRule_isAtProviderPhraseLevelAndHasAReplyCase() {
        List<RuleInfo> rules = providerRules();
        Set<String> ruleIds = rules.stream().map(RuleInfo::id).collect(Collectors.toSet());
        Set<String> caseRuleIds = cases().stream().map(Case::rule).collect(Collectors.toSet());

        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.level()).as(rule.id()).isEqualTo(EvidenceLevel.PROVIDER_PHRASE);
            assertThat(rule.examples()).as(rule.id()).isNotEmpty();
        });
        assertThat(caseRuleIds).as("rules with a reply case").containsAll(ruleIds);
        assertThat(ruleIds).as("rules the corpus expects").containsAll(caseRuleIds);
    }

    @Test
    void classify_seedSpamhausLine_bindsTheBlocklistName() {
        Verdict v = ENGINE.classify("554 5.7.1 Service unavailable; Client host X.X.X.X blocked using zen.spamhaus.org");

        assertThat(v.category()).contains(Category.REPUTATION_BLOCK);
        assertThat(v.advice()).isEqualTo(Advice.REQUEST_DELISTING);
        assertThat(v.bindings()).containsEntry("BLOCKLIST", "zen.spamhaus.org");
    }

    @Test
    void classify_microsoftSpamhausLine_bindsTheListNameWithoutTheFullStop() {
        Verdict v = ENGINE.classify("550 5.7.1 Service unavailable, Client host [198.51.100.9] blocked using Spamhaus. "
                + "To request removal from this list see https://www.spamhaus.org/query/ip/198.51.100.9 AS(1450)");

        assertThat(v.category()).contains(Category.REPUTATION_BLOCK);
        assertThat(v.bindings()).containsEntry("BLOCKLIST", "Spamhaus");
    }

    @Test
    void classify_multiLineGmailNoSuchUser_isInvalidRecipient() {
        Verdict v = ENGINE.classify("550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
                + "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
                + "550-5.1.1 unnecessary spaces. For more information, go to\r\n"
                + "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser 41be03b00d2f7-b5f8e5c1a9asi1234567a12.301 - gsmtp");

        assertThat(v.rule().map(RuleRef::id)).contains("generic.provider.gmail.no-such-user");
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.SUPPRESS_RECIPIENT);
    }

    @Test
    void classify_multiLineGmailUnsolicitedRate_isDeferredRateLimited() {
        Verdict v = ENGINE.classify("421-4.7.28 [192.0.2.25      15] Our system has detected an unusual rate of\n"
                + "421-4.7.28 unsolicited mail originating from your IP address. To protect our\n"
                + "421-4.7.28 users from spam, mail sent from your IP address has been temporarily\n"
                + "421-4.7.28 rate limited. Please visit\n"
                + "421-4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError to\n"
                + "421 4.7.28 review our Bulk Email Senders Guidelines. 41be03b00d2f7-b6a1b2c3d4esi1234567a12.412 - gsmtp");

        assertThat(v.rule().map(RuleRef::id)).contains("generic.provider.gmail.unsolicited-rate-limited");
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.RATE_LIMITED);
        assertThat(v.advice()).isEqualTo(Advice.THROTTLE);
    }

    @Test
    void classify_yahooPermanentDeferralOn421_isFailedBecauseRetryingCannotSucceed() {
        Verdict v = ENGINE.classify("421 4.7.0 [TS03] All messages from 198.51.100.9 will be permanently deferred; "
                + "Retrying will NOT succeed. See https://help.yahoo.com/kb/postmaster/SLN3434.html");

        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.REPUTATION_BLOCK);
    }

    @Test
    void classify_autoReplySayingTemporarily_isNoDeferral() {
        // PostfixAdmin's Chinese vacation text says "temporarily": that is the person's absence; the message arrived
        Verdict v = ENGINE.classify("我在 2024-07-01 到 2024-07-15 这段时间内暂时无法回信.");
        Verdict english = ENGINE.classify("I am out of the office and temporarily away from my desk.");

        assertThat(v.category()).contains(Category.AUTOMATED_REPLY);
        assertThat(v.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(english.category()).contains(Category.AUTOMATED_REPLY);
        assertThat(english.outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void classify_gmailReceivingRate_blamesTheRecipientNotTheSender() {
        Verdict v = ENGINE.classify("450 4.2.1 The user you are trying to contact is receiving mail too quickly. "
                + "Please resend your message at a later time. - gsmtp");

        assertThat(v.category()).contains(Category.RATE_LIMITED);
        assertThat(v.party()).isEqualTo(Party.RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.1.1 User unknown",
        "550 Requested action not taken: mailbox unavailable",
        "550 5.7.1 Delivery not authorized, message refused",
        "450 4.7.1 Recipient address rejected: Access denied",
        "554 5.7.1 : Sender address rejected: Access denied",
        "552 5.2.2 Mailbox full",
        "451 4.7.1 Greylisting in action, please come back in 00:02:00",
        "550 5.7.1 Message content rejected",
        "421 4.7.0 Too many connections from your host",
        "554 5.7.1 Message blocked by content filter"
    })
    void classify_genericWording_isNotClaimedByAProviderRule(String reply) {
        Verdict v = ENGINE.classify(reply);

        assertThat(v.rule().map(RuleRef::id).orElse("")).doesNotStartWith(PROVIDER_RULES);
    }
}
