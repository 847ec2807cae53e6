package io.smtpverdict.vendor.kumomta;

import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.CONTENT_REJECTED;
import static io.smtpverdict.spi.Category.DNS_FAILURE;
import static io.smtpverdict.spi.Category.LOCAL_POLICY;
import static io.smtpverdict.spi.Category.MESSAGE_EXPIRED;
import static io.smtpverdict.spi.Category.MESSAGE_TOO_LARGE;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.RATE_LIMITED;
import static io.smtpverdict.spi.Category.RELAY_DENIED;
import static io.smtpverdict.spi.Category.REMOTE_SERVER_ERROR;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.TLS_FAILURE;
import static io.smtpverdict.spi.Category.TOO_MANY_RECIPIENTS;
import static io.smtpverdict.spi.Category.TRANSIENT_OTHER;
import static io.smtpverdict.spi.Origin.LOCAL;
import static io.smtpverdict.spi.Origin.REMOTE;
import static io.smtpverdict.spi.Outcome.DEFERRED;
import static io.smtpverdict.spi.Outcome.FAILED;

import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Responses kumod writes itself and replies its SMTP server sends, built from the format strings of KumoMTA's source
 * (crates/kumod/src, crates/rfc5321/src, crates/mailexchanger/src) with other names, addresses and durations than the
 * rule table's own examples, and the verdict each one means. Log records carry them as the response's single line:
 * the code, the enhanced code when there is one, then the content.
 */
final class KumoMtaGolden {
    private KumoMtaGolden() {
    }

    /**
     * Text, outcome, category (null: the embedded reply decides and this plugin alone does not know it), stage,
     * origin, deciding rule id without prefix.
     */
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("556 5.1.10 Recipient address has a null MX",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "null-mx"),
                Arguments.of("451 4.4.4 MX didn't resolve to any hosts",
                        DEFERRED, ROUTING_ERROR, Stage.DNS, LOCAL, "mx-resolved-to-zero-hosts"),
                Arguments.of("550 5.4.4 192.168.10.4 is on the list of prohibited_hosts {192.168.0.0/16}",
                        FAILED, ROUTING_ERROR, Stage.DNS, LOCAL, "mx-prohibited-host"),
                Arguments.of("451 4.4.4 failed to resolve queue campaign:tenant@example.org: MX lookup for example.org"
                        + " failed after 10.002s: request timed out",
                        DEFERRED, DNS_FAILURE, Stage.DNS, LOCAL, "mx-lookup-failed"),
                Arguments.of("451 4.4.4 failed to resolve queue nosuch.example: MX lookup for nosuch.example failed"
                        + " after 4ms: NXDOMAIN",
                        DEFERRED, BAD_DOMAIN, Stage.DNS, LOCAL, "mx-lookup-nxdomain"),
                Arguments.of("400 KumoMTA internal: failed to connect to any candidate hosts: connect to"
                        + " 203.0.113.80:25 and read initial banner: Connection refused (os error 111), connect to"
                        + " 203.0.113.81:25 and read initial banner: Connection refused (os error 111)",
                        DEFERRED, null, Stage.CONNECT, LOCAL, "failed-to-connect-any-host"),
                Arguments.of("400 KumoMTA internal: failed to connect to any candidate hosts: All failures are related"
                        + " to OpportunisticInsecure STARTTLS. Consider setting enable_tls=Disabled for this site."
                        + " 203.0.113.80:25: EHLO after OpportunisticInsecure STARTTLS handshake status: OK",
                        DEFERRED, TLS_FAILURE, Stage.TLS, LOCAL, "all-failures-opportunistic-tls"),
                Arguments.of("421 4.4.2 KumoMTA internal: failed to send message to pool2->mx2.example.org@smtp_client"
                        + " Some(ResolvedAddress { name: \"mx2.example.org.\", addr: 203.0.113.82 }): Timed Out waiting"
                        + " 30s for response to Some(Command(\"DATA\\r\\n\"))",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "timeout-waiting-response"),
                Arguments.of("421 4.4.2 KumoMTA internal: failed to send message to pool2->mx2.example.org@smtp_client"
                        + " Some(ResolvedAddress { name: \"mx2.example.org.\", addr: 203.0.113.82 }): Timed Out waiting"
                        + " 5m for response to Some(Command(\".\\r\\n\"))",
                        DEFERRED, CONNECTION_LOST, Stage.DATA, LOCAL, "timeout-after-final-dot"),
                Arguments.of("451 5.7.1 Message refused by policy (kumomta: status was rewritten from 550 -> 451)",
                        DEFERRED, null, Stage.UNKNOWN, REMOTE, "status-rewritten"),
                Arguments.of("TLS handshake with ResolvedAddress { name: \"mx.example.org.\", addr: 203.0.113.80 }:25"
                        + " failed: received fatal alert: HandshakeFailure",
                        DEFERRED, TLS_FAILURE, Stage.TLS, LOCAL, "tls-handshake-failed"),
                Arguments.of("tls policy is RequiredInsecure but STARTTLS is not advertised by ResolvedAddress { name:"
                        + " \"mx.example.org.\", addr: 203.0.113.80 }:25",
                        DEFERRED, TLS_FAILURE, Stage.TLS, LOCAL, "starttls-not-advertised"),
                Arguments.of("554 5.6.3 KumoMTA internal: DATA is 8bit, destination does not support 8BITMIME."
                        + " Conversion via msg:check_fix_conformance during reception is required",
                        FAILED, CONTENT_REJECTED, Stage.DATA, LOCAL, "data-8bit-unsupported"),
                Arguments.of("551 5.4.7 Next delivery time would be 3days 4h after creation, which exceeds"
                        + " max_age=3days",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "expired-max-age"),
                Arguments.of("551 5.7.1 Administrator bounced with reason: list hygiene",
                        FAILED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "admin-bounce"),
                Arguments.of("451 4.4.4 KumoMTA internal: scheduled queue is suspended: ISP asked us to pause",
                        DEFERRED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "scheduled-queue-suspended"),
                Arguments.of("451 4.4.4 KumoMTA internal: acme@example.org throttled message rate, delay=1m 3s",
                        DEFERRED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "message-rate-throttled"),
                Arguments.of("451 4.4.4 KumoMTA internal: no sources for example.org pool=`warmup` are eligible for"
                        + " selection at this time",
                        DEFERRED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "no-sources-eligible"),
                Arguments.of("451 4.4.1 bulk delay of ready queue: too many successive connection failures where there"
                        + " was no answer from any hosts listed in MX",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "too-many-connection-failures"),
                Arguments.of("451 4.4.1 KumoMTA internal: returning message to scheduled queue",
                        DEFERRED, TRANSIENT_OTHER, Stage.QUEUE, LOCAL, "returning-to-scheduled-queue"),
                Arguments.of("421 4.3.2 inbound.example.org too many concurrent sessions. Try later",
                        DEFERRED, RATE_LIMITED, Stage.CONNECT, REMOTE, "server-too-many-sessions"),
                Arguments.of("421 4.3.2 inbound.example.org disk is too full. Try later",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.CONNECT, REMOTE, "server-disk-full"),
                Arguments.of("550 5.7.1 relaying not permitted for 198.51.100.23:40112",
                        FAILED, RELAY_DENIED, Stage.RCPT, REMOTE, "server-relaying-denied"),
                Arguments.of("552 5.3.4 message too big",
                        FAILED, MESSAGE_TOO_LARGE, Stage.DATA, REMOTE, "server-message-too-big"),
                Arguments.of("421 4.5.3 inbound.example.org too many recipients on this connection",
                        DEFERRED, TOO_MANY_RECIPIENTS, Stage.RCPT, REMOTE, "server-too-many-recipients-connection"));
    }

    /** Other MTAs' texts the KumoMTA plugin must leave to others. */
    static List<String> notOurs() {
        return List.of(
                "550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown",
                "host mx.example.net[198.51.100.4] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
                "554 5.7.1 <ana@example.com>: Relay access denied",
                "552 5.3.4 Message size exceeds fixed limit",
                "421 4.4.2 Connection timeout while reading reply",
                "452 4.5.3 Error: too many recipients",
                "Sorry, I couldn't find any host named exampel.net. (#5.1.2)");
    }
}
