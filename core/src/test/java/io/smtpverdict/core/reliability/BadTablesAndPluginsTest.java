package io.smtpverdict.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.Diagnostic;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictConfigurationException;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.VerdictPlugin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Broken rule tables and broken plugins stop the build with one clear error naming the culprit, where it is,
 * and its troubleshooting anchor; the engine never starts with part of its rules. The common table mistakes
 * (fixtures under {@code /tables/}) and the hostile ones (beside this class) are one parameterised test;
 * PluginDiscoveryTest covers discovery.
 */
final class BadTablesAndPluginsTest {
    private static Path table(String name) {
        try {
            return Path.of(Objects.requireNonNull(BadTablesAndPluginsTest.class.getResource(
                    name.startsWith("/") ? name : "tables/" + name), name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ThrowableAssert.ThrowingCallable build(VerdictEngine.Builder builder) {
        return builder::build;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/tables/bad-syntax.json              | TABLE_SYNTAX        | line 4, column",
        "/tables/bad-unknown-field.json       | TABLE_UNKNOWN_FIELD | $.rules[0].match.phrase",
        "/tables/bad-category.json            | TABLE_UNKNOWN_FIELD | $.rules[0].verdict.category",
        "/tables/bad-duplicate-id.json        | DUPLICATE_RULE_ID   | $.rules[1].id",
        "/tables/bad-regex.json               | TABLE_BAD_REGEX     | $.rules[0] (user.a).match.regex",
        "/tables/bad-no-condition.json        | TABLE_INVALID       | $.rules[0] (user.a).match: has no condition",
        "/tables/bad-id-prefix.json           | TABLE_INVALID       | $.rules[0].id",
        "/tables/bad-placeholder.json         | TABLE_INVALID       | unknown placeholder {HOST}",
        "/tables/bad-missing-explanation.json | TABLE_INVALID       | $.rules[0] (user.a).verdict.explanation",
        "/tables/bad-level.json               | TABLE_INVALID       | ENHANCED_CODE needs match.enhancedCodes",
        "/tables/bad-specific.json            | TABLE_INVALID       | $.rules[0] (user.a).specific: only an ENHANCED_CODE rule",
        "null.json                      | TABLE_INVALID       | $",
        "array.json                     | TABLE_UNKNOWN_FIELD | $",
        "schema-three.json              | TABLE_INVALID       | $.schemaVersion: must be 2, is 3",
        "schema-one.json                | TABLE_INVALID       | docs/rule-table-format.md#from-version-1",
        "duplicate-key.json             | TABLE_SYNTAX        | line 1, column",
        "phrases-not-a-list.json        | TABLE_UNKNOWN_FIELD | $.rules[0].match.phrases",
        "code-as-string.json            | TABLE_UNKNOWN_FIELD | $.rules[0].match.codes",
        "invalid-utf8.json              | TABLE_SYNTAX        | line 2, column",
        "backreference.json             | TABLE_BAD_REGEX     | $.rules[0] (user.a).match.regex",
        "placeholders-side-by-side.json | TABLE_INVALID       | $.rules[0] (user.a).match.template",
        "delivered-with-category.json   | TABLE_INVALID       | $.rules[0] (user.a).verdict.category",
        "null-rule.json                 | TABLE_INVALID       | $.rules[0]",
        "unknown-stage.json             | TABLE_UNKNOWN_FIELD | $.rules[0].match.stages",
        "empty.json                     | TABLE_SYNTAX        | No content to map",
        "trailing.json                  | TABLE_SYNTAX        | Trailing token",
        "nested-repeats.json            | TABLE_BAD_REGEX     | multiply to 100000000 copies",
    })
    void build_badUserTable_failsNamingFileLocationAndAnchor(String file, Diagnostic diagnostic, String where) {
        Path path = table(file);
        assertThatThrownBy(build(VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(path)))
                .isInstanceOf(VerdictConfigurationException.class)
                .satisfies(e -> assertThat(((VerdictConfigurationException) e).diagnostic()).isEqualTo(diagnostic))
                .satisfies(e -> assertThat(((VerdictConfigurationException) e).userTable()).isTrue())
                .hasMessageContaining("plugin 'user'")
                .hasMessageContaining(path.toString())
                .hasMessageContaining(where)
                .hasMessageContaining("docs/troubleshooting.md#" + diagnostic.anchor());
    }

    @Test
    void build_tableWithByteOrderMark_loads() {
        VerdictEngine engine = VerdictEngine.builder().ruleTable(table("bom.json")).build();
        assertThat(engine.rules()).isEmpty();
    }

    @Test
    void build_jsonNestedTenThousandDeep_failsAsSyntaxNotStackOverflow(@TempDir Path dir) throws IOException {
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "{\"schemaVersion\": 2, \"rules\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        assertThatThrownBy(build(VerdictEngine.builder().ruleTable(deep)))
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining(deep.toString())
                .hasMessageContaining("docs/troubleshooting.md#");
    }

    @Test
    void build_regexOverTheLengthLimit_isRefused(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big-regex.json");
        Files.writeString(big, "{\"schemaVersion\": 2, \"rules\": [{\"id\": \"user.a\", \"level\": \"PHRASE\","
                + " \"match\": {\"phrases\": [\"ab\"], \"regex\": \"" + "(ab)".repeat(600) + "\"},"
                + " \"verdict\": {\"category\": \"SPAM_CONTENT\", \"explanation\": \"x\"}}]}");
        assertThatThrownBy(build(VerdictEngine.builder().ruleTable(big)))
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("$.rules[0] (user.a).match.regex")
                .hasMessageContaining("longer than 2000")
                .hasMessageContaining("#table-bad-regex");
    }

    @Test
    void build_catastrophicRegex_isAcceptedAndMatchesInLinearTime() {
        VerdictEngine engine = VerdictEngine.builder().ruleTable(table("/tables/good-catastrophic-regex.json")).build();
        String hostile = "a".repeat(65_000) + "!";
        assertThat(engine.classify(hostile).category()).contains(Category.UNCLASSIFIED);
        assertThat(engine.classify("aaaa").category()).contains(Category.SPAM_CONTENT);
    }

    @Test
    void build_unreadableUserTable_failsNamingTheFile() {
        Path missing = Path.of("no-such-dir", "rules.json");
        assertThatThrownBy(build(VerdictEngine.builder().ruleTable(missing)))
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void build_goodPluginAndBrokenUserTable_failsWhole() {
        assertThatThrownBy(build(VerdictEngine.builder().plugin(new TestingPlugin())
                .plugin(new TestingReliabilityPlugins.Fuzzing()).ruleTable(table("unknown-stage.json"))))
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("unknown-stage.json");
    }

    @Test
    void build_pluginWithABrokenShippedTable_failsNamingPluginResourceAndPath() {
        assertThatThrownBy(build(VerdictEngine.builder().plugin(new TestingPlugin())
                .plugin(new TestingReliabilityPlugins.BrokenTable())))
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("plugin 'broken-table'")
                .hasMessageContaining("broken-table-rules.json")
                .hasMessageContaining("$.rules[1].verdict.category")
                .hasMessageContaining("NOT_A_CATEGORY")
                .hasMessageContaining("#table-unknown-field");
    }

    @Test
    void build_pluginRepeatingARuleIdAcrossItsTables_failsNamingBothTables() {
        assertThatThrownBy(build(VerdictEngine.builder().plugin(new TestingReliabilityPlugins.SameRuleTwice())))
                .isInstanceOf(VerdictConfigurationException.class)
                .satisfies(e -> assertThat(((VerdictConfigurationException) e).diagnostic())
                        .isEqualTo(Diagnostic.DUPLICATE_RULE_ID))
                .hasMessageContaining("fuzzing-rules-again.json")
                .hasMessageContaining("'fuzzing.queued'")
                .hasMessageContaining("fuzzing-rules.json")
                .hasMessageContaining("#duplicate-rule-id");
    }

    @Test
    void build_twoUserTablesWithTheSameRuleId_failsNamingTheSecond() {
        Path second = table("same-id-b.json");
        assertThatThrownBy(build(VerdictEngine.builder().ruleTable(table("same-id-a.json")).ruleTable(second)))
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining(second.toString())
                .hasMessageContaining("$.rules[1].id")
                .hasMessageContaining("'user.same'")
                .hasMessageContaining("#duplicate-rule-id");
    }

    @Test
    void build_userTableReusingAShippedRuleId_replacesIt() {
        VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin())
                .ruleTable(table("replaces-shipped.json")).build();
        assertThat(engine.rules()).filteredOn(r -> r.id().equals("testing.phrase")).hasSize(1)
                .extracting(RuleInfo::explanation).containsExactly("The user's own wording for an unknown user.");
        assertThat(engine.classify("550 no such mailbox here").rule().orElseThrow().id()).isEqualTo("testing.phrase");
        assertThat(engine.classify("550 user unknown").rule().orElseThrow().id()).isNotEqualTo("testing.phrase");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "IdThrows        | boom in id",
        "InvalidId       | invalid id 'Not An Id'",
        "ContractThrows  | boom in contractVersion",
        "TablesThrow     | boom in ruleTables",
        "TablesNull      | no list of rule tables",
        "PriorityThrows  | boom in priority",
    })
    void build_pluginBrokenInOneMethod_failsAsBrokenProviderNamingTheClass(String name, String what) {
        VerdictPlugin plugin = broken(name).get();
        assertThatThrownBy(build(VerdictEngine.builder().plugin(new TestingPlugin()).plugin(plugin)))
                .isInstanceOf(VerdictConfigurationException.class)
                .satisfies(e -> assertThat(((VerdictConfigurationException) e).diagnostic())
                        .isEqualTo(Diagnostic.BROKEN_PROVIDER))
                .hasMessageContaining(plugin.getClass().getName())
                .hasMessageContaining(what)
                .hasMessageContaining("#broken-provider");
    }

    private static Supplier<VerdictPlugin> broken(String name) {
        return switch (name) {
            case "IdThrows" -> TestingReliabilityPlugins.IdThrows::new;
            case "InvalidId" -> TestingReliabilityPlugins.InvalidId::new;
            case "ContractThrows" -> TestingReliabilityPlugins.ContractThrows::new;
            case "TablesThrow" -> TestingReliabilityPlugins.TablesThrow::new;
            case "TablesNull" -> TestingReliabilityPlugins.TablesNull::new;
            case "PriorityThrows" -> TestingReliabilityPlugins.PriorityThrows::new;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
