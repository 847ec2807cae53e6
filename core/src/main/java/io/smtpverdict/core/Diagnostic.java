package io.smtpverdict.core;

import java.util.Locale;

/** Every configuration problem the engine can report, each with an anchor in {@code docs/troubleshooting.md}. */
public enum Diagnostic {
    /** A rule table is not valid JSON. */
    TABLE_SYNTAX,
    /** A rule table has a field the format does not know, or a value of the wrong type. */
    TABLE_UNKNOWN_FIELD,
    /** A rule table breaks a rule of the format (missing field, bad id, no condition, ...). */
    TABLE_INVALID,
    /** A rule table resource or file cannot be found or read. */
    TABLE_NOT_FOUND,
    /** A regex in a rule table is not valid RE2 syntax or is too large. */
    TABLE_BAD_REGEX,
    /** Two rules share an id. */
    DUPLICATE_RULE_ID,
    /** Two plugins share an id. */
    DUPLICATE_PLUGIN_ID,
    /** A plugin provider could not be loaded or instantiated. */
    BROKEN_PROVIDER,
    /** A plugin was built against a newer contract than this engine. */
    CONTRACT_TOO_NEW,
    /** A plugin named with {@code onlyPlugins} / {@code --plugins} is not on the classpath. */
    UNKNOWN_PLUGIN,
    /** A user rule table's rule does not match one of its own examples. */
    TABLE_EXAMPLE_MISMATCH,
    /** A plugin path entry (--plugin-path, VERDICT_PLUGIN_PATH) is missing or holds no jar. */
    PLUGIN_PATH;

    /** The anchor in {@code docs/troubleshooting.md}, e.g. {@code duplicate-plugin-id}. */
    public String anchor() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
