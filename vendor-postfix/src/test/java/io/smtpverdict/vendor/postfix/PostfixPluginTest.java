package io.smtpverdict.vendor.postfix;

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

/** Postfix's own delivery texts, written from its source's format strings, classified with only this plugin loaded. */
final class PostfixPluginTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new PostfixPlugin()).build();

    @Test
    void serviceLoader_findsThePostfixPlugin() {
        List<VerdictPlugin> found = ServiceLoader.load(VerdictPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof PostfixPlugin)
                .toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).id()).isEqualTo("postfix");
        assertThat(found.get(0).contractVersion()).isEqualTo(VerdictContract.VERSION);
        assertThat(found.get(0).priority()).isEqualTo(100);
    }

    @Test
    void plugin_passesEveryCheckOfTheTestKit() {
        PluginTestKit.forPlugin(new PostfixPlugin()).assertAll().assertPacksCompiled();
    }

    @Test
    void ruleIds_areStable() {
        PluginTestKit.forPlugin(new PostfixPlugin()).assertIdsStable("io/smtpverdict/vendor/postfix/postfix-rule-ids.txt");
    }

    @Test
    void discoverPlugins_withOnlyCoreOnTheClasspath_loadsPostfixAlone() {
        VerdictEngine discovered = VerdictEngine.builder().discoverPlugins().build();

        assertThat(discovered.plugins()).extracting(PluginInfo::id).containsExactly("postfix");
        assertThat(discovered.rules()).filteredOn(r -> r.plugin().equals("postfix")).hasSize(ENGINE.rules().size());
    }

    @Test
    void rules_areVendorTemplatesOrExactMessagesWithOneSentenceExplanations() {
        assertThat(ENGINE.rules()).hasSizeGreaterThan(50).allSatisfy(rule -> {
            assertThat(rule.id()).startsWith("postfix.");
            assertThat(rule.level()).isEqualTo(EvidenceLevel.VENDOR_TEMPLATE);
            assertThat(rule.explanation()).endsWith(".");
            assertThat(rule.explanation().substring(0, rule.explanation().length() - 1)).doesNotContain(". ");
        });
    }

    @Test
    void rules_everyExampleIsLocalExceptRepliesOfAReceivingServer() {
        for (RuleInfo rule : ENGINE.rules()) {
            // the receiving side's replies: smtpd's own and postscreen's, which screens clients in front of smtpd
            boolean remote = rule.id().equals("postfix.host-said") || rule.id().startsWith("postfix.smtpd.")
                    || rule.id().startsWith("postfix.postscreen.");
            Origin expected = remote ? Origin.REMOTE : Origin.LOCAL;
            for (String example : rule.examples()) {
                assertThat(ENGINE.classify(example).origin()).as(example).isEqualTo(expected);
            }
        }
    }

    @Test
    void rules_everyRuleNamesThePostfixSourceFileItsWordingComesFrom() {
        assertThat(ENGINE.rules()).allSatisfy(rule -> assertThat(rule.source())
                .as(rule.id()).hasValueSatisfying(source -> assertThat(source).startsWith("Postfix src/")));
    }

    static Stream<Arguments> ownLines() {
        return Stream.of(
                Arguments.of("connect to mx.example.com[192.0.2.10]:25: Connection refused",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT, "postfix.connect-failed"),
                Arguments.of("4B3F21C0A2: to=<jane@example.com>, relay=none, delay=3.2, delays=0.01/0/3.2/0, dsn=4.4.1,"
                        + " status=deferred (connect to mx.example.com[2001:db8::25]:25: Connection timed out)",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT, "postfix.connect-failed"),
                Arguments.of("Diagnostic-Code: X-Postfix; connect to mx.example.net[198.51.100.25]:25: No route to host",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT, "postfix.connect-failed"),
                Arguments.of("lost connection with mail.example.net[198.51.100.25] while sending RCPT TO",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.RCPT, "postfix.lost.rcpt"),
                Arguments.of("conversation with mx.example.com[192.0.2.10] timed out while receiving the initial server greeting",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.GREETING, "postfix.timeout.greeting"),
                Arguments.of("conversation with mx.example.com[192.0.2.10] timed out while performing the EHLO handshake",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.HELO, "postfix.timeout.helo"),
                Arguments.of("lost connection with mx.example.com[192.0.2.10] while sending MAIL FROM",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.MAIL, "postfix.lost.mail"),
                Arguments.of("lost connection with mx.example.com[192.0.2.10] while sending message body",
                        Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.BODY, "postfix.lost.body"),
                Arguments.of("Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS, "postfix.dns.try-again"),
                Arguments.of("Host or domain name not found. Name service error for name=no-such-domain.example type=MX: Host not found",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "postfix.dns.host-not-found"),
                Arguments.of("Host or domain name not found. Name service error for name=mx.example.org type=AAAA: Host not found",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "postfix.dns.host-not-found"),
                Arguments.of("Name service error for name=example.org type=MX: Malformed or unexpected name server reply",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS, "postfix.dns.malformed-reply"),
                Arguments.of("Domain example.org does not accept mail (nullMX)",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "postfix.dns.null-mx"),
                Arguments.of("unable to look up host mx.example.org: Temporary failure in name resolution",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS, "postfix.lookup.temporary"),
                Arguments.of("unable to look up host mx.example.org: Name or service not known",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "postfix.lookup.not-known"),
                Arguments.of("TLS is required, but was not offered by host mx.example.com[192.0.2.10]",
                        Outcome.DEFERRED, Category.TLS_FAILURE, Stage.TLS, "postfix.tls-not-offered"),
                Arguments.of("Cannot start TLS: handshake failure",
                        Outcome.DEFERRED, Category.TLS_FAILURE, Stage.TLS, "postfix.tls-handshake-failure"),
                Arguments.of("message size 52428800 exceeds size limit 10240000 of server mx.example.com[192.0.2.10]",
                        Outcome.FAILED, Category.MESSAGE_TOO_LARGE, Stage.MAIL, "postfix.size-limit"),
                Arguments.of("mail for example.com loops back to myself",
                        Outcome.FAILED, Category.ROUTING_ERROR, Stage.UNKNOWN, "postfix.loops-back-to-myself"),
                Arguments.of("4B3F21C0A2: from=<news@example.com>, status=expired, returned to sender",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, Stage.QUEUE, "postfix.expired"),
                Arguments.of("unknown user: \"jane\"",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.UNKNOWN, "postfix.unknown-user"),
                Arguments.of("mail forwarding loop for jane@example.com",
                        Outcome.FAILED, Category.ROUTING_ERROR, Stage.UNKNOWN, "postfix.forwarding-loop"),
                Arguments.of("cannot update mailbox /var/mail/jane for user jane. error writing message: File too large",
                        Outcome.FAILED, Category.MAILBOX_FULL, Stage.UNKNOWN, "postfix.mailbox-size-limit"),
                Arguments.of("Command died with status 1: \"/usr/local/bin/ticket-intake\"",
                        Outcome.FAILED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "postfix.command-died-status"),
                Arguments.of("Your message could not be delivered for more than 4 hour(s).",
                        Outcome.DEFERRED, Category.TRANSIENT_OTHER, Stage.QUEUE, "postfix.delay-warning"),
                Arguments.of("4B3F21C0A2: to=<jane@example.com>, relay=none, delay=0.2, delays=0.1/0/0.1/0, dsn=4.4.1,"
                        + " status=deferred (connect to mail.example.com[private/lmtp]: Connection refused)",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT, "postfix.connect-failed-unix"),
                Arguments.of("unable to look up host mail.example.net: System error",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS, "postfix.lookup.system-error"),
                Arguments.of("Diagnostic-Code: X-Postfix; Domain example.net does not support SRV requests",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, "postfix.dns.null-srv"),
                Arguments.of("Protocol error: host mail.example.net[198.51.100.25] said: 250 2.1.0 Ok (in reply to DATA command)",
                        Outcome.FAILED, Category.PROTOCOL_ERROR, Stage.DATA, "postfix.protocol-error-host-said"),
                Arguments.of("delivery temporarily suspended: SASL authentication failed; authentication protocol loop"
                        + " with server relay.example.org[203.0.113.5]",
                        Outcome.DEFERRED, Category.RELAY_DENIED, Stage.AUTH, "postfix.sasl-failed-other"),
                Arguments.of("delivery temporarily suspended: mail transport unavailable",
                        Outcome.DEFERRED, Category.TRANSIENT_OTHER, Stage.QUEUE, "postfix.transport-unavailable"),
                Arguments.of("improper use of 8-bit data in message body",
                        Outcome.FAILED, Category.CONTENT_REJECTED, Stage.BODY, "postfix.mime-conversion-error"),
                Arguments.of("delivery failed to mailbox /var/vmail/example.net/sam: unable to create lock file"
                        + " /var/vmail/example.net/sam.lock: Permission denied",
                        Outcome.DEFERRED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "postfix.virtual-mailbox-lock-file-failed"),
                Arguments.of("cannot update mailbox /var/mail/sam for user sam. cannot open file: Is a directory",
                        Outcome.FAILED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "postfix.mailbox-update-failed"),
                Arguments.of("temporary failure. Command output: maildrop: Unable to create a dot-lock.",
                        Outcome.DEFERRED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "postfix.sysexits-tempfail-output"),
                Arguments.of("permission denied. Command output: Mail delivery refused by the archive filter",
                        Outcome.FAILED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "postfix.sysexits-noperm-output"),
                Arguments.of("Diagnostic-Code: x-unix; internal software error",
                        Outcome.FAILED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "postfix.sysexits-failure"),
                Arguments.of("User has moved to sam@example.org",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.UNKNOWN, "postfix.user-moved"),
                Arguments.of("Sender requested REQUIRETLS, but host mx.example.com[192.0.2.10] refused to start TLS:"
                        + " 454 4.7.0 TLS not available due to local problem",
                        Outcome.FAILED, Category.TLS_FAILURE, Stage.TLS, "postfix.requiretls-failed"),
                Arguments.of("delivery failed to mailbox /var/vmail/example.com/jane: cannot open file: Permission denied",
                        Outcome.DEFERRED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "postfix.virtual-mailbox-open-failed"),
                Arguments.of("delivery failed to mailbox /var/vmail/example.com/jane: unable to create lock file"
                        + " /var/vmail/example.com/jane.lock: Permission denied",
                        Outcome.DEFERRED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN,
                        "postfix.virtual-mailbox-lock-file-failed"),
                Arguments.of("cannot update mailbox /var/mail/jane for user jane. target file status changed unexpectedly",
                        Outcome.DEFERRED, Category.REMOTE_SERVER_ERROR, Stage.UNKNOWN, "postfix.mailbox-status-changed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownLines")
    void classify_ownLine_isDecidedByItsPostfixRule(String line, Outcome outcome, Category category, Stage stage,
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
        Verdict v = ENGINE.classify("conversation with mx.example.com[192.0.2.10] timed out while sending end of data"
                + " -- message may be sent more than once");

        assertThat(v.flags()).contains(Flag.POSSIBLE_DUPLICATE);
        assertThat(v.stage()).isEqualTo(Stage.BODY);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.bindings()).containsEntry("HOSTNAME", "mx.example.com").containsEntry("IP", "192.0.2.10");
    }

    @Test
    void classify_timeoutWhileSendingRcpt_hasNoDuplicateFlag() {
        Verdict v = ENGINE.classify("conversation with mx.example.com[192.0.2.10] timed out while sending RCPT TO");

        assertThat(v.flags()).doesNotContain(Flag.POSSIBLE_DUPLICATE);
        assertThat(v.stage()).isEqualTo(Stage.RCPT);
    }

    @Test
    void classify_hostSaid_isRemoteWithTheStageOfTheCommandAndTheInnerReply() {
        Verdict v = ENGINE.classify("host mx.example.com[192.0.2.10] said: 550 5.7.1 Message rejected as spam"
                + " (in reply to end of DATA command)");

        assertThat(v.rule()).map(RuleRef::id).contains("postfix.host-said");
        assertThat(v.origin()).isEqualTo(Origin.REMOTE);
        assertThat(v.stage()).isEqualTo(Stage.BODY);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.bindings()).containsEntry("HOSTNAME", "mx.example.com").containsEntry("IP", "192.0.2.10")
                .containsEntry("MESSAGE", "550 5.7.1 Message rejected as spam");
        assertThat(v.inner()).hasValueSatisfying(inner -> assertThat(inner.origin()).isEqualTo(Origin.REMOTE));
    }

    @Test
    void classify_suspendedDelivery_isDecidedByTheReasonAfterThePrefixWithItsStageAndFlags() {
        Verdict v = ENGINE.classify("delivery temporarily suspended: conversation with mx.example.com[192.0.2.10] timed out"
                + " while sending end of data -- message may be sent more than once");

        assertThat(v.rule()).map(RuleRef::id).contains("postfix.timeout.end-of-data");
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.stage()).isEqualTo(Stage.BODY);
        assertThat(v.flags()).contains(Flag.POSSIBLE_DUPLICATE);
    }

    @Test
    void classify_tlsRefused_isTlsFailureWhateverTheServerSaid() {
        Verdict v = ENGINE.classify("TLS is required, but host mx.example.com[192.0.2.10] refused to start TLS:"
                + " 454 4.7.0 TLS not available due to local problem");

        assertThat(v.category()).contains(Category.TLS_FAILURE);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.stage()).isEqualTo(Stage.TLS);
    }

    @Test
    void classify_remoteReplyAlone_isNotDecidedByPostfix() {
        Verdict v = ENGINE.classify("550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown");

        assertThat(v.rule()).map(RuleRef::plugin).isNotEqualTo(Optional.of("postfix"));
    }
}
