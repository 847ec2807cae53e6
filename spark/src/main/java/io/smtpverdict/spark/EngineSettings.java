package io.smtpverdict.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.List;

/**
 * How the engine on every executor is built: which plugins, which preferred vendor, which user rule tables.
 * This small value is what travels with a task; the engine itself is built from it on each JVM.
 *
 * @param plugins load only these plugin ids (empty: every plugin on the class path)
 * @param vendor the plugin ranked first in ties, like the CLI's {@code --vendor}; empty string for none
 * @param ruleTables user rule table files; a bare file name shipped with {@code --files} is found in Spark's
 *     file directory on each executor
 */
public record EngineSettings(List<String> plugins, String vendor, List<String> ruleTables) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every plugin on the class path, no preferred vendor, no user tables. */
    public static final EngineSettings DEFAULT = new EngineSettings(List.of(), "", List.of());

    /** Validates and copies the parts. */
    public EngineSettings {
        plugins = List.copyOf(requireNonNull(plugins, "plugins is null"));
        vendor = requireNonNull(vendor, "vendor is null").trim();
        ruleTables = List.copyOf(requireNonNull(ruleTables, "ruleTables is null"));
    }

    /** The same settings with another preferred vendor (empty string: none). */
    public EngineSettings withVendor(String id) {
        return new EngineSettings(plugins, id, ruleTables);
    }
}
