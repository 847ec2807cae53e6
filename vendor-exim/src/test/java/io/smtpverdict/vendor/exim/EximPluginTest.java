package io.smtpverdict.vendor.exim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.PluginInfo;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.testkit.PluginTestKit;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exim's own delivery texts, written from its source's format strings, classified with only this plugin loaded. */
final class EximPluginTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new EximPlugin()).build();

    @Test
    void serviceLoader_findsTheEximPlugin() {
        List<VerdictPlugin> found = ServiceLoader.load(VerdictPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof EximPlugin)
                .toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).id()).isEqualTo("exim");
        assertThat(found.get(0).contractVersion()).isEqualTo(VerdictContract.VERSION);
        assertThat(found.get(0).priority()).isEqualTo(100);
    }

    @Test
    void plugin_passesEveryCheckOfTheTestKit() {
        PluginTestKit.forPlugin(new EximPlugin()).assertAll().assertPacksCompiled();
    }

    @Test
    void ruleIds_areStable() {
        PluginTestKit.forPlugin(new EximPlugin()).assertIdsStable("io/smtpverdict/vendor/exim/exim-rule-ids.txt");
    }

    @Test
    void discoverPlugins_withOnlyCoreOnTheClasspath_loadsEximAlone() {
        VerdictEngine discovered = VerdictEngine.builder().discoverPlugins().build();

        assertThat(discovered.plugins()).extracting(PluginInfo::id).containsExactly("exim");
        assertThat(discovered.rules()).filteredOn(r -> r.plugin().equals("exim")).hasSize(ENGINE.rules().size());
    }

    @Test
    void rules_areVendorTemplatesOrExactMessagesWithOneSentenceExplanations() {
        assertThat(ENGINE.rules()).hasSizeGreaterThan(40).allSatisfy(rule -> {
            assertThat(rule.id()).startsWith("exim.");
            assertThat(rule.level()).isEqualTo(EvidenceLevel.VENDOR_TEMPLATE);
            assertThat(rule.explanation()).endsWith(".");
            assertThat(rule.explanation().substring(0, rule.explanation().length() - 1)).doesNotContain(". ");
        });
    }

    @Test
    void rules_everyExampleWithoutAReplyCodeIsLocal() {
        for (RuleInfo rule : ENGINE.rules()) {
            for (String example : rule.examples()) {
                Verdict v = ENGINE.classify(example);
                if (v.inner().isEmpty() && v.code().isEmpty()) {
                    // a receiving Exim's reject log line (exim.log.*) records the receiving side's own refusal
                    assertThat(v.origin()).as(example)
                            .isEqualTo(rule.id().startsWith("exim.log.") ? Origin.REMOTE : Origin.LOCAL);
                }
            }
        }
    }

    @Test
    void rules_everyRuleNamesTheEximSourceFileItsWordingComesFrom() {
        assertThat(ENGINE.rules()).allSatisfy(rule -> assertThat(rule.source())
                .as(rule.id()).hasValueSatisfying(source -> assertThat(source).startsWith("Exim src/src/")));
    }

    static Stream<Arguments> ownLines() {
        return Stream.of(
                Arguments.of("SMTP timeout after initial connection",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.GREETING, "exim.timeout.greeting"),
                Arguments.of("SMTP timeout after RCPT TO:<jane@example.com>",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.RCPT, "exim.timeout.other"),
                Arguments.of("SMTP timeout after pipelined MAIL FROM:<news@example.org> SIZE=48213",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.MAIL, "exim.timeout.other"),
                Arguments.of("SMTP timeout after DATA",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.DATA, "exim.timeout.data"),
                Arguments.of("Remote host closed connection in response to initial connection",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.GREETING, "exim.closed.greeting"),
                Arguments.of("Remote host closed connection in response to RCPT TO:<bob@example.net>",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.RCPT, "exim.closed.other"),
                Arguments.of("Remote host closed connection in response to EHLO mail.example.org",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.HELO, "exim.closed.helo"),
                Arguments.of("2026-11-29 10:15:02 1tGx4e-000ABC-2F H=mx.example.com [192.0.2.10] Connection refused",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT, "exim.connect.refused"),
                Arguments.of("a TLS session is required, but the server did not offer TLS support",
                        Outcome.DEFERRED, Category.TLS_FAILURE, Stage.TLS, "exim.tls.required"),
                Arguments.of("all relevant MX records point to non-existent hosts",
                        Outcome.FAILED, Category.ROUTING_ERROR, Stage.DNS, "exim.mx-non-existent-hosts"),
                Arguments.of("an MX or SRV record indicated no SMTP service",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "exim.mx-no-service"),
                Arguments.of("Unrouteable address",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "exim.unrouteable"),
                Arguments.of("host lookup did not complete",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS, "exim.host-lookup-incomplete"),
                Arguments.of("retry timeout exceeded",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, Stage.QUEUE, "exim.retry-timeout"),
                Arguments.of("all hosts for 'example.net' have been failing for a long time (and retry time not reached)",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, Stage.QUEUE, "exim.hosts-failing-long"),
                Arguments.of("retry time not reached for any host for 'example.net'",
                        Outcome.DEFERRED, Category.TRANSIENT_OTHER, Stage.QUEUE, "exim.retry-time-not-reached"),
                Arguments.of("delivery cancelled; message timed out",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, Stage.QUEUE, "exim.frozen-timeout"),
                Arguments.of("Too many \"Received\" headers - suspected mail loop",
                        Outcome.FAILED, Category.ROUTING_ERROR, Stage.UNKNOWN, "exim.too-many-received"),
                Arguments.of("message has lines too long for transport (received 2048, limit 998)",
                        Outcome.FAILED, Category.CONTENT_REJECTED, Stage.BODY, "exim.lines-too-long"),
                Arguments.of("mailbox is full (MTA-imposed quota exceeded while writing to /var/mail/jane)",
                        Outcome.DEFERRED, Category.MAILBOX_FULL, Stage.UNKNOWN, "exim.mailbox-full-quota"),
                Arguments.of("mailbox /var/mail/sam has wrong uid (1004 != 1001)",
                        Outcome.DEFERRED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "exim.appendfile.wrong-owner"),
                Arguments.of("error while writing to /var/mail/sam",
                        Outcome.DEFERRED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "exim.appendfile.write-failed"),
                Arguments.of("delivery to file forbidden",
                        Outcome.FAILED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "exim.forbidden"),
                Arguments.of("Child process of address_pipe transport returned 75 (could mean temporary error) from command:"
                        + " /usr/bin/procmail",
                        Outcome.DEFERRED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "exim.pipe-returned-tempfail"),
                Arguments.of("Child process of address_pipe transport returned 2 from command: /usr/local/bin/autoreply",
                        Outcome.FAILED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "exim.pipe-returned"),
                Arguments.of("transport filter process failed (127): unable to execute command",
                        Outcome.DEFERRED, Category.TRANSIENT_OTHER, Stage.UNKNOWN, "exim.transport-filter-failed"),
                Arguments.of("H=mx.example.net [192.0.2.20]: failed to write a data block",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.BODY, "exim.write-incomplete"),
                Arguments.of("DANE error: tlsa lookup FAIL",
                        Outcome.FAILED, Category.TLS_FAILURE, Stage.TLS, "exim.dane.tlsa-lookup-fail"),
                Arguments.of("all host address lookups for 'example.net' failed",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS, "exim.all-lookups-failed"),
                Arguments.of("all host address lookups for 'example.net' failed permanently",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "exim.all-lookups-failed-permanently"),
                Arguments.of("domain is held",
                        Outcome.DEFERRED, Category.LOCAL_POLICY, Stage.QUEUE, "exim.not-attempted-local"),
                Arguments.of("LMTP timeout after RCPT TO:<bob@example.net>",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.RCPT, "exim.lmtp-timeout"),
                Arguments.of("Malformed LMTP response after end of data: 2.0.0 ok",
                        Outcome.DEFERRED, Category.PROTOCOL_ERROR, Stage.BODY, "exim.lmtp-malformed"),
                Arguments.of("autoreply forbidden",
                        Outcome.FAILED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "exim.autoreply-forbidden"),
                Arguments.of("\"procmail\" command not found for address_pipe transport",
                        Outcome.FAILED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "exim.pipe-command-not-found"),
                Arguments.of("  bob@example.invalid\n    Unrouteable address",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "exim.unrouteable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownLines")
    void classify_ownLine_isDecidedByItsEximRule(String line, Outcome outcome, Category category, Stage stage,
            String ruleId) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::id).contains(ruleId);
        assertThat(v.outcome()).isEqualTo(outcome);
        assertThat(v.category()).contains(category);
        assertThat(v.stage()).isEqualTo(stage);
        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
    }

    @Test
    void classify_timeoutAfterEndOfData_flagsPossibleDuplicate() {
        Verdict v = ENGINE.classify("H=mx.example.com [192.0.2.10]: SMTP timeout after end of data (48213 bytes written)");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.timeout.end-of-data");
        assertThat(v.flags()).contains(Flag.POSSIBLE_DUPLICATE);
        assertThat(v.stage()).isEqualTo(Stage.BODY);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
    }

    @Test
    void classify_smtpErrorAfterRcpt_isRemoteAtRcptWithTheReplyInside() {
        Verdict v = ENGINE.classify("SMTP error from remote mail server after RCPT TO:<jane@example.com>:"
                + " 550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.smtp-error");
        assertThat(v.origin()).isEqualTo(Origin.REMOTE);
        assertThat(v.stage()).isEqualTo(Stage.RCPT);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.bindings()).containsEntry("MESSAGE", "550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown");
    }

    @Test
    void classify_smtpErrorOfAnEximBefore485_readsTheReplyWithoutTheHostInFrontOfIt() {
        // Exim 4.50-4.84 wrote "host NAME [IP]: " before the reply; the words about the host must not hide what the
        // reply says (here a code-less "not found", which a text about a host not found would not mean)
        Verdict v = ENGINE.classify("SMTP error from remote mail server after RCPT TO:<jane@example.com>:\n"
                + "    host mx.example.com [192.0.2.25]: Recipient jane@example.com not found");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.smtp-error");
        assertThat(v.stage()).isEqualTo(Stage.RCPT);
        assertThat(v.inner()).flatMap(Verdict::rule).map(RuleRef::id).contains("exim.host-reply");
        assertThat(v.inner().orElseThrow().bindings()).containsEntry("MESSAGE", "Recipient jane@example.com not found");
    }

    @Test
    void classify_deferLogOfATimeoutInTheSession_takesTheStageOfTheCommandNotTheConnect() {
        Verdict v = ENGINE.classify("2026-11-29 10:15:02 1tGx4e-000ABC-2F == jane@example.com R=dnslookup T=remote_smtp"
                + " defer (110): Connection timed out H=mx.example.com [192.0.2.10]: SMTP timeout after RCPT TO:<jane@example.com>");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.timeout.other");
        assertThat(v.stage()).isEqualTo(Stage.RCPT);
        assertThat(v.category()).contains(Category.CONNECTION_LOST);
    }

    @Test
    void classify_smtpErrorAfterData_hasTheDataStage() {
        Verdict v = ENGINE.classify("SMTP error from remote mail server after DATA: 554 5.5.1 Error: no valid recipients");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.smtp-error.data");
        assertThat(v.stage()).isEqualTo(Stage.DATA);
    }

    @Test
    void classify_retryTimeoutAfterAnError_failsWithTheLastErrorDeciding() {
        Verdict v = ENGINE.classify("Remote host closed connection in response to initial connection: retry timeout exceeded");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.retry-timeout-after");
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.NO_ANSWER_FROM_HOST);
        assertThat(v.inner()).flatMap(Verdict::rule).map(RuleRef::id).contains("exim.closed.greeting");
    }

    @Test
    void classify_unrouteableWithAReplyCode_isLeftToTheReceivingSidesRules() {
        Verdict v = ENGINE.classify("550 Unrouteable address");

        assertThat(v.rule()).map(RuleRef::id).isNotEqualTo(Optional.of("exim.unrouteable"));
    }

    @Test
    void classify_timeoutAfterPipelinedEndOfData_flagsPossibleDuplicate() {
        Verdict v = ENGINE.classify("SMTP timeout after pipelined end of data (1024 bytes written)");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.timeout.pipelined-end-of-data");
        assertThat(v.flags()).contains(Flag.POSSIBLE_DUPLICATE);
        assertThat(v.stage()).isEqualTo(Stage.BODY);
    }

    @Test
    void classify_heldDomain_isNotAttempted() {
        Verdict v = ENGINE.classify("domain is in queue_domains");

        assertThat(v.flags()).contains(Flag.NOT_ATTEMPTED);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
    }

    @Test
    void classify_lmtpErrorAfterRcpt_isRemoteWithTheReplyInside() {
        Verdict v = ENGINE.classify("LMTP error after RCPT TO:<bob@example.net>: 550 5.1.1 <bob@example.net> User doesn't exist");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.lmtp-error");
        assertThat(v.origin()).isEqualTo(Origin.REMOTE);
        assertThat(v.stage()).isEqualTo(Stage.RCPT);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.bindings()).containsEntry("MESSAGE", "550 5.1.1 <bob@example.net> User doesn't exist");
    }

    @Test
    void classify_oldRetryTimeNotReachedAfterALongFailurePeriod_failsAsExpired() {
        Verdict v = ENGINE.classify("retry time not reached for any host after a long failure period");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.old.retry-long-failure");
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.MESSAGE_EXPIRED);
    }

    @Test
    void classify_oldTimeoutNamingTheHost_keepsTheStageOfTheCommand() {
        Verdict v = ENGINE.classify("SMTP timeout while connected to mx.example.net [192.0.2.20] after MAIL FROM:<news@example.org>");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.old.timeout.other");
        assertThat(v.stage()).isEqualTo(Stage.MAIL);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.bindings()).containsEntry("HOSTNAME", "mx.example.net");
    }

    @Test
    void classify_oldClosedAfterEndOfData_flagsPossibleDuplicate() {
        Verdict v = ENGINE.classify("Remote host mx.example.net [192.0.2.20] closed connection in response to end of data");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.old.closed.end-of-data");
        assertThat(v.flags()).contains(Flag.POSSIBLE_DUPLICATE);
    }
}
