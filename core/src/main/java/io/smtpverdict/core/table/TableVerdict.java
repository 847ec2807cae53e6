package io.smtpverdict.core.table;

import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.Stage;
import java.util.List;

/**
 * What a rule concludes, as written.
 *
 * @param category the category
 * @param outcome the outcome when the text carries no code, or fixed over the codes
 * @param advice advice, default from the category
 * @param party responsible party, default from the category
 * @param origin who wrote the text
 * @param stage the stage the message means
 * @param reason finer open word
 * @param flags flags to set
 * @param inherit whether a {MESSAGE} template takes its verdict from the embedded reply (default true)
 * @param explanation one plain sentence
 */
public record TableVerdict(Category category, TableOutcome outcome, Advice advice, Party party,
        Origin origin, Stage stage, String reason, List<Flag> flags, Boolean inherit, String explanation) {
}
