/**
 * The rule-table file format as Jackson-bound records (see docs/rule-table-format.md), and its loader.
 * Records here carry the file as written; {@link io.smtpverdict.core.table.RuleTableLoader} validates them.
 */
package io.smtpverdict.core.table;
