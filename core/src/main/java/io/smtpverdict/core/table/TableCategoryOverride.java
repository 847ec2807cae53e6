package io.smtpverdict.core.table;

import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import java.util.List;

/**
 * A user's remapping of a category's outcome, advice or party, optionally only for some reply classes.
 *
 * @param category the category to remap
 * @param classes reply class digits it applies to; all when absent
 * @param outcome new outcome
 * @param advice new advice
 * @param party new party
 */
public record TableCategoryOverride(Category category, List<Integer> classes, Outcome outcome, Advice advice,
        Party party) {
}
