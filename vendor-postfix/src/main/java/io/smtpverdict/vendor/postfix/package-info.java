/**
 * Postfix's own delivery messages (SMTP client, DNS lookups, queue manager, local delivery) and the replies its
 * smtpd writes. Nothing here accepts or returns null.
 */
package io.smtpverdict.vendor.postfix;
