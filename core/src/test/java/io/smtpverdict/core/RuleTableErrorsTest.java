package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.spi.Category;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class RuleTableErrorsTest {
    static Path table(String name) {
        try {
            return Path.of(Objects.requireNonNull(RuleTableErrorsTest.class.getResource("/tables/" + name)).toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad-syntax.json              | TABLE_SYNTAX        | line 4, column",
        "bad-unknown-field.json       | TABLE_UNKNOWN_FIELD | $.rules[0].match.phrase",
        "bad-category.json            | TABLE_UNKNOWN_FIELD | $.rules[0].verdict.category",
        "bad-duplicate-id.json        | DUPLICATE_RULE_ID   | $.rules[1].id",
        "bad-regex.json               | TABLE_BAD_REGEX     | $.rules[0] (user.a).match.regex",
        "bad-no-condition.json        | TABLE_INVALID       | $.rules[0] (user.a).match: has no condition",
        "bad-id-prefix.json           | TABLE_INVALID       | $.rules[0].id",
        "bad-placeholder.json         | TABLE_INVALID       | unknown placeholder {HOST}",
        "bad-missing-explanation.json | TABLE_INVALID       | $.rules[0] (user.a).verdict.explanation",
        "bad-level.json               | TABLE_INVALID       | ENHANCED_CODE needs match.enhancedCodes",
        "bad-specific.json            | TABLE_INVALID       | $.rules[0] (user.a).specific: only an ENHANCED_CODE rule",
    })
    void build_badUserTable_failsNamingPluginResourceAndPath(String file, Diagnostic diagnostic, String where) {
        Path path = table(file);
        assertThatThrownBy(() -> VerdictEngine.builder().ruleTable(path).build())
                .isInstanceOf(VerdictConfigurationException.class)
                .satisfies(e -> assertThat(((VerdictConfigurationException) e).diagnostic()).isEqualTo(diagnostic))
                .satisfies(e -> assertThat(((VerdictConfigurationException) e).userTable()).isTrue())
                .hasMessageContaining("plugin 'user'")
                .hasMessageContaining(path.toString())
                .hasMessageContaining(where)
                .hasMessageContaining("docs/troubleshooting.md#" + diagnostic.anchor());
    }

    @Test
    void build_catastrophicRegex_isAcceptedAndMatchesInLinearTime() {
        VerdictEngine engine = VerdictEngine.builder().ruleTable(table("good-catastrophic-regex.json")).build();
        String hostile = "a".repeat(60_000) + "!";
        assertThat(engine.classify(hostile).category()).contains(Category.UNCLASSIFIED);
        assertThat(engine.classify("aaaa").category()).contains(Category.SPAM_CONTENT);
    }

    @Test
    void build_unreadableUserTable_failsNamingTheFile() {
        Path missing = Path.of("no-such-dir", "rules.json");
        assertThatThrownBy(() -> VerdictEngine.builder().ruleTable(missing).build())
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("cannot be read");
    }
}
