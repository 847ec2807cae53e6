/**
 * Whole emails as input: bounce notices (RFC 3464 delivery status notifications and the human-readable notices
 * of MTAs that send none), ARF feedback reports, auto-replies, and the containers they come in (single files,
 * directories, mbox, Maildir). {@link io.smtpverdict.input.email.BounceReader} reads one email into one record
 * per recipient; {@link io.smtpverdict.input.email.MailboxReader} streams the emails of a container.
 */
package io.smtpverdict.input.email;
