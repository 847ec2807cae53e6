/** PowerMTA's own delivery texts and the bounce categories of its accounting files. Nothing here accepts null. */
package io.smtpverdict.vendor.powermta;
