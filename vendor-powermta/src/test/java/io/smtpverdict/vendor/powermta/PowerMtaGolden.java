package io.smtpverdict.vendor.powermta;

import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.DNS_FAILURE;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.LOCAL_POLICY;
import static io.smtpverdict.spi.Category.MAILBOX_FULL;
import static io.smtpverdict.spi.Category.MAILBOX_INACTIVE;
import static io.smtpverdict.spi.Category.MESSAGE_EXPIRED;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.POLICY_BLOCK;
import static io.smtpverdict.spi.Category.SUPPRESSED;
import static io.smtpverdict.spi.Origin.LOCAL;
import static io.smtpverdict.spi.Outcome.DEFERRED;
import static io.smtpverdict.spi.Outcome.FAILED;

import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Texts PowerMTA writes itself, built from the PowerMTA v5.0 User's Guide (its common "last errors", rate-limit
 * messages, suppression-list bounce record, DSN statuses and bounce categories) with other hosts, addresses and list
 * names than the rule table's own examples, and the verdict each one means.
 */
final class PowerMtaGolden {
    private PowerMtaGolden() {
    }

    /** Text, outcome, category, stage, origin, deciding rule id without prefix. */
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("ETIMEDOUT connecting to mx7.shop.example (203.0.113.70)",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "etimedout-connecting"),
                Arguments.of("ETIMEDOUT in connection to in.shop.example (203.0.113.71)",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.UNKNOWN, LOCAL, "etimedout-in-connection"),
                Arguments.of("ECONNREFUSED connecting to in.shop.example (203.0.113.71)",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "econnrefused"),
                Arguments.of("EDISCON in connection to mx7.shop.example (203.0.113.70)",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "ediscon"),
                Arguments.of("StatusDnsQueryFailed resolving shop.example",
                        DEFERRED, DNS_FAILURE, Stage.DNS, LOCAL, "dns-query-failed"),
                Arguments.of("message rate limit reached (based on max-smtp-msg-rate in configuration)",
                        DEFERRED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "rate-limit-reached"),
                Arguments.of("message rate limit reached (based on max-data-volume-rate in configuration)",
                        DEFERRED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "rate-limit-reached"),
                Arguments.of("smtp;550 5.7.1 recipient is in suppression list \"bounced-2024\": <buyer@shop.example>",
                        FAILED, SUPPRESSED, Stage.QUEUE, LOCAL, "suppression-list"),
                Arguments.of("5.3.5 (specified VirtualMTA does not exist)",
                        FAILED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "virtual-mta-missing"),
                Arguments.of("5.1.2 (bad destination system: no such domain)",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "no-such-domain"),
                Arguments.of("bad-mailbox",
                        FAILED, INVALID_RECIPIENT, Stage.UNKNOWN, LOCAL, "bounce-category.bad-mailbox"),
                Arguments.of("message-expired",
                        FAILED, MESSAGE_EXPIRED, Stage.UNKNOWN, LOCAL, "bounce-category.message-expired"),
                Arguments.of("quota-issues",
                        DEFERRED, MAILBOX_FULL, Stage.UNKNOWN, LOCAL, "bounce-category.quota-issues"),
                Arguments.of("policy-related",
                        FAILED, POLICY_BLOCK, Stage.UNKNOWN, LOCAL, "bounce-category.policy-related"),
                Arguments.of("X-PowerMTA-BounceCategory: inactive-mailbox",
                        FAILED, MAILBOX_INACTIVE, Stage.UNKNOWN, LOCAL, "bounce-category.inactive-mailbox"));
    }

    /**
     * The bounce categories the PowerMTA User's Guide (11.6) defines, except "other", which names no cause: each must
     * come back as the same name in the verdict's PowerMTA compatibility column.
     */
    static List<String> bounceCategories() {
        return List.of("bad-configuration", "bad-connection", "bad-domain", "bad-mailbox", "content-related",
                "inactive-mailbox", "invalid-sender", "message-expired", "no-answer-from-host", "policy-related",
                "protocol-errors", "quota-issues", "relaying-issues", "routing-errors", "spam-related",
                "virus-related");
    }

    /** Other MTAs' texts, remote replies and common words the PowerMTA plugin leaves to others. */
    static List<String> notOurs() {
        return List.of(
                "550 5.1.1 <buyer@shop.example>: Recipient address rejected: User unknown",
                "smtp;554 5.7.1 Denied - Spam Suspected",
                "Sorry, I couldn't find any host named shop.example. (#5.1.2)",
                "connect to mx7.shop.example[203.0.113.70]:25: Connection timed out",
                "550 5.1.2 Host bad-domain.example not found",
                "Recipient (buyer@shop.example) is on the suppression list (reason: too many hard fails)",
                "other",
                "421 4.7.0 Error: too many errors");
    }
}
