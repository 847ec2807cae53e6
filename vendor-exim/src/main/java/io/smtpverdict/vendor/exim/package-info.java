/**
 * Exim's own delivery messages (SMTP transport, routers, retry rules, local transports) and the replies it writes
 * as a receiving server. Nothing here accepts or returns null.
 */
package io.smtpverdict.vendor.exim;
