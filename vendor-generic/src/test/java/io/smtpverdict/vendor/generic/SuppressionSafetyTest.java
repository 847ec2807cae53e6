package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Texts that name the sender's account, the receiving system's own parts or a failure of the session, in words that
 * generic keywords also use for a recipient ("disabled", "suspended", "unknown", "not found"). Advising to suppress the
 * recipient on any of them would drop valid addresses, the most costly mistake a bounce handler can make.
 */
final class SuppressionSafetyTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    @ParameterizedTest
    @ValueSource(strings = {
        "535 5.7.8 Authentication failed: account disabled",
        "550 5.7.1 Sending disabled for this account",
        "554 5.7.1 Your account has been suspended for sending spam",
        "550 Outbound mail disabled for this user",
        "550 5.7.1 This sender account has been deactivated",
        "550 5.7.0 Sender is suspended",
        "550 SMTP AUTH user is disabled",
        "421 4.7.0 Service temporarily disabled",
        "451 4.3.0 Unknown temporary error",
        "554 5.3.0 Mailer not found",
        "451 4.3.0 Spool file not found",
        "x509: certificate signed by unknown authority",
        "Attempt 3 of 250 failed: connection timed out",
        "550 5.1.7 Sender address does not exist",
        "553 5.1.8 Sender domain does not exist",
        "550 Your envelope sender is unknown",
        "553 5.1.2 The sender's domain does not exist",
        "550 5.1.1 <bounce@example.org>... Return path invalid: user unknown",
        "550 5.1.1 Your domain has no DNS MX record",
        "554 5.7.1 Domain of your sending IP is unknown",
        "550 5.7.1 Unable to find a valid SPF record: domain not found",
        "550 The domain of your From header does not exist",
        "550 5.7.0 DMARC: domain not found"
    })
    void classify_senderOrSystemWording_neverSuppressesTheRecipient(String text) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.advice()).as("%s -> %s", text, v.rule()).isNotEqualTo(Advice.SUPPRESS_RECIPIENT);
    }
}
