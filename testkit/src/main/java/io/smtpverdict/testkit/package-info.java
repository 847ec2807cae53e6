/**
 * The plugin test kit ({@code smtp-verdict-testkit}): checks a plugin author runs from JUnit, see
 * {@link io.smtpverdict.testkit.PluginTestKit}.
 *
 * <p>Null policy: nothing in this package accepts or returns {@code null}.
 */
package io.smtpverdict.testkit;
