/**
 * Readers for every way replies reach an operator: lines of raw replies, DSN fields, MTA logs, webhook
 * events, CSV accounting files, whole bounce emails and mailboxes. Each reader streams records, one per
 * input line, message or recipient, and turns unreadable input into a record with an error, never an
 * exception that loses the rest.
 */
package io.smtpverdict.input;
