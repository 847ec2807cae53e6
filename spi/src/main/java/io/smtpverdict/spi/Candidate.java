package io.smtpverdict.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A rule that matched a reply but lost to the winner; listed when an explanation is asked for.
 *
 * @param plugin plugin id
 * @param id rule id
 * @param level the rule's evidence level
 * @param category the category the rule would have given, if it names one
 */
public record Candidate(String plugin, String id, EvidenceLevel level, Optional<Category> category) {
    /** Validates the parts. */
    public Candidate {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(id, "id is null");
        requireNonNull(level, "level is null");
        requireNonNull(category, "category is null");
    }
}
