package io.smtpverdict.core.table;

import io.smtpverdict.spi.EvidenceLevel;
import java.util.List;

/**
 * One rule as written.
 *
 * @param id stable id, prefixed with the plugin id and a dot
 * @param level evidence level; derived from the conditions when absent, and never above what they allow
 * @param source where the rule's wording is documented (an MTA source file, a vendor page, an RFC, a seed)
 * @param specific for an enhanced-code rule: the code's detail names one cause (5.7.26, 5.2.2), so the rule ranks
 *     above generic wording and keywords that only restate the class; absent means false
 * @param unspecific for a phrase or keyword rule: its wording says that the message was refused but not why ("access
 *     denied", "administrative prohibition", "blocked"), so every keyword rule outranks it and a word naming the cause
 *     decides; for an enhanced-code rule: the code names no cause (X.0.0), so the basic reply code's rule outranks it;
 *     absent means false
 * @param match the conditions, all of which must hold
 * @param verdict what the rule concludes
 * @param examples texts the rule must decide
 * @param note caveats; never shown to users
 */
public record TableRule(String id, EvidenceLevel level, String source, Boolean specific, Boolean unspecific,
        TableMatch match, TableVerdict verdict, List<String> examples, String note) {
}
