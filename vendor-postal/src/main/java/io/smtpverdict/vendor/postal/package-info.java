/** Postal's own delivery log texts and the replies its SMTP server writes. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.postal;
