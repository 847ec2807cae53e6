package io.smtpverdict.core.table;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One rule-table file as written.
 *
 * @param schema the JSON Schema reference editors use for completion; ignored by the engine
 * @param schemaVersion must be {@link io.smtpverdict.spi.VerdictContract#RULE_TABLE_SCHEMA_VERSION}
 * @param plugin the plugin id the table belongs to, if stated
 * @param defaults values every rule takes unless it states its own
 * @param phraseLists named phrase lists the table's rules share: a phrase {@code @name} in a rule's phrase list
 *     stands for every phrase of the list {@code name} (read in table order)
 * @param rules the rules in table order
 * @param categoryOverrides remappings of a category's outcome or advice (user tables only)
 */
public record TableFile(@JsonProperty("$schema") String schema, Integer schemaVersion, String plugin,
        TableDefaults defaults, Map<String, List<String>> phraseLists, List<TableRule> rules,
        List<TableCategoryOverride> categoryOverrides) {
}
