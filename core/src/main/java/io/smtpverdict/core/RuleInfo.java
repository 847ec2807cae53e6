package io.smtpverdict.core;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.Optional;

/**
 * One loaded rule, described for catalogs, the plugin test kit and {@code verdict explain}.
 *
 * @param plugin plugin id
 * @param id rule id
 * @param level evidence level
 * @param matches a one-line summary of its conditions
 * @param category the category it gives, if it names one
 * @param outcome the outcome it states, if any
 * @param outcomeFixed whether that outcome wins over the codes
 * @param advice the advice it gives, if it sets one
 * @param explanation its explanation
 * @param source where its wording is documented, if the table says
 * @param examples texts it must decide
 * @param order its position in its table
 * @param codes the basic reply codes it requires, as written; empty when it names none
 * @param enhancedCodes the enhanced code patterns it requires, as written ({@code 5.1.1}, {@code X.1.*}); may be empty
 * @param stages the SMTP stages it requires; empty when any
 */
public record RuleInfo(String plugin, String id, EvidenceLevel level, String matches, Optional<Category> category,
        Optional<Outcome> outcome, boolean outcomeFixed, Optional<Advice> advice, String explanation,
        Optional<String> source, List<String> examples, int order, List<Integer> codes, List<String> enhancedCodes, List<Stage> stages) {
    /** Validates the parts. */
    public RuleInfo {
        requireNonNull(plugin, "plugin is null");
        requireNonNull(id, "id is null");
        requireNonNull(level, "level is null");
        requireNonNull(matches, "matches is null");
        requireNonNull(category, "category is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(advice, "advice is null");
        requireNonNull(explanation, "explanation is null");
        requireNonNull(source, "source is null");
        examples = List.copyOf(examples);
        codes = List.copyOf(codes);
        enhancedCodes = List.copyOf(enhancedCodes);
        stages = List.copyOf(stages);
    }
}
