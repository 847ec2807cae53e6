package io.smtpverdict.core.table;

import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.Stage;

/**
 * Values every rule of a table takes unless it states its own.
 *
 * @param source where the table's wording is documented
 * @param origin who wrote the texts
 * @param stage the stage the messages mean
 * @param outcome the outcome (see {@link TableOutcome})
 * @param advice the advice
 * @param party the responsible party
 */
public record TableDefaults(String source, Origin origin, Stage stage, TableOutcome outcome, Advice advice,
        Party party) {
}
