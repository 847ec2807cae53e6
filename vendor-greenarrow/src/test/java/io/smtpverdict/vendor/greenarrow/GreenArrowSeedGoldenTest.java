package io.smtpverdict.vendor.greenarrow;

import static io.smtpverdict.spi.Advice.FIX_CONFIGURATION;
import static io.smtpverdict.spi.Advice.FIX_CONTENT;
import static io.smtpverdict.spi.Advice.RETRY;
import static io.smtpverdict.spi.Advice.REVIEW;
import static io.smtpverdict.spi.Advice.SUPPRESS_RECIPIENT;
import static io.smtpverdict.spi.Advice.THROTTLE;
import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.CONTENT_REJECTED;
import static io.smtpverdict.spi.Category.DNS_FAILURE;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.INVALID_SENDER;
import static io.smtpverdict.spi.Category.LOCAL_POLICY;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.POLICY_BLOCK;
import static io.smtpverdict.spi.Category.PROTOCOL_ERROR;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.TLS_FAILURE;
import static io.smtpverdict.spi.Flag.NOT_ATTEMPTED;
import static io.smtpverdict.spi.Flag.POSSIBLE_DUPLICATE;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.vendor.greenarrow.GreenArrowSeed.Entry;
import io.smtpverdict.vendor.greenarrow.GreenArrowSeed.Fill;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented GreenArrow message, filled with realistic values, classified by an engine holding this plugin
 * alone. Expectations come from what GreenArrow's documentation says each message means.
 */
final class GreenArrowSeedGoldenTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GreenArrowPlugin()).build();

    private static final String IPV4 = "192.0.2.25";
    private static final String IPV6 = "2001:db8::25";

    /** Entry number to the verdict the filled-in message must get. */
    private static final Map<Integer, Expected> EXPECTED = Map.ofEntries(
            entry(1, throttled("backlog-slots-used-up", THROTTLE)),
            entry(2, throttled("backlog-full-max-connections", THROTTLE)),
            entry(3, throttled("backlog-full-max-attempts-per-hour", THROTTLE)),
            entry(4, throttled("domain-paused-mail-from", REVIEW)),
            entry(5, throttled("domain-paused-header-from", REVIEW)),
            entry(6, expect("host-not-found", BAD_DOMAIN, Stage.DNS, SUPPRESS_RECIPIENT, Party.RECIPIENT)),
            entry(7, expect("no-mx-delivery-prohibited", BAD_DOMAIN, Stage.DNS, SUPPRESS_RECIPIENT, Party.RECIPIENT)),
            entry(8, expect("no-mail-exchanger", BAD_DOMAIN, Stage.DNS, SUPPRESS_RECIPIENT, Party.RECIPIENT)),
            entry(9, expect("host-lookup-failed-temporarily", DNS_FAILURE, Stage.DNS, RETRY, Party.NETWORK)),
            entry(10, expect("mx-points-to-self", ROUTING_ERROR, Stage.DNS, REVIEW, Party.UNKNOWN)),
            entry(11, expect("bind-to-outgoing-ip-failed", LOCAL_POLICY, Stage.CONNECT, FIX_CONFIGURATION,
                    Party.SENDING_MTA)),
            entry(12, expect("smtp-connection-failed", NO_ANSWER_FROM_HOST, Stage.CONNECT, RETRY, Party.NETWORK)),
            entry(13, expect("connection-died", CONNECTION_LOST, Stage.UNKNOWN, RETRY, Party.NETWORK)),
            entry(14, expect("connection-died-possible-duplicate", CONNECTION_LOST, Stage.BODY, RETRY, Party.NETWORK,
                    POSSIBLE_DUPLICATE)),
            entry(15, expect("greeting-failed", NO_ANSWER_FROM_HOST, Stage.GREETING, RETRY, Party.NETWORK)),
            entry(16, expect("helo-rejected", PROTOCOL_ERROR, Stage.HELO, FIX_CONFIGURATION, Party.SENDING_MTA)),
            entry(17, expect("sender-rejected", INVALID_SENDER, Stage.MAIL, FIX_CONFIGURATION,
                    Party.SENDER_CONFIGURATION)),
            entry(18, expect("recipient-rejected", INVALID_RECIPIENT, Stage.RCPT, REVIEW, Party.RECIPIENT)),
            entry(19, expect("data-rejected", POLICY_BLOCK, Stage.DATA, REVIEW, Party.RECEIVING_SYSTEM)),
            entry(20, expect("partial-final-line", CONTENT_REJECTED, Stage.BODY, FIX_CONTENT, Party.SENDER_CONTENT)),
            entry(21, expect("rejected-after-message-sent", POLICY_BLOCK, Stage.BODY, REVIEW, Party.RECEIVING_SYSTEM)),
            entry(22, expect("connection-died-tls-error", CONNECTION_LOST, Stage.TLS, RETRY, Party.NETWORK)),
            entry(23, expect("connection-died-tls-error-possible-duplicate", CONNECTION_LOST, Stage.BODY, RETRY,
                    Party.NETWORK, POSSIBLE_DUPLICATE)),
            entry(24, expect("starttls-connection-died", TLS_FAILURE, Stage.TLS, RETRY, Party.NETWORK)),
            entry(25, tls("starttls-negotiation-failed")),
            entry(26, tls("smtps-tls-negotiation-failed")),
            entry(27, expect("outgoing-ip-not-ipv4", LOCAL_POLICY, Stage.CONNECT, FIX_CONFIGURATION,
                    Party.SENDING_MTA)),
            entry(28, tls("tls-negotiation-failed")),
            entry(29, expect("tls-connection-died", TLS_FAILURE, Stage.TLS, RETRY, Party.NETWORK)),
            entry(30, tls("smtps-negotiation-failed")),
            entry(31, expect("starttls-not-available", TLS_FAILURE, Stage.TLS, FIX_CONFIGURATION,
                    Party.SENDER_CONFIGURATION, NOT_ATTEMPTED)),
            entry(32, expect("relay-server-ip-invalid", LOCAL_POLICY, Stage.CONNECT, FIX_CONFIGURATION,
                    Party.SENDING_MTA)),
            entry(33, expect("relay-server-has-no-ip", ROUTING_ERROR, Stage.DNS, FIX_CONFIGURATION,
                    Party.SENDING_MTA)),
            entry(34, expect("destination-port-invalid", LOCAL_POLICY, Stage.CONNECT, FIX_CONFIGURATION,
                    Party.SENDING_MTA)),
            entry(35, expect("address-without-host", INVALID_RECIPIENT, Stage.QUEUE, SUPPRESS_RECIPIENT,
                    Party.RECIPIENT)),
            entry(36, proxyDown("proxy-server-unreachable")),
            entry(37, proxyDown("throttling-proxy-unreachable")),
            entry(38, proxyDown("greenarrow-proxy-server-unreachable")),
            entry(39, proxyDown("greenarrow-proxy-communication-error")));

    /** Remote replies to embed as {MESSAGE}, by the stage the wrapper names: 5xx, 4xx multi-line, 5xx multi-line. */
    private static final Map<Stage, List<String>> REMOTE_REPLIES = Map.of(
            Stage.GREETING, List.of(
                    "554 5.3.2 mx.example.org ESMTP service not available",
                    "421-4.3.2 mx.example.org Service not available\n421 4.3.2 Too many connections, try again later",
                    "554-5.7.1 mx.example.org does not accept mail from your network\n554 5.7.1 Contact postmaster"),
            Stage.HELO, List.of(
                    "550 5.7.1 <mta1.example.com>: Helo command rejected: Host not found",
                    "450-4.7.1 <mta1.example.com>: Helo command rejected:\n450 4.7.1 Host not found",
                    "504-5.5.2 <mta1>: Helo command rejected:\n504 5.5.2 need fully-qualified hostname"),
            Stage.MAIL, List.of(
                    "553 5.1.8 <bounces@news.example.com>: Sender address rejected: Domain not found",
                    "451-4.1.8 <bounces@news.example.com>: Sender address rejected:\n451 4.1.8 Domain not found",
                    "550-5.7.1 first line\n550 5.7.1 second line"),
            Stage.RCPT, List.of(
                    "550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
                    "452-4.2.2 The email account that you tried to reach is over quota.\n452 4.2.2 Please retry later",
                    "550-5.1.1 The email account that you tried to reach does not exist.\n550 5.1.1 Please check it"),
            Stage.DATA, List.of(
                    "554 5.5.1 Error: no valid recipients",
                    "451-4.3.0 Temporary server error.\n451 4.3.0 Please try again later",
                    "554-5.7.1 Transaction failed\n554 5.7.1 Your sending host is not allowed"),
            Stage.BODY, List.of(
                    "550 5.7.1 Message rejected as spam by Content Filtering.",
                    "451-4.7.0 Temporary server error.\n451 4.7.0 Please try again later. PRX4",
                    "550-5.7.1 first line\n550 5.7.1 second line"));

    @Test
    void expectations_coverEverySeedEntry() {
        assertThat(GreenArrowSeed.entries()).hasSize(GreenArrowSeed.ENTRY_COUNT);
        List<Integer> numbers = IntStream.rangeClosed(1, GreenArrowSeed.ENTRY_COUNT).boxed().toList();
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(EXPECTED.values().stream().map(Expected::id).distinct()).hasSize(GreenArrowSeed.ENTRY_COUNT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classify_seedEntry_givesTheDocumentedVerdict(Case c) {
        Expected expected = EXPECTED.get(c.entry().number());
        String text = c.entry().fill(c.fill());

        Verdict v = ENGINE.classify(text);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(v.rule()).as("rule").contains(new RuleRef("greenarrow", expected.id(),
                EvidenceLevel.VENDOR_TEMPLATE));
        softly.assertThat(v.outcome()).as("outcome").isEqualTo(c.entry().expectedOutcome(c.fill()));
        softly.assertThat(v.category()).as("category").contains(expected.category());
        softly.assertThat(v.advice()).as("advice").isEqualTo(expected.advice());
        softly.assertThat(v.party()).as("party").isEqualTo(expected.party());
        softly.assertThat(v.flags()).as("flags").isEqualTo(expected.flags());
        softly.assertThat(v.origin()).as("origin").isEqualTo(Origin.LOCAL);
        softly.assertThat(v.stage()).as("stage").isEqualTo(expected.stage());
        softly.assertThat(v.bindings()).as("bindings").isEqualTo(c.entry().bindings(c.fill()));
        softly.assertThat(v.explanation()).as("explanation").isNotBlank();
        if (c.entry().has("MESSAGE")) {
            softly.assertThat(v.inner()).as("inner").isPresent();
            v.inner().ifPresent(inner -> {
                softly.assertThat(inner.origin()).as("inner origin").isEqualTo(Origin.REMOTE);
                softly.assertThat(inner.stage()).as("inner stage").isEqualTo(expected.stage());
                softly.assertThat(inner.code()).as("inner code")
                        .hasValue(Integer.parseInt(c.fill().message().substring(0, 3)));
                // With this plugin alone nothing but the class digit can classify the remote reply, so the
                // wrapper keeps its own fallback category instead of inheriting one.
                softly.assertThat(inner.level()).as("inner evidence level").contains(EvidenceLevel.CLASS);
            });
        } else {
            softly.assertThat(v.inner()).as("inner").isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void classify_helloRejectedWithPermanentRemoteReply_staysDeferred() {
        Verdict v = ENGINE.classify("Connected to 192.0.2.25 but my name was rejected/Remote host said: "
                + "550 5.7.1 <mta1.example.com>: Helo command rejected: Host not found");

        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.inner()).map(Verdict::outcome).contains(Outcome.FAILED);
    }

    @Test
    void classify_recipientRejected_bindsTheFirstIpAndKeepsTheRemoteReplyWhole() {
        String reply = "550-5.1.1 The email account that you tried to reach does not exist.\n550 5.1.1 Please check it";
        Verdict v = ENGINE.classify("2001:db8::25 does not like recipient./Remote host said: " + reply
                + "/Giving up on 2001:db8::25");

        assertThat(v.rule()).map(RuleRef::id).contains("greenarrow.recipient-rejected");
        assertThat(v.bindings()).containsEntry("IP", "2001:db8::25").containsEntry("MESSAGE", reply);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Entry entry : GreenArrowSeed.entries()) {
            Set<Fill> fills = new LinkedHashSet<>();
            if (entry.has("MESSAGE")) {
                List<String> replies = REMOTE_REPLIES.get(EXPECTED.get(entry.number()).stage());
                fills.add(new Fill(IPV4, "mail.example.org", replies.get(0)));
                fills.add(new Fill(IPV6, "mail.example.org", replies.get(1)));
                fills.add(new Fill(IPV4, "mail.example.org", replies.get(2)));
            } else {
                fills.add(new Fill(IPV4, "mail.example.org", ""));
                fills.add(new Fill(IPV6, "MX-1.Example_Relay.example.net", ""));
            }
            // Placeholder-free templates fill the same way every time: keep one case for them.
            Set<String> texts = new LinkedHashSet<>();
            for (Fill fill : fills) {
                if (texts.add(entry.fill(fill))) {
                    cases.add(new Case(entry, fill));
                }
            }
        }
        return cases.stream();
    }

    private static Expected expect(String name, Category category, Stage stage, Advice advice, Party party,
            Flag... flags) {
        Set<Flag> set = EnumSet.noneOf(Flag.class);
        set.addAll(List.of(flags));
        return new Expected("greenarrow." + name, category, stage, advice, party, set);
    }

    /** GreenArrow's own throttling (logged as status=connmaxout): nothing was attempted. */
    private static Expected throttled(String name, Advice advice) {
        return expect(name, LOCAL_POLICY, Stage.QUEUE, advice, Party.SENDING_MTA, NOT_ATTEMPTED);
    }

    /** A proxy in front of the destination could not be used: the destination was never contacted. */
    private static Expected proxyDown(String name) {
        return expect(name, LOCAL_POLICY, Stage.CONNECT, REVIEW, Party.SENDING_MTA, NOT_ATTEMPTED);
    }

    private static Expected tls(String name) {
        return expect(name, TLS_FAILURE, Stage.TLS, FIX_CONFIGURATION, Party.SENDER_CONFIGURATION);
    }

    private record Expected(String id, Category category, Stage stage, Advice advice, Party party, Set<Flag> flags) {
    }

    /** One filled-in seed message. */
    record Case(Entry entry, Fill fill) {
        @Override
        public String toString() {
            return "#" + entry.number() + " " + entry.fill(fill).replace("\n", "\\n");
        }
    }
}
