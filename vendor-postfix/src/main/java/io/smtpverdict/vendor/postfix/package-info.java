/** Postfix's own delivery messages: its SMTP client, DNS lookups, queue manager and local delivery agents. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.postfix;
