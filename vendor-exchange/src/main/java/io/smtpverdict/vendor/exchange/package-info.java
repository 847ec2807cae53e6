/** Microsoft Exchange Server and Exchange Online (Microsoft 365) non-delivery report texts and status codes. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.exchange;
