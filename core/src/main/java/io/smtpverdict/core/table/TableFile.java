package io.smtpverdict.core.table;

import java.util.List;

/**
 * One rule-table file as written.
 *
 * @param schemaVersion must be 1
 * @param plugin the plugin id the table belongs to, if stated
 * @param rules the rules in table order
 * @param categoryOverrides remappings of a category's outcome or advice (user tables only)
 */
public record TableFile(Integer schemaVersion, String plugin, List<TableRule> rules,
        List<TableCategoryOverride> categoryOverrides) {
}
