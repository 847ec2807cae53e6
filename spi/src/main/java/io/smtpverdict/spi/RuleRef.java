package io.smtpverdict.spi;

import static java.util.Objects.requireNonNull;

/**
 * Which rule of which plugin decided a verdict, and at which evidence level.
 *
 * @param plugin plugin id, e.g. {@code greenarrow}
 * @param id rule id, e.g. {@code greenarrow.host-not-found}
 * @param level the rule's evidence level
 */
public record RuleRef(String plugin, String id, EvidenceLevel level) {
    /** Validates the parts. */
    public RuleRef {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(id, "id is null");
        requireNonNull(level, "level is null");
    }
}
