/** Momentum's message responses, its own [internal] texts and the replies it issues. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.momentum;
