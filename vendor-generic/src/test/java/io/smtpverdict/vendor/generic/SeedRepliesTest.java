package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every receiving-server reply quoted in seeds 001 (remote replies), 002 (extended replies) and 004 (example
 * replies), with the verdict the seed says it means. An empty advice column means the seed does not say.
 */
final class SeedRepliesTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    @ParameterizedTest(name = "seed 001: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            554 delivery error: dd This user doesn't have an account                    | FAILED   | INVALID_RECIPIENT   | SUPPRESS_RECIPIENT
            550 5.1.1 Mailbox does not exist                                            | FAILED   | INVALID_RECIPIENT   | SUPPRESS_RECIPIENT
            500 No such user                                                            | FAILED   | INVALID_RECIPIENT   | SUPPRESS_RECIPIENT
            553 5.3.0 ... Addressee unknown                                             | FAILED   | INVALID_RECIPIENT   | SUPPRESS_RECIPIENT
            550 Requested action not taken: mailbox unavailable                         | FAILED   | INVALID_RECIPIENT   | SUPPRESS_RECIPIENT
            Name service error for baddomain.com Type=A: Host not found                 | FAILED   | BAD_DOMAIN          | SUPPRESS_RECIPIENT
            450 4.7.1 : Recipient address rejected: Greylisted                          | DEFERRED | GREYLISTED          | RETRY
            450 4.7.1 : Recipient address rejected: Policy Rejection                    | DEFERRED | GREYLISTED          | RETRY
            451 Message temporarily deferred - [160]                                    | DEFERRED | GREYLISTED          | RETRY
            451 Resources temporarily not available - Please try again later [#4.16.5] | DEFERRED | REMOTE_SERVER_ERROR | RETRY
            """)
    void classify_seed001RemoteReply_meansWhatTheSeedSays(String text, Outcome outcome, Category category,
            Advice advice) {
        assertVerdict(text, outcome, category, advice);
    }

    @ParameterizedTest(name = "seed 002: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            550 5.1.1 Recipient address rejected: User unknown in virtual alias table                         | FAILED   | INVALID_RECIPIENT   | SUPPRESS_RECIPIENT
            550 5.1.1 Protocol error                                                                          | FAILED   | PROTOCOL_ERROR      | FIX_CONFIGURATION
            550 5.3.2 Service currently unavailable                                                           | FAILED   | REMOTE_SERVER_ERROR |
            554 5.7.1 Service unavailable; Client host X.X.X.X blocked using zen.spamhaus.org                 | FAILED   | REPUTATION_BLOCK    | REQUEST_DELISTING
            550 5.7.1 : Helo command rejected: You aren't localhost                                           | FAILED   | POLICY_BLOCK        | FIX_CONFIGURATION
            550 5.7.1 : Helo command rejected: You aren't localhost.localdomain.                              | FAILED   | POLICY_BLOCK        | FIX_CONFIGURATION
            550 5.7.1 : Helo command rejected: You are not me                                                 | FAILED   | POLICY_BLOCK        | FIX_CONFIGURATION
            554 5.7.1 : Relay access denied                                                                   | FAILED   | RELAY_DENIED        | FIX_CONFIGURATION
            551 5.7.1 The message was rejected due to classification as Virus,Spam or high bulk ratio         | FAILED   | SPAM_CONTENT        | FIX_CONTENT
            530 5.7.0 Recipient address rejected: Authentication Required                                     | FAILED   | RELAY_DENIED        | FIX_CONFIGURATION
            550 5.4.5 Recipient address rejected: Hourly domain sending quota exceeded                        | FAILED   | RATE_LIMITED        | THROTTLE
            550 5.4.6 Recipient address rejected: Hourly sending quota exceeded                               | FAILED   | RATE_LIMITED        | THROTTLE
            553 5.7.1 Sender address rejected: not owned by user user@domain.com                              | FAILED   | INVALID_SENDER      | FIX_CONFIGURATION
            554 5.7.1 : Recipient address rejected: USER IS SUSPENDED                                         | FAILED   | MAILBOX_INACTIVE    | SUPPRESS_RECIPIENT
            522 5.7.1 : Recipient address rejected: Requested mail action aborted: exceeded storage allocation | FAILED   | MAILBOX_FULL        |
            554 5.7.1 : Sender address rejected: Access denied                                                | FAILED   | INVALID_SENDER      |
            450 4.1.8 : Sender address rejected: Domain not found                                             | DEFERRED | INVALID_SENDER      | FIX_CONFIGURATION
            450 4.7.1 Client host rejected: cannot find your reverse hostname                                 | DEFERRED | AUTH_FAILURE        | FIX_CONFIGURATION
            450 4.7.1 : Recipient address rejected: Policy Rejection- Quota Exceeded                          | DEFERRED | RATE_LIMITED        | THROTTLE
            450 4.7.1 Recipient address rejected: Access denied                                               | DEFERRED | INVALID_RECIPIENT   |
            451 4.3.5 Server configuration problem - try again later                                          | DEFERRED | REMOTE_SERVER_ERROR | RETRY
            451 4.7.1 Service unavailable - try again later;                                                  | DEFERRED | REMOTE_SERVER_ERROR | RETRY
            452 4.5.3 Error: too many recipients                                                              | DEFERRED | TOO_MANY_RECIPIENTS | RETRY
            """)
    void classify_seed002ExtendedReply_meansWhatTheSeedSays(String text, Outcome outcome, Category category,
            Advice advice) {
        assertVerdict(text, outcome, category, advice);
    }

    @ParameterizedTest(name = "seed 004: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SMTP Error 101, Error opening connection                                                     | DEFERRED | NO_ANSWER_FROM_HOST |
            SMTP Error 101, cannot open SMTP stream                                                      | DEFERRED | NO_ANSWER_FROM_HOST |
            Connection refused, 111 Can't open SMTP stream                                               | DEFERRED | NO_ANSWER_FROM_HOST |
            420 TCP Write Error                                                                          | DEFERRED | CONNECTION_LOST     | RETRY
            420 TCP Read Error                                                                           | DEFERRED | CONNECTION_LOST     | RETRY
            421 Too many concurrent SMTP connections from this IP address; please try again later       | DEFERRED | RATE_LIMITED        | THROTTLE
            450 Please try again later                                                                   | DEFERRED | TRANSIENT_OTHER     | RETRY
            The message that you sent has been delayed. The reason given for the delay: 450 Host down (relay.clara.net) | DEFERRED | NO_ANSWER_FROM_HOST | RETRY
            SMTP Error 450 5.2.3 Msg Size greater than allowed by Remote Host                            | DEFERRED | MESSAGE_TOO_LARGE   |
            SMTP error 451 Unable to complete command, DNS not available or timed out                    | DEFERRED | DNS_FAILURE         | RETRY
            451 Domain of sender address does not resolve                                                | DEFERRED | INVALID_SENDER      | FIX_CONFIGURATION
            451 Error getting LDAP results in map                                                        | DEFERRED | REMOTE_SERVER_ERROR | RETRY
            451 4.7.1 Greylisting in action, please come back in 00:02:00                                | DEFERRED | GREYLISTED          | RETRY
            The message that you sent has been delayed. The reason given for the delay: 451 Temporary local problem - please try later. | DEFERRED | REMOTE_SERVER_ERROR | RETRY
            SMTP error from remote mail server after end of data, host <host address>: 451 <ip address> has recently sent spam. If you are not a spammer, please try later. | DEFERRED | REPUTATION_BLOCK | REQUEST_DELISTING
            SMTP Permanent Error: 500 Access Denied By Port Access                                       | FAILED   | POLICY_BLOCK        |
            SMTP Error 500 Line too long.                                                                | FAILED   | PROTOCOL_ERROR      |
            500 unrecognized command                                                                     | FAILED   | PROTOCOL_ERROR      | FIX_CONFIGURATION
            <remote-server-ip-address> does not like recipient. Remote host said: 501 Invalid Address    | FAILED   | INVALID_RECIPIENT   | SUPPRESS_RECIPIENT
            SMTP Error (state 13): 503 This mail server requires authentication when attempting to send to a non-local e-mail address. Please check your mail client settings or contact your administrator to verify that the domain or address is defined for this server. | FAILED | RELAY_DENIED | FIX_CONFIGURATION
            504 Need to authenticate first                                                               | FAILED   | RELAY_DENIED        | FIX_CONFIGURATION
            5.1.2 - Bad destination host 'DNS Hard Error looking up domain                               | FAILED   | BAD_DOMAIN          | SUPPRESS_RECIPIENT
            SMTP Error 550 5.1.2 Host unknown – host cannot be found                                     | FAILED   | BAD_DOMAIN          | SUPPRESS_RECIPIENT
            5.1.2 The message could not be delivered because the recipient's destination email system is unknown or invalid. Please check the address and try again, or contact your system administrator to verify connectivity to the email system of the recipient. | FAILED | BAD_DOMAIN | SUPPRESS_RECIPIENT
            """)
    void classify_seed004ExampleReply_meansWhatTheSeedSays(String text, Outcome outcome, Category category,
            Advice advice) {
        assertVerdict(text, outcome, category, advice);
    }

    private static void assertVerdict(String text, Outcome outcome, Category category, Advice advice) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.category()).as("category of %s (%s)", text, v).contains(category);
        assertThat(v.outcome()).as("outcome of %s (%s)", text, v).isEqualTo(outcome);
        if (advice != null) {
            assertThat(v.advice()).as("advice of %s (%s)", text, v).isEqualTo(advice);
        }
    }
}
