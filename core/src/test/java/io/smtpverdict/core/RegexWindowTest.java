package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.testing.UserTables;
import io.smtpverdict.spi.Verdict;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a long text a regex rule is searched near the first place its phrase occurs ({@link Classifier#regexWindow}),
 * not through the whole text: what it finds there, and where the window's edges fall.
 */
final class RegexWindowTest {
    private static final String TABLE = """
            {"schemaVersion": 2, "defaults": {"source": "RegexWindowTest"},
             "rules": [
              {"id": "user.relay-from",
               "match": {"phrases": ["is denied"], "regex": "\\\\brelay from \\\\S+ is denied\\\\b"},
               "verdict": {"category": "RELAY_DENIED", "explanation": "Relaying is denied."}},
              {"id": "user.word-before", "match": {"phrases": ["zq-mark"], "regex": "\\\\bkw\\\\b"},
               "verdict": {"category": "LOCAL_POLICY", "explanation": "A word before the mark."}},
              {"id": "user.line-start", "match": {"phrases": ["zq-start"], "regex": "(?:^|: )kw\\\\b"},
               "verdict": {"category": "PROTOCOL_ERROR", "explanation": "At the start or after a colon."}},
              {"id": "user.codes-only", "match": {"codes": [552], "regex": "far end of the text"},
               "verdict": {"category": "MESSAGE_TOO_LARGE", "explanation": "Found anywhere."}}
             ]}""";

    private static String filler(int length) {
        StringBuilder sb = new StringBuilder(length + 8);
        while (sb.length() < length) {
            sb.append("lorem ipsum ");
        }
        sb.setLength(length);
        return sb.toString();
    }

    private static Optional<String> rule(Verdict v) {
        return v.rule().map(r -> r.id());
    }

    @Test
    void classify_regexMatchNearItsPhraseDeepInALongText_isFound(@TempDir Path dir) throws Exception {
        VerdictEngine e = UserTables.engine(dir, "window.json", TABLE);
        String text = "550 " + filler(40_000) + " relay from mx.example.net is denied " + filler(20_000);
        assertThat(rule(e.classify(text))).contains("user.relay-from");
    }

    @Test
    void classify_regexMatchFarFromTheFirstOccurrenceOfItsPhrase_isNotSought(@TempDir Path dir) throws Exception {
        VerdictEngine e = UserTables.engine(dir, "window.json", TABLE);
        String near = "550 access is denied " + filler(100) + " relay from mx.example.net is denied";
        assertThat(rule(e.classify(near))).contains("user.relay-from");
        String far = "550 access is denied " + filler(Classifier.REGEX_REACH * 3)
                + " relay from mx.example.net is denied";
        assertThat(rule(e.classify(far))).isNotEqualTo(Optional.of("user.relay-from"));
    }

    @Test
    void classify_windowStartingInsideAWord_widensToTheWordsStart(@TempDir Path dir) throws Exception {
        VerdictEngine e = UserTables.engine(dir, "window.json", TABLE);
        String mark = "zq-mark";
        // the window starts REGEX_REACH characters before the mark: put "xxkw" so that its "kw" begins exactly there
        // (one long word between them, and single spaces, so that folding moves nothing)
        String between = "y".repeat(Classifier.REGEX_REACH - 4) + " ";
        String text = "550 " + filler(5_000) + "xxkw " + between + mark + " " + filler(5_000);
        assertThat(text).doesNotContain("  ");
        assertThat(text.indexOf("xxkw") + 2).isEqualTo(text.indexOf(mark) - Classifier.REGEX_REACH);
        assertThat(rule(e.classify(text))).as("\\bkw\\b inside xxkw").isNotEqualTo(Optional.of("user.word-before"));
        String word = text.replace("xxkw", "x kw");
        assertThat(rule(e.classify(word))).contains("user.word-before");
    }

    @Test
    void classify_regexRuleWithoutPhrases_searchesTheWholeText(@TempDir Path dir) throws Exception {
        VerdictEngine e = UserTables.engine(dir, "window.json", TABLE);
        String text = "552 " + filler(60_000) + " far end of the text";
        assertThat(rule(e.classify(text))).contains("user.codes-only");
    }

    @Test
    void classify_shortText_isSearchedWhole(@TempDir Path dir) throws Exception {
        VerdictEngine e = UserTables.engine(dir, "window.json", TABLE);
        // the phrase first occurs farther from the match than a window reaches, but the text is short enough
        String text = "550 access is denied " + filler(Classifier.REGEX_REACH + 400)
                + " relay from mx.example.net is denied";
        assertThat(text.length()).isLessThanOrEqualTo(2 * Classifier.REGEX_REACH);
        assertThat(rule(e.classify(text))).contains("user.relay-from");
    }

    @Test
    void classify_regexAnchoredAtTheStart_doesNotMatchAtAWindowsStart(@TempDir Path dir) throws Exception {
        VerdictEngine e = UserTables.engine(dir, "window.json", TABLE);
        // "kw" where the window starts (REGEX_REACH before the phrase's start), after a space: not the text's start
        String between = "y".repeat(Classifier.REGEX_REACH - 4) + " ";
        String text = "550 " + filler(5_000) + " kw " + between + "zq-start " + filler(5_000);
        assertThat(text.indexOf(" kw ") + 1).isEqualTo(text.indexOf("zq-start") - Classifier.REGEX_REACH);
        assertThat(rule(e.classify(text.replace(between, "")))).as("after a space, near")
                .isNotEqualTo(Optional.of("user.line-start"));
        assertThat(rule(e.classify(text.replace(" kw " + between, ": kw ")))).contains("user.line-start");
        assertThat(rule(e.classify(text))).as("^ at the window's start").isNotEqualTo(Optional.of("user.line-start"));
        assertThat(rule(e.classify("kw zq-start " + filler(5_000)))).as("the text's start").contains("user.line-start");
    }

    @Test
    void withoutEdges_makesTheCutAnchorsMatchNowhere() {
        assertThat(CompiledRule.withoutEdges("(a+)+$", false, true)).isEqualTo("(a+)+(?:\\b\\B)");
        assertThat(CompiledRule.withoutEdges("(a+)+$", true, false)).isEqualTo("(a+)+$");
        assertThat(CompiledRule.withoutEdges("(^|[:;] )x-unix; (67)$", true, true))
                .isEqualTo("((?:\\b\\B)|[:;] )x-unix; (67)(?:\\b\\B)");
        assertThat(CompiledRule.withoutEdges("\\Afrom [^$^] to \\$5\\z", true, true))
                .isEqualTo("(?:\\b\\B)from [^$^] to \\$5(?:\\b\\B)");
        assertThat(CompiledRule.withoutEdges("[]^$] and [^]$]", true, true)).isEqualTo("[]^$] and [^]$]");
    }

    @Test
    void multiLine_onlyForTheMFlag() {
        assertThat(CompiledRule.multiLine("(?m)^x$")).isTrue();
        assertThat(CompiledRule.multiLine("(?im:^x)")).isTrue();
        assertThat(CompiledRule.multiLine("(?i)x")).isFalse();
        assertThat(CompiledRule.multiLine("(?:m)")).isFalse();
        assertThat(CompiledRule.multiLine("(?P<m>x)")).isFalse();
    }

    @Test
    void anchorsAtEdge_anchorsOutsideClassesOnly() {
        assertThat(CompiledRule.anchorsAtEdge("(a+)+$")).isTrue();
        assertThat(CompiledRule.anchorsAtEdge("^451 please try again later")).isTrue();
        assertThat(CompiledRule.anchorsAtEdge("(^|[:;] )x-unix; (67)")).isTrue();
        assertThat(CompiledRule.anchorsAtEdge("\\Afrom start")).isTrue();
        assertThat(CompiledRule.anchorsAtEdge("to the end\\z")).isTrue();
        assertThat(CompiledRule.anchorsAtEdge("list '[^']+' does not exist")).isFalse();
        assertThat(CompiledRule.anchorsAtEdge("costs \\$5 or [$^] or []^$]")).isFalse();
        assertThat(CompiledRule.anchorsAtEdge("\\bbl00[67]\\b")).isFalse();
    }

    @Test
    void classify_regexAnchoredAtTheEnd_matchesOnlyAtTheTextsEnd(@TempDir Path dir) throws Exception {
        VerdictEngine e = UserTables.engine(dir, "end.json", """
                {"schemaVersion": 2, "defaults": {"source": "RegexWindowTest"},
                 "rules": [
                  {"id": "user.last-word", "match": {"phrases": ["final word"], "regex": "final word \\\\w+$"},
                   "verdict": {"category": "LOCAL_POLICY", "explanation": "The text ends with it."}}
                 ]}""");
        // one word longer than a window reaches: a window would end inside it, where "$" would match
        String cut = "550 final word " + "y".repeat(3 * Classifier.REGEX_REACH) + " " + filler(10_000);
        assertThat(rule(e.classify(cut))).as("the window's end is not the text's")
                .isNotEqualTo(Optional.of("user.last-word"));
        String end = "550 " + filler(10_000) + " final word here";
        assertThat(rule(e.classify(end))).contains("user.last-word");
    }
}
