/** What any receiving server means: RFC 5321 reply codes, the RFC 3463 registry and receivers' wording. Nothing here accepts or returns null. */
package io.smtpverdict.vendor.generic;
