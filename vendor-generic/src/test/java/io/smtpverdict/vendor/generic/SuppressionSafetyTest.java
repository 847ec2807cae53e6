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
 * recipient on any of them would drop valid addresses, the most costly mistake a bounce handler can make. The list
 * ends with the refusals that submission and relay services document for the sending account, its login, address,
 * domain, IP or sending limits (Google, Microsoft, Amazon SES, SendGrid, SMTP2GO, Zoho, SparkPost, Postmark, cPanel),
 * and with what the sending side's own software writes: TLS library errors (OpenSSL, GnuTLS, Java, .NET, Go) and mail
 * client libraries' login, connection and host-lookup failures (PHPMailer, Nodemailer, Jakarta Mail, smtplib, net/smtp).
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
        "550 5.7.0 DMARC: domain not found",
        "550 5.7.0 Mail relay denied [192.0.2.10]. Invalid credentials for relay for one of the domains in: example.com (as obtained from HELO and MAIL FROM). Email is being sent from a domain or IP address which isn't registered in your Workspace account. - gsmtp",
        "550 5.7.1 Invalid credentials for relay [192.0.2.10]. The IP address you've registered in your Workspace SMTP Relay service doesn't match domain of the account this email is being sent from. - gsmtp",
        "550 5.7.1 Daily SMTP relay limit exceeded for customer. - gsmtp",
        "550 5.4.5 Daily SMTP relay limit exceeded for user. - gsmtp",
        "450 4.2.1 Peak SMTP relay limit exceeded for customer. This is a temporary error. - gsmtp",
        "550 5.4.5 Daily user sending limit exceeded. - gsmtp",
        "550 5.7.1 Email quota exceeded. - gsmtp",
        "535-5.7.8 Username and Password not accepted. Learn more at 535 5.7.8 https://support.google.com/mail/?p=BadCredentials - gsmtp",
        "534-5.7.9 Application-specific password required. Learn more at 534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp",
        "534 5.7.14 Please log in via your web browser and then try again. - gsmtp",
        "454 4.7.0 Too many login attempts, please try again later. - gsmtp",
        "454 4.7.0 Cannot authenticate due to a temporary system problem. Try again later. - gsmtp",
        "530 5.7.0 Must issue a STARTTLS command first. - gsmtp",
        "530 5.5.1 Authentication Required. - gsmtp",
        "503 5.7.0 No identity changes permitted. - gsmtp",
        "554 5.7.0 Too many unauthenticated commands. - gsmtp",
        "421 4.7.0 Try again later, closing connection. - gsmtp",
        "530 5.7.57 Client not authenticated to send mail.",
        "550 5.7.60 SMTP; Client does not have permissions to send as this sender",
        "550 5.7.64 TenantAttribution; Relay Access Denied",
        "550 5.7.64 Relay Access Denied ATTR36. For more details please refer to: https://support.microsoft.com/kb/3169958",
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.",
        "535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.",
        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
        "550 5.2.251 Sender throttled due to continuous mailbox full errors.",
        "550 5.2.255 Sender throttled due to continuous invalid recipients errors.",
        "535 5.7.3 Authentication unsuccessful",
        "550 5.7.30 Basic authentication is not supported for Client Submission.",
        "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.",
        "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.",
        "Your message couldn't be delivered because you weren't recognized as a valid sender. The most common reason for this is that your email address is suspected of sending spam and it's no longer allowed to send email. Contact your email admin for assistance. Remote Server returned '550 5.1.8 Access denied, bad outbound sender.'",
        "550 5.1.8 Access denied, bad outbound sender.",
        "550 5.7.705 Access denied, tenant has exceeded threshold",
        "550 5.7.501 Access denied, spam abuse detected",
        "550 5.7.511 Access denied, banned sender",
        "550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)",
        "554 5.2.252 SendAsDenied; sender@contoso.com not allowed to send as sendas@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.",
        "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message Cannot submit message.",
        "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients.",
        "451 4.7.500 Server busy. Please try again later from [192.0.2.10]. (AS761)",
        "403 You are not authorized to send from that email address",
        "535 Authentication failed: Bad username / password",
        "554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: sender@example.com",
        "554 Message rejected: Sending paused for this account. For more information, please check the AWS Management Console.",
        "554 Message rejected: Sending suspended for this account. For more information, please check the inbox of the email address associated with your AWS account.",
        "535 Authentication Credentials Invalid",
        "454 Throttling failure: Maximum sending rate exceeded.",
        "454 Throttling failure: Daily message quota exceeded.",
        "550 5.4.6 Unusual sending activity detected.",
        "554 5.1.8 Sender Address Blocked",
        "554 5.1.8 Email Outgoing Blocked.",
        "535 Authentication Failed.",
        "530 Must issue a STARTTLS command first.",
        "550 that SMTP username's account is not allowed to send",
        "535 Incorrect authentication data",
        "550 Relay access denied - please authenticate",
        "550 From header sender domain not verified",
        "Domain example.com has exceeded the max emails per hour (500/500 (100%)) allowed. Message discarded.",
        "Domain example.com has exceeded the max emails per hour (2/2 (100%)) allowed. Message will be reattempted later",
        "Domain example.com has exceeded the max defers and failures per hour (5/5 (100%)) allowed. Message discarded.",
        "Domain example.com has an outgoing mail suspension. Message discarded.",
        "Domain example.com has an outgoing mail hold. Message will be reattempted later",
        "553 5.7.1 <sender@example.com>: Sender address rejected: not owned by user user@example.com",
        "550 5.7.1 Client does not have permissions to send as this sender",
        "550 5.7.1 Anonymous client does not have permission to send as this sender",
        "550 5.7.1 Unconfigured Sending Domain <example.com>",
        "Sender signature not confirmed",
        "Account May Not Send",
        "Account is Pending",
        "550 5.1.0 Naruszenie zasad cNkj1y0022zrrQM01NkjaD, zobacz https://support.forpsi.com/kb/a4071",
        "You have reached a limit for sending mail. Your message was not sent.",
        "javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)",
        "The certificate is NOT trusted. The certificate issuer is unknown.",
        "javax.mail.MessagingException: Unknown SMTP host: smtp.example.com",
        "Net::OpenTimeout: execution expired",
        "[Errno -2] Name or service not known",
        "dial tcp: lookup smtp.example.com: no such host",
        "error:1408F10B:SSL routines:ssl3_get_record:wrong version number",
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)",
        "TLS error on connection to mx.example.org [192.0.2.25] (gnutls_handshake): Error in the pull function.",
        "The remote certificate is invalid according to the validation procedure.",
        "System.IO.IOException: Authentication failed because the remote party has closed the transport stream.",
        "SMTP Error: Could not authenticate.",
        "SMTP Error: Could not connect to SMTP host.",
        "SMTP Error: Could not authenticate. SMTP server error: AUTH command failed Detail: Error: authentication failed: authentication failure SMTP code: 535 Additional SMTP info: 5.7.8",
        "The following From address failed: sender@example.com : MAIL FROM command failed,<sender@example.com>: Sender address rejected: Domain not found\n,553,5.1.8",
        "Invalid login: 535 5.7.8 Error: authentication failed: authentication failure",
        "Missing credentials for \"PLAIN\"",
        "Greeting never received",
        "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted.')",
        "SMTP AUTH extension not supported by server.",
        "smtp: server doesn't support AUTH",
        "javax.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed: authentication failure",
        "Could not connect to SMTP host: smtp.example.com, port: 25, response: 554",
        "The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.0 Authentication Required.",
        "System.Net.Sockets.SocketException (11001): No such host is known.",
        "The remote name could not be resolved: 'smtp.example.com'",
        "Failed to authenticate on SMTP server with username \"user@example.com\" using the following authenticators: \"LOGIN\", \"PLAIN\"."
    })
    void classify_senderOrSystemWording_neverSuppressesTheRecipient(String text) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.advice()).as("%s -> %s", text, v.rule()).isNotEqualTo(Advice.SUPPRESS_RECIPIENT);
    }
}
