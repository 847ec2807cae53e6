package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The IANA SMTP Enhanced Status Codes registry's name of a code, sent as a reply's text without the code, gets the
 * category the code itself gets: a server that writes only the name (OpenSMTPD's esc.c spells the names out) says
 * the same thing as one that sends the code.
 */
final class RegistryNamesTest {
    private static VerdictEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = VerdictEngine.builder().plugin(new GenericPlugin()).build();
    }

    @ParameterizedTest(name = "X.{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "1.1 | Bad destination mailbox address",
        "1.2 | Bad destination system address",
        "1.3 | Bad destination mailbox address syntax",
        "1.4 | Destination mailbox address ambiguous",
        "1.6 | Destination mailbox has moved, No forwarding address",
        "1.7 | Bad sender's mailbox address syntax",
        "1.8 | Bad sender's system address",
        "1.10 | Recipient address has null MX",
        "2.1 | Mailbox disabled, not accepting messages",
        "2.2 | Mailbox full",
        "2.3 | Message length exceeds administrative limit",
        "2.4 | Mailing list expansion problem",
        "3.0 | Other or undefined mail system status",
        "3.1 | Mail system full",
        "3.2 | System not accepting network messages",
        "3.3 | System not capable of selected features",
        "3.4 | Message too big for system",
        "4.0 | Other or undefined network or routing status",
        "4.1 | No answer from host",
        "4.2 | Bad connection",
        "4.3 | Directory server failure",
        "4.4 | Unable to route",
        "4.5 | Mail system congestion",
        "4.6 | Routing loop detected",
        "4.7 | Delivery time expired",
        "5.2 | Syntax error",
        "5.3 | Too many recipients",
        "5.5 | Wrong protocol version",
        "5.6 | Authentication Exchange line is too long",
        "6.0 | Other or undefined media error",
        "6.1 | Media not supported",
        "6.2 | Conversion required and prohibited",
        "6.3 | Conversion required but not supported",
        "6.4 | Conversion with loss performed",
        "6.5 | Conversion Failed",
        "6.6 | Message content not available",
        "6.7 | Non-ASCII addresses not permitted for that sender/recipient",
        "6.8 | UTF-8 string reply is required, but not permitted by the SMTP client",
        "6.9 | UTF-8 header message cannot be transferred to one or more recipients",
        "7.1 | Delivery not authorized, message refused",
        "7.2 | Mailing list expansion prohibited",
        "7.3 | Security conversion required but not possible",
        "7.4 | Security features not supported",
        "7.5 | Cryptographic failure",
        "7.6 | Cryptographic algorithm not supported",
        "7.7 | Message integrity failure",
        "7.8 | Authentication credentials invalid",
        "7.9 | Authentication mechanism is too weak",
        "7.10 | Encryption Needed",
        "7.11 | Encryption required for requested authentication mechanism",
        "7.12 | A password transition is needed",
        "7.13 | User Account Disabled",
        "7.14 | Trust relationship required",
        "7.15 | Priority Level is too low",
        "7.16 | Message is too big for the specified priority",
        "7.17 | Mailbox owner has changed",
        "7.18 | Domain owner has changed",
        "7.19 | RRVS test cannot be completed",
        "7.20 | No passing DKIM signature found",
        "7.21 | No acceptable DKIM signature found",
        "7.22 | No valid author-matched DKIM signature found",
        "7.23 | SPF validation failed",
        "7.24 | SPF validation error",
        "7.25 | Reverse DNS validation failed",
        "7.26 | Multiple authentication checks failed",
        "7.27 | Sender address has null MX",
        "7.28 | Mail flood detected",
        "7.29 | ARC validation failure",
        "7.30 | REQUIRETLS support required"})
    void classify_registryNameAlone_hasTheCategoryOfItsCode(String code, String name) {
        assertThat(engine.classify(name).category())
                .as("'%s' alone against 550 5.%s", name, code)
                .isEqualTo(engine.classify("550 5." + code).category())
                .isPresent();
    }
}
