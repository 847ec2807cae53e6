package io.smtpverdict.core.table;

import static java.util.Objects.requireNonNull;

/**
 * A rule table that cannot be used, with the plugin, the resource and the JSON path in its message. The engine
 * turns it into its public {@code VerdictConfigurationException}, whose diagnostic has the name of {@link #kind()}.
 */
public final class TableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong, named as the engine's diagnostic for it. */
    public enum Kind {
        /** Not valid JSON. */
        TABLE_SYNTAX,
        /** A field the format does not know, or a value of the wrong type. */
        TABLE_UNKNOWN_FIELD,
        /** A rule of the format is broken. */
        TABLE_INVALID,
        /** The resource or file cannot be found or read. */
        TABLE_NOT_FOUND,
        /** A regex is not valid RE2 syntax or is too large. */
        TABLE_BAD_REGEX,
        /** Two rules share an id. */
        DUPLICATE_RULE_ID
    }

    private final Kind kind;

    /**
     * Creates one with the standard message: {@code rule table of plugin 'p', resource, at: what}.
     *
     * @param kind what is wrong
     * @param pluginId the plugin (or user table) id
     * @param resource the resource or file
     * @param at the JSON path, or a line and column
     * @param what the problem
     * @param cause the underlying exception, or null
     */
    public TableException(Kind kind, String pluginId, String resource, String at, String what, Throwable cause) {
        super("rule table of plugin '" + pluginId + "', " + resource + ", " + at + ": " + what, cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** What is wrong. */
    public Kind kind() {
        return kind;
    }
}
