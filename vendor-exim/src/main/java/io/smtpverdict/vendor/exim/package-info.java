/** Exim's own delivery messages: its SMTP transport, routers, retry rules and local transports. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.exim;
