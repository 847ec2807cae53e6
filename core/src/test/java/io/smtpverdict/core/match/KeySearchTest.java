package io.smtpverdict.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.parse.FoldedText;
import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.core.parse.ReplyParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class KeySearchTest {
    /** The automaton's hits on the raw reply and the search's on its folded text, each in the order reported. */
    private static void assertSameHits(List<String> keys, String reply) {
        ParsedReply p = ReplyParser.parse(reply, 65536);
        List<String> automaton = new ArrayList<>();
        AhoCorasick.build(keys).scanFolding(p.text(), p.skips(), (k, end) -> automaton.add(keys.get(k) + "@" + end));
        List<String> search = new ArrayList<>();
        KeySearch.of(keys).scan(p.folded(), (k, end) -> search.add(keys.get(k) + "@" + end));
        assertThat(search).as("hits in %s", reply).containsExactlyElementsOf(automaton);
    }

    @Test
    void scan_nestedKeysEndingTogether_reportsThemInTheAutomatonsOrder() {
        List<String> keys = List.of("n", "unknown", "user unknown", "he", "she", "hers", "550 user", "5");
        assertSameHits(keys, "ushers: 550 user unknown unknown");
        List<String> hits = new ArrayList<>();
        ParsedReply p = ReplyParser.parse("550 user unknown", 65536);
        KeySearch.of(keys).scan(p.folded(), (k, end) -> hits.add(keys.get(k) + "@" + end));
        assertThat(hits).containsExactly("5@1", "5@2", "550 user@8", "n@11", "n@13", "user unknown@16", "unknown@16", "n@16");
    }

    @Test
    void scan_multiLineReplyWithRepeatedCodes_findsWhatTheAutomatonFindsInTheRawText() {
        List<String> keys = List.of("does not exist. please try double-checking", "550 5.1.1 the", "try 550", "t");
        assertSameHits(keys, "550-5.1.1 The account does not exist. Please try\r\n"
                + "550-5.1.1   double-checking\n550 5.1.1 the address");
    }

    @Test
    void scan_randomKeysAndReplies_agreesWithTheAutomatonHitForHit() {
        Random random = new Random(7);
        String alphabet = "ab c\u00e9\u0416\u30e6.5";
        for (int round = 0; round < 300; round++) {
            LinkedHashSet<String> set = new LinkedHashSet<>();
            while (set.size() < 1 + random.nextInt(60)) {
                String k = text(random, alphabet, 1 + random.nextInt(6)).strip();
                if (!k.isEmpty() && !k.contains("  ")) {
                    set.add(k);
                }
            }
            StringBuilder reply = new StringBuilder();
            for (int line = 0, lines = 1 + random.nextInt(3); line < lines; line++) {
                reply.append(line + 1 < lines ? "550-" : "550 ").append(text(random, alphabet + "\tB", 80))
                        .append("\r\n");
            }
            assertSameHits(new ArrayList<>(set), reply.toString());
        }
    }

    @Test
    void scan_textLongerThanTheHitsCanName_isRefused() {
        KeySearch search = KeySearch.of(List.of("a"));
        FoldedText longText = FoldedText.of("a".repeat(KeySearch.MAX_TEXT + 1));
        assertThatThrownBy(() -> search.scan(longText, (k, end) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }

    @Test
    void of_emptyKey_isRefused() {
        assertThatThrownBy(() -> KeySearch.of(List.of("a", ""))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty key at 1");
    }

    private static String text(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
