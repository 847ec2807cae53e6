package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own paraphrases of the meanings the generic rules' sources give (a subject and its predicate in
 * another order, other everyday words, other languages): each must get its category, so the keyword layer keeps
 * generalising beyond the exact wordings it was built from; and notices without a code in the same languages, each
 * of which must get the outcome its words state.
 */
final class KeywordParaphrasesTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    static Stream<Arguments> paraphrases() throws IOException {
        return pairs("keyword-paraphrases.tsv");
    }

    static Stream<Arguments> outcomes() throws IOException {
        return pairs("outcome-paraphrases.tsv");
    }

    /** The file's lines as (label, text) pairs: a label, a tab, the text; '#' lines are comments. */
    private static Stream<Arguments> pairs(String name) throws IOException {
        try (InputStream in = KeywordParaphrasesTest.class.getResourceAsStream("/paraphrases/" + name)) {
            assertThat(in).as("paraphrases/" + name).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
            assertThat(lines).hasSizeGreaterThan(50);
            return lines.stream().map(l -> {
                String[] f = l.split("\t", 2);
                assertThat(f).as("label<TAB>text: %s", l).hasSize(2);
                return Arguments.of(f[0], f[1]);
            });
        }
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("paraphrases")
    void classify_paraphrase_getsItsCategory(String category, String text) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.category()).as("%s (%s)", text, v.rule()).contains(Category.valueOf(category));
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("outcomes")
    void classify_noticeWithoutCode_getsTheOutcomeItsWordsState(String outcome, String text) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.outcome()).as("%s (%s)", text, v.rule()).isEqualTo(Outcome.valueOf(outcome));
    }
}
