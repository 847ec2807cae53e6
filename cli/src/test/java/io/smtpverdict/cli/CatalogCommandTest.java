package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.cli.TestingCli.Result;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CatalogCommandTest {
    @Test
    void catalog_listsEveryRuleOfEveryPluginExactlyOnce() {
        Result r = TestingCli.run("catalog");
        List<RuleInfo> rules = VerdictEngine.builder().discoverPlugins().build().rules();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("# Rule catalog\n").contains("\n## generic\n")
                .contains("| Rule | Level | Matches | Category | Outcome | Advice | Explanation |");
        for (RuleInfo rule : rules) {
            String cell = "| `" + rule.id() + "` |";
            assertThat(r.out().split(java.util.regex.Pattern.quote(cell), -1)).as(rule.id()).hasSize(2);
        }
    }

    @Test
    void catalog_isTheSameOnEveryRun() {
        assertThat(TestingCli.run("catalog").out()).isEqualTo(TestingCli.run("catalog").out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "enhancedCodes [X.1.1, X.1.3]; X.1.1",
        "codes [550] stages [RCPT]; 550",
        "phrases [user unknown]; text only",
        "template 'Sorry (#5.1.2)'; 5.1.2",
        "enhancedCodes [5.7.*]; 5.7.*"})
    void codeOf_filesARuleUnderItsFirstCode(String matches, String code) {
        assertThat(CatalogCommand.codeOf(matches)).isEqualTo(code);
    }

    @Test
    void compareCodes_ordersBySubjectAndDetailThenBasicCodesThenText() {
        List<String> codes = new java.util.ArrayList<>(List.of("text only", "550", "X.1.10", "X.1.2", "4.2.*", "421"));
        codes.sort(CatalogCommand::compareCodes);

        assertThat(codes).containsExactly("X.1.2", "X.1.10", "4.2.*", "421", "550", "text only");
    }

    @Test
    void cell_escapesPipesAndLineBreaks() {
        assertThat(CatalogCommand.cell("a|b\nc")).isEqualTo("a\\|b c");
    }
}
