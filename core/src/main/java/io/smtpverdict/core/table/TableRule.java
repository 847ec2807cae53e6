package io.smtpverdict.core.table;

import io.smtpverdict.spi.EvidenceLevel;
import java.util.List;

/**
 * One rule as written.
 *
 * @param id stable id, prefixed with the plugin id and a dot
 * @param level evidence level
 * @param match the conditions, all of which must hold
 * @param verdict what the rule concludes
 * @param examples texts the rule must decide
 * @param note provenance or caveats; never shown to users
 */
public record TableRule(String id, EvidenceLevel level, TableMatch match, TableVerdict verdict,
        List<String> examples, String note) {
}
