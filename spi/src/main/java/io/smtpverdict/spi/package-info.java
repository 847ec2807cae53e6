/**
 * The smtp-verdict plugin contract: the reply model, the verdict vocabulary and {@link io.smtpverdict.spi.VerdictPlugin}.
 *
 * <p>Null policy: nothing in this package accepts or returns {@code null}; absence is expressed with
 * {@link java.util.Optional}, {@link java.util.OptionalInt} or an empty collection.
 */
package io.smtpverdict.spi;
