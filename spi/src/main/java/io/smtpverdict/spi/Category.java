package io.smtpverdict.spi;

import static io.smtpverdict.spi.Advice.FIX_CONFIGURATION;
import static io.smtpverdict.spi.Advice.FIX_CONTENT;
import static io.smtpverdict.spi.Advice.NONE;
import static io.smtpverdict.spi.Advice.REQUEST_DELISTING;
import static io.smtpverdict.spi.Advice.RETRY;
import static io.smtpverdict.spi.Advice.REVIEW;
import static io.smtpverdict.spi.Advice.SUPPRESS_RECIPIENT;
import static io.smtpverdict.spi.Advice.THROTTLE;
import static io.smtpverdict.spi.Disposition.EITHER;
import static io.smtpverdict.spi.Disposition.NOT_A_BOUNCE;
import static io.smtpverdict.spi.Disposition.PERMANENT;
import static io.smtpverdict.spi.Disposition.TRANSIENT;

import java.util.Locale;

/**
 * Why a delivery did not succeed, in one stable word; the thirty bounce categories of the verdict model.
 *
 * <p>Each constant carries its default disposition, advice and responsible party, and its equivalents in
 * the SparkPost/Momentum, PowerMTA, KumoMTA and Sisimai taxonomies. Constants are never renamed.
 */
public enum Category {
    /** The address does not exist, has bad syntax, or has moved. */
    INVALID_RECIPIENT(PERMANENT, SUPPRESS_RECIPIENT, Party.RECIPIENT, 10, "bad-mailbox", "InvalidRecipient", "userunknown"),
    /** The mailbox exists but is disabled, suspended or closed. */
    MAILBOX_INACTIVE(EITHER, SUPPRESS_RECIPIENT, Party.RECIPIENT, 10, "inactive-mailbox", "InactiveMailbox", "suspend"),
    /** The domain does not exist, has a null MX, or has no mail host. */
    BAD_DOMAIN(PERMANENT, SUPPRESS_RECIPIENT, Party.RECIPIENT, 10, "bad-domain", "BadDomain", "hostunknown"),
    /** The mailbox is over quota. */
    MAILBOX_FULL(TRANSIENT, RETRY, Party.RECIPIENT, 22, "quota-issues", "QuotaIssues", "mailboxfull"),
    /** The message is over a size limit. */
    MESSAGE_TOO_LARGE(PERMANENT, FIX_CONTENT, Party.SENDER_CONTENT, 23, "quota-issues", "QuotaIssues", "emailtoolarge"),
    /** The receiving system failed, is full, or is misconfigured. */
    REMOTE_SERVER_ERROR(EITHER, RETRY, Party.RECEIVING_SYSTEM, 20, "bad-configuration", "BadConfiguration", "systemerror"),
    /** A DNS lookup failed temporarily. */
    DNS_FAILURE(TRANSIENT, RETRY, Party.NETWORK, 21, "routing-errors", "DNSFailure", "networkerror"),
    /** No usable route: MX invalid, routing loop. */
    ROUTING_ERROR(EITHER, RETRY, Party.RECEIVING_SYSTEM, 20, "routing-errors", "RoutingErrors", "networkerror"),
    /** Could not connect, or no greeting came. */
    NO_ANSWER_FROM_HOST(TRANSIENT, RETRY, Party.NETWORK, 20, "no-answer-from-host", "NoAnswerFromHost", "networkerror"),
    /** The session broke mid-transaction. */
    CONNECTION_LOST(TRANSIENT, RETRY, Party.NETWORK, 20, "bad-connection", "BadConnection", "networkerror"),
    /** TLS was required or failed; certificate problems. */
    TLS_FAILURE(EITHER, FIX_CONFIGURATION, Party.SENDER_CONFIGURATION, 20, "other", "AuthenticationFailed", "failedstarttls"),
    /** The sender gave up after the queue lifetime. */
    MESSAGE_EXPIRED(PERMANENT, REVIEW, Party.UNKNOWN, 24, "message-expired", "MessageExpired", "expired"),
    /** The receiver throttles this sender. */
    RATE_LIMITED(TRANSIENT, THROTTLE, Party.SENDER_REPUTATION, 70, "policy-related", "TransientFailure", "ratelimited"),
    /** The per-transaction recipient limit was reached. */
    TOO_MANY_RECIPIENTS(TRANSIENT, RETRY, Party.SENDING_MTA, 70, "other", "TooManyRecipients", "ratelimited"),
    /** A deliberate deferral of an unknown sender. */
    GREYLISTED(TRANSIENT, RETRY, Party.NONE, 70, "other", "TransientFailure", "spamdetected"),
    /** A temporary failure with nothing more specific known. */
    TRANSIENT_OTHER(TRANSIENT, RETRY, Party.UNKNOWN, 20, "other", "TransientFailure", "onhold"),
    /** SPF, DKIM, DMARC, ARC or reverse-DNS checks failed. */
    AUTH_FAILURE(EITHER, FIX_CONFIGURATION, Party.SENDER_CONFIGURATION, 50, "policy-related", "AuthenticationFailed", "authfailure"),
    /** Relaying was refused or SMTP AUTH is required. */
    RELAY_DENIED(PERMANENT, FIX_CONFIGURATION, Party.SENDER_CONFIGURATION, 54, "relaying-issues", "RelayDenied", "norelaying"),
    /** The envelope sender was refused. */
    INVALID_SENDER(EITHER, FIX_CONFIGURATION, Party.SENDER_CONFIGURATION, 50, "invalid-sender", "InvalidSender", "rejected"),
    /** The sending IP or domain is blocklisted or distrusted. */
    REPUTATION_BLOCK(EITHER, REQUEST_DELISTING, Party.SENDER_REPUTATION, 51, "spam-related", "SpamBlock", "blocked"),
    /** The content was judged spam, or a mail flood. */
    SPAM_CONTENT(EITHER, FIX_CONTENT, Party.SENDER_CONTENT, 52, "spam-related", "SpamContent", "spamdetected"),
    /** Malware was found in the message. */
    VIRUS_DETECTED(PERMANENT, FIX_CONTENT, Party.SENDER_CONTENT, 52, "virus-related", "VirusRelated", "virusdetected"),
    /** Format, headers, attachments, RFC non-compliance. */
    CONTENT_REJECTED(PERMANENT, FIX_CONTENT, Party.SENDER_CONTENT, 53, "content-related", "ContentRelated", "contenterror"),
    /** A receiver policy not covered by a more specific category. */
    POLICY_BLOCK(EITHER, REVIEW, Party.RECEIVING_SYSTEM, 50, "policy-related", "PolicyRelated", "policyviolation"),
    /** Bad command, sequence, arguments or extension. */
    PROTOCOL_ERROR(EITHER, FIX_CONFIGURATION, Party.SENDING_MTA, 40, "protocol-errors", "ProtocolErrors", "syntaxerror"),
    /** Not attempted: the recipient is on a suppression list. */
    SUPPRESSED(PERMANENT, NONE, Party.NONE, 25, "other", "Uncategorized", "suppressed"),
    /** The sending MTA's own rule, pause, quota or operator action. */
    LOCAL_POLICY(EITHER, REVIEW, Party.SENDING_MTA, 25, "other", "Uncategorized", "onhold"),
    /** A vacation message, auto-responder or challenge-response. */
    AUTOMATED_REPLY(NOT_A_BOUNCE, NONE, Party.NONE, 60, "other", "AutoReply", "vacation"),
    /** An unsubscribe request or spam complaint. */
    RECIPIENT_OPT_OUT(NOT_A_BOUNCE, SUPPRESS_RECIPIENT, Party.RECIPIENT, 90, "other", "Unsubscribe", "feedback"),
    /** Nothing matched. Advice is REVIEW for permanent and RETRY for transient replies. */
    UNCLASSIFIED(EITHER, REVIEW, Party.UNKNOWN, 1, "other", "Uncategorized", "undefined");

    private final Disposition disposition;
    private final Advice defaultAdvice;
    private final Party defaultParty;
    private final Compat compat;

    Category(Disposition disposition, Advice defaultAdvice, Party defaultParty,
            int sparkpostClass, String powermta, String kumomta, String sisimai) {
        this.disposition = disposition;
        this.defaultAdvice = defaultAdvice;
        this.defaultParty = defaultParty;
        this.compat = new Compat(sparkpostClass, powermta, kumomta, sisimai);
    }

    /** Permanent, transient, either, or not a bounce. */
    public Disposition disposition() {
        return disposition;
    }

    /** The outcome implied when neither a code nor a rule says: failed, deferred or unknown. */
    public Outcome defaultOutcome() {
        return disposition.defaultOutcome();
    }

    /** The advice a rule gets unless it sets its own. */
    public Advice defaultAdvice() {
        return defaultAdvice;
    }

    /** The advice for this category given the outcome; for UNCLASSIFIED, retry deferrals and review the rest. */
    public Advice defaultAdvice(Outcome outcome) {
        if (this == UNCLASSIFIED && outcome == Outcome.DEFERRED) {
            return RETRY;
        }
        return defaultAdvice;
    }

    /** The responsible party a rule gets unless it sets its own. */
    public Party defaultParty() {
        return defaultParty;
    }

    /** This category in the anchors' taxonomies. */
    public Compat compat() {
        return compat;
    }

    /** Stable lower-case code, e.g. {@code invalid_recipient}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
