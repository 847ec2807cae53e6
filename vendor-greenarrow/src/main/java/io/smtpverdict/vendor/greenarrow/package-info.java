/** GreenArrow MTA's own delivery messages. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.greenarrow;
