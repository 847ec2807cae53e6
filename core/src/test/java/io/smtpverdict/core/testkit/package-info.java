/**
 * The plugin test kit: checks a plugin author runs from JUnit, shipped in the {@code smtp-verdict-core} test jar.
 *
 * <p>Null policy: nothing in this package accepts or returns {@code null}.
 */
package io.smtpverdict.core.testkit;
