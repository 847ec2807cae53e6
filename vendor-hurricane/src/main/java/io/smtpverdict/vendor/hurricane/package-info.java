/** Hurricane MTA Server's own delivery messages. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.hurricane;
