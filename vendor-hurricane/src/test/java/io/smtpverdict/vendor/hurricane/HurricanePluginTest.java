package io.smtpverdict.vendor.hurricane;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.spi.VerdictPlugin;
import io.smtpverdict.testkit.PluginTestKit;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hurricane MTA Server's own lines, classified with only this plugin and the engine loaded. */
final class HurricanePluginTest {
    /** Hurricane's bounce types and categories, written lower_snake_case: the plugin's reason vocabulary. */
    private static final Set<String> HURRICANE_REASONS = Set.of(
            "undeliverable_hard", "undeliverable_soft",
            "blocked_challenge", "blocked_spam", "blocked_virus", "blocked_other",
            "informational_transient", "informational_auto_reply", "informational_subscribe",
            "informational_unsubscribe", "informational_address_change", "informational_modified",
            "informational_delivered", "custom", "unknown");

    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new HurricanePlugin()).build();

    @Test
    void serviceLoader_findsHurricanePlugin() {
        List<String> ids = ServiceLoader.load(VerdictPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(VerdictPlugin::id)
                .collect(Collectors.toList());

        assertThat(ids).contains("hurricane");
    }

    @Test
    void plugin_passesEveryCheckOfTheTestKit() {
        PluginTestKit.forPlugin(new HurricanePlugin()).assertAll().assertPacksCompiled();
    }

    @Test
    void build_discoveredPlugin_loadsItsTable() {
        VerdictEngine discovered = VerdictEngine.builder().discoverPlugins().build();

        assertThat(discovered.plugins()).extracting(p -> p.id()).contains("hurricane");
        assertThat(discovered.rules()).filteredOn(r -> r.plugin().equals("hurricane")).hasSize(6);
    }

    @Test
    void rules_areVendorTemplatesWithExplanationsAndExamples() {
        assertThat(ENGINE.rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.plugin()).isEqualTo("hurricane");
            assertThat(rule.id()).startsWith("hurricane.");
            assertThat(rule.level()).isEqualTo(EvidenceLevel.VENDOR_TEMPLATE);
            assertThat(rule.explanation()).isNotBlank();
            assertThat(rule.examples()).isNotEmpty();
        });
    }

    static Stream<Arguments> ruleExamples() {
        return ENGINE.rules().stream()
                .flatMap(rule -> rule.examples().stream().map(example -> Arguments.of(rule.id(), example)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("ruleExamples")
    void classify_tableExample_isLocalWithAHurricaneReason(String ruleId, String example) {
        Verdict v = ENGINE.classify(example);

        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
        assertThat(v.reason()).hasValueSatisfying(reason -> assertThat(HURRICANE_REASONS).contains(reason));
    }

    static Stream<Arguments> ownLines() {
        return Stream.of(
                // seed lines, as the article quotes them
                Arguments.of("Name service error for baddomain.com Type=A: Host not found",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS),
                Arguments.of("Could not connect after trying all mx records. type=mx",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT),
                Arguments.of("Could not connect to server. Type=A",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT),
                Arguments.of("421 4.4.5 System rule canceled connection.",
                        Outcome.DEFERRED, Category.LOCAL_POLICY, Stage.QUEUE),
                Arguments.of("421 4.4.5 Delivery rule action forced defer.",
                        Outcome.DEFERRED, Category.LOCAL_POLICY, Stage.QUEUE),
                // other record types, cases and domains
                Arguments.of("Name service error for mail.example.org Type=MX: Host not found",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS),
                Arguments.of("Name service error for sub-domain.example.co.uk type=AAAA: Host not found",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS),
                Arguments.of("NAME SERVICE ERROR FOR BADDOMAIN.COM TYPE=A: HOST NOT FOUND",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS),
                Arguments.of("Name service error for example.net Type=MX: Host not found, try again",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS),
                Arguments.of("Could not connect after trying all mx records. Type=MX",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT),
                Arguments.of("Could not connect to server. type=a",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT),
                Arguments.of("Could not connect to server. Type=AAAA",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT),
                // without the codes, and inside log context
                Arguments.of("System rule canceled connection.",
                        Outcome.DEFERRED, Category.LOCAL_POLICY, Stage.QUEUE),
                Arguments.of("Delivery rule action forced defer.",
                        Outcome.DEFERRED, Category.LOCAL_POLICY, Stage.QUEUE),
                Arguments.of("2026-11-23 10:15:02 user@gmail.com 421 4.4.5 System rule canceled connection.",
                        Outcome.DEFERRED, Category.LOCAL_POLICY, Stage.QUEUE),
                Arguments.of("2026-11-23 10:15:02 baddomain.com: Name service error for baddomain.com Type=A: Host not found",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownLines")
    void classify_ownLine_isDecidedByHurricane(String line, Outcome outcome, Category category, Stage stage) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.outcome()).isEqualTo(outcome);
        assertThat(v.category()).contains(category);
        assertThat(v.stage()).isEqualTo(stage);
        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
        assertThat(v.rule()).hasValueSatisfying(r -> {
            assertThat(r.plugin()).isEqualTo("hurricane");
            assertThat(r.level()).isEqualTo(EvidenceLevel.VENDOR_TEMPLATE);
        });
    }

    @Test
    void classify_hostNotFound_bindsDomainAndTypeAndIsUndeliverableHard() {
        Verdict v = ENGINE.classify("Name service error for BadDomain.com Type=MX: Host not found");

        assertThat(v.bindings()).containsEntry("DOMAIN", "BadDomain.com").containsEntry("TYPE", "MX");
        assertThat(v.reason()).contains("undeliverable_hard");
        assertThat(v.advice()).isEqualTo(Advice.SUPPRESS_RECIPIENT);
        assertThat(v.party()).isEqualTo(Party.RECIPIENT);
    }

    @Test
    void classify_mxConnectFailure_bindsTypeAndIsInformationalTransient() {
        Verdict v = ENGINE.classify("Could not connect after trying all mx records. type=mx");

        assertThat(v.bindings()).containsEntry("TYPE", "mx");
        assertThat(v.reason()).contains("informational_transient");
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
    }

    @Test
    void classify_systemRuleCanceledConnection_isLocalThrottleNotReceiverCongestion() {
        Verdict v = ENGINE.classify("421 4.4.5 System rule canceled connection.");

        assertThat(v.category()).contains(Category.LOCAL_POLICY);
        assertThat(v.code()).hasValue(421);
        assertThat(v.enhancedCode()).hasValueSatisfying(c -> assertThat(c).hasToString("4.4.5"));
        assertThat(v.party()).isEqualTo(Party.SENDING_MTA);
        assertThat(v.advice()).isIn(Advice.RETRY, Advice.THROTTLE);
        assertThat(v.flags()).contains(Flag.NOT_ATTEMPTED).doesNotContain(Flag.CODE_MISMATCH);
        assertThat(v.compat()).hasValueSatisfying(c -> assertThat(c.sparkpostClass()).isEqualTo(25));
    }

    @Test
    void classify_deliveryRuleForcedDefer_isLocalPolicyBySendingMta() {
        Verdict v = ENGINE.classify("421 4.4.5 Delivery rule action forced defer.");

        assertThat(v.category()).contains(Category.LOCAL_POLICY);
        assertThat(v.party()).isEqualTo(Party.SENDING_MTA);
        assertThat(v.advice()).isIn(Advice.RETRY, Advice.THROTTLE);
        assertThat(v.rule()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("hurricane.delivery-rule-forced-defer"));
    }

    @Test
    void classify_remoteReply_isNotDecidedByHurricane() {
        Verdict v = ENGINE.classify("550 5.1.1 Mailbox does not exist");

        assertThat(v.rule()).map(r -> r.plugin()).isNotEqualTo(Optional.of("hurricane"));
    }

    @Test
    void rules_explanationsAreOneSentence() {
        assertThat(ENGINE.rules()).extracting(RuleInfo::explanation).allSatisfy(text -> {
            assertThat(text).endsWith(".");
            assertThat(text.substring(0, text.length() - 1)).doesNotContain(". ");
        });
    }
}
