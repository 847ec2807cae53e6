/** KumoMTA's own delivery messages and the replies it writes as a receiving server. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.kumomta;
