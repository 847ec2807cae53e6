package io.smtpverdict.vendor.exchange;

import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONTENT_REJECTED;
import static io.smtpverdict.spi.Category.DNS_FAILURE;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.MESSAGE_EXPIRED;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.POLICY_BLOCK;
import static io.smtpverdict.spi.Category.RATE_LIMITED;
import static io.smtpverdict.spi.Category.RELAY_DENIED;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.TLS_FAILURE;
import static io.smtpverdict.spi.Category.TRANSIENT_OTHER;
import static io.smtpverdict.spi.Origin.LOCAL;
import static io.smtpverdict.spi.Origin.REMOTE;
import static io.smtpverdict.spi.Origin.UNKNOWN;
import static io.smtpverdict.spi.Outcome.DEFERRED;
import static io.smtpverdict.spi.Outcome.FAILED;

import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Texts of Exchange Server and Exchange Online NDRs, built from Microsoft's pages "Email non-delivery reports and
 * SMTP errors in Exchange Online" and "DSNs and NDRs in Exchange Server" with realistic hosts and addresses, and the
 * verdict each page says they mean. The rule tables' own examples are not repeated here.
 */
final class ExchangeGolden {
    private ExchangeGolden() {
    }

    /** Line, outcome, category (null: the embedded reply decides), stage, origin, deciding rule id without prefix. */
    static Stream<Arguments> lines() {
        return Stream.of(
                // the administrators' section quotes the remote reply
                Arguments.of("Diagnostic information for administrators:\nGenerating server: mail.fabrikam.example\n"
                        + "sales@contoso.example\nmx.contoso.example #<mx.contoso.example #5.1.1 smtp;550 5.1.1"
                        + " <sales@contoso.example>: Recipient address rejected: User unknown> #SMTP#",
                        FAILED, null, Stage.UNKNOWN, LOCAL, "diagnostic-smtp-wrapper"),
                Arguments.of("Remote Server returned '554 5.7.1 Service unavailable; Client host [198.51.100.4]"
                        + " blocked using zen.spamhaus.org'",
                        FAILED, null, Stage.UNKNOWN, LOCAL, "remote-server-returned"),
                // the sending Exchange's own codes
                Arguments.of("Remote Server returned '550 4.4.7 QUEUE.Expired; message expired'",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "remote-server-returned"),
                Arguments.of("#550 4.4.7 QUEUE.Expired; message expired ##",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "diagnostic-hash-reply"),
                Arguments.of("450 4.4.316 Connection refused [Message=Socket error code 10061]"
                        + " [LastAttemptedServerName=mx.contoso.example]",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "connection-refused-socket"),
                Arguments.of("#550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain ##",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "diagnostic-hash-reply"),
                // Exchange 2007 and 2010 quote a remote server's reply after its name, between '#' and '##'
                Arguments.of("Diagnostic information for administrators:\nGenerating server: mail.fabrikam.example\n"
                        + "sales@contoso.example\nmx.contoso.example #550 sales@contoso.example: Mailbox not found ##",
                        FAILED, null, Stage.UNKNOWN, LOCAL, "diagnostic-hash-reply"),
                Arguments.of("451 4.4.0 DNS query failed. The error was: DNS query failed with error ServerFailure",
                        DEFERRED, DNS_FAILURE, Stage.DNS, LOCAL, "dns-query-failed"),
                Arguments.of("550 5.7.323 tlsa-invalid: The domain failed DANE validation.",
                        FAILED, TLS_FAILURE, Stage.TLS, LOCAL, "dane-tlsa-invalid"),
                // replies of a receiving Exchange / Exchange Online
                Arguments.of("550 5.4.1 [sales@contoso.example]: Recipient address rejected: Access denied",
                        FAILED, INVALID_RECIPIENT, Stage.RCPT, REMOTE, "recipient-access-denied"),
                Arguments.of("Remote Server returned '550 5.4.1 Relay Access Denied'",
                        FAILED, ROUTING_ERROR, Stage.UNKNOWN, LOCAL, "remote-server-returned"),
                Arguments.of("550 5.7.135 Sender was not authenticated for public folder",
                        FAILED, POLICY_BLOCK, Stage.UNKNOWN, REMOTE, "sender-not-authenticated"),
                Arguments.of("mail.contoso.example #<mail.contoso.example #5.7.64 smtp;550 5.7.64 TenantAttribution;"
                        + " Relay Access Denied> #SMTP#",
                        FAILED, RELAY_DENIED, Stage.UNKNOWN, LOCAL, "diagnostic-smtp-wrapper"),
                Arguments.of("550 5.7.508 Access denied, [2001:db8:1::7] has exceeded permitted limits within /48 range",
                        FAILED, RATE_LIMITED, Stage.UNKNOWN, REMOTE, "ipv6-range-limits"),
                Arguments.of("550 5.7.999 Delivery not authorized, message refused",
                        FAILED, POLICY_BLOCK, Stage.UNKNOWN, REMOTE, "transport-rule-rejected"),
                Arguments.of("5.6.11 Invalid characters",
                        FAILED, CONTENT_REJECTED, Stage.UNKNOWN, UNKNOWN, "invalid-characters"),
                // the delay notice ends with "can't be delivered by that time" and is still only a delay
                Arguments.of("Delivery is delayed to these recipients or groups:\n\nsales@contoso.example\n\n"
                        + "The server will keep trying to deliver this message for the next 2 days, 3 hours and 5 minutes."
                        + " You'll be notified if the message can't be delivered by that time.",
                        DEFERRED, TRANSIENT_OTHER, Stage.QUEUE, LOCAL, "delay-notification"),
                // the final NDR carries the transient code 4.4.7
                Arguments.of("sales@contoso.example on 7/11/2026 9:20 AM\nCould not deliver the message in the time limit"
                        + " specified. Please retry or contact your administrator.\n<mail.fabrikam.example #4.4.7>",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "time-limit-expired"),
                Arguments.of("mail.fabrikam.example #<mail.contoso.example #5.7.3 smtp;530 5.7.3 Not Authorized> #SMTP#",
                        FAILED, RELAY_DENIED, Stage.UNKNOWN, LOCAL, "diagnostic-smtp-wrapper"),
                // Exchange 4.0-5.5 NDRs as the Microsoft Knowledge Base articles quote them: the reason line under the
                // recipient decides the category, the report itself is final
                Arguments.of(legacyNdr("'User, Joe'", "The recipient name is not recognized\n"
                        + "The MTS-ID of the original message is: c=US;a= ;p=Fabrikam;l=SERVER01-990916155752Z-32651\n"
                        + "MSEXCH:MSExchangeMTA:SITE01:SERVER01"),
                        FAILED, INVALID_RECIPIENT, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                Arguments.of(legacyNdr("'sales@contoso.invalid'", "The recipient name is not recognized\n"
                        + "MSEXCH:IMC:FABRIKAM:SITE:ORG 3902 Host Unknown"),
                        FAILED, BAD_DOMAIN, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                Arguments.of(legacyNdr("'sales@contoso.example'", "Unable to deliver the message due to a communications"
                        + " failure\nMSEXCH:IMS:Fabrikam:Site:MAIL01 3902 (000B099C) Host Unknown"),
                        FAILED, DNS_FAILURE, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                Arguments.of(legacyNdr("Doe, John", "The recipient could not be processed due to congestion in the"
                        + " message transfer service.\nMSEXCH:MSExchangeMTA:SITE:MAIL21"),
                        FAILED, NO_ANSWER_FROM_HOST, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                Arguments.of(legacyNdr("Test User", "A restriction in the system prevented delivery of the message.\n"
                        + "MSEXCH:MSExchangeMTA:Site:MAIL01"),
                        FAILED, POLICY_BLOCK, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                Arguments.of(legacyNdr("Testuser", "A syntax error was detected in the content of the message\n"
                        + "MSEXCH:MSExchangeMTA:Fabrikam:MAIL01"),
                        FAILED, CONTENT_REJECTED, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                Arguments.of(legacyNdr("USER, Test", "The recipient was detected looping within the message transfer"
                        + " service."),
                        FAILED, ROUTING_ERROR, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                Arguments.of(legacyNdr("Mailbox1", "The message could not be delivered because you do not have\n"
                        + "create permissions on this folder or it is only available to folder\n"
                        + "owners at this time MSEXCH:MSExchangeMTA:SITE:MAIL01"),
                        FAILED, POLICY_BLOCK, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                Arguments.of(legacyNdr("/o=FABRIKAM/ou=SITE/cn=RECIPIENTS/cn=DELETED_USER",
                        "A required directory operation was unsuccessful\nMSEXCH:MSExchangeMTA:SITE:MAIL01"),
                        FAILED, INVALID_RECIPIENT, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"),
                // the Internet Mail Service passes on its smart host's refusal under "not recognized": the refusal
                // decides, which is the receivers' wording (no category from this plugin alone)
                Arguments.of(legacyNdr("'sales@contoso.example'", "The recipient name is not recognized.\n"
                        + "Microsoft Exchange:IMS:Fabrikam:fabrikam.example\n"
                        + "mail01(0000B0981)  751 relay => We do not relay"),
                        FAILED, null, Stage.UNKNOWN, LOCAL, "legacy-ndr-not-reached"));
    }

    private static String legacyNdr(String recipient, String reason) {
        return "Your message did not reach some or all of the intended recipients.\n\n      Subject:\ttest\n"
                + "      Sent:\t9/16/99 11:58 AM\n\nThe following recipient(s) could not be reached:\n\n      "
                + recipient + " on 9/16/99 11:58 AM\n            " + reason + "\n";
    }

    /** Other servers' replies the Exchange plugin must leave to others, some worded like Microsoft's. */
    static List<String> notOurs() {
        return List.of(
                "554 5.7.1 <sales@example.net>: Recipient address rejected: Access denied",
                "550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown in virtual mailbox table",
                "451 4.3.0 Temporary server error. Please try again later",
                "Message expired",
                "550 5.7.1 Not authorized to send to this list");
    }
}
