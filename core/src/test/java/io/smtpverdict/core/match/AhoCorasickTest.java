package io.smtpverdict.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.core.parse.ReplyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class AhoCorasickTest {
    private static List<String> scan(AhoCorasick ac, List<String> keys, String text) {
        List<String> hits = new ArrayList<>();
        ac.scan(text, (k, end) -> hits.add(keys.get(k) + "@" + end));
        return hits;
    }

    private static List<String> naive(List<String> keys, String text) {
        List<String> hits = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            for (String k : keys) {
                if (end >= k.length() && text.startsWith(k, end - k.length())) {
                    hits.add(k + "@" + end);
                }
            }
        }
        return hits;
    }

    @Test
    void scan_overlappingAndNestedKeys_reportsEveryOccurrence() {
        List<String> keys = List.of("he", "she", "his", "hers", "user unknown", "unknown", "n");
        AhoCorasick ac = AhoCorasick.build(keys);
        String text = "ushers: 550 user unknown unknown";
        assertThat(scan(ac, keys, text)).containsExactlyInAnyOrderElementsOf(naive(keys, text));
    }

    @Test
    void scan_randomKeysAndTexts_agreesWithNaiveSearch() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<String> keys = new ArrayList<>();
            while (keys.size() < 1 + random.nextInt(30)) {
                String k = randomText(random, 1 + random.nextInt(5));
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
            AhoCorasick ac = AhoCorasick.build(keys);
            String text = randomText(random, random.nextInt(200));
            assertThat(scan(ac, keys, text)).containsExactlyInAnyOrderElementsOf(naive(keys, text));
        }
    }

    @Test
    void scanFolding_multiLineReply_findsTheSameKeysAsTheFoldedTextWithoutTheRepeatedCodes() {
        List<String> keys = List.of("does not exist. please try double-checking", "550 5.1.1 the", "try 550");
        AhoCorasick ac = AhoCorasick.build(keys);
        ParsedReply p = ReplyParser.parse("550-5.1.1 The account does not exist. Please try\r\n"
                + "550-5.1.1   double-checking\n550 5.1.1 the address", 65536);
        List<String> folding = new ArrayList<>();
        ac.scanFolding(p.text(), p.skips(), (k, end) -> folding.add(keys.get(k) + "@" + end));
        String folded = p.folded().toString();
        assertThat(folding).containsExactlyInAnyOrderElementsOf(naive(keys, folded))
                .containsExactlyInAnyOrder("550 5.1.1 the@13", "does not exist. please try double-checking@64");
    }

    @Test
    void scanFolding_withABuffer_writesExactlyTheFoldedTextTheParserWouldMake() {
        List<String> keys = List.of("user unknown", "does not exist", "ユーザー", "\u00e9t\u00e9");
        AhoCorasick ac = AhoCorasick.build(keys);
        Random random = new Random(7);
        String pieces = "aZ \t\r\n\u00a0\u2019\u201c\u00c9\u0416\u30e6\u3000\u200c\u00ad550-5.1.1 ";
        List<String> texts = new ArrayList<>(List.of("", "   ", " 550 5.1.1 User  Unknown \n",
                "550-5.1.1 The account does not exist. Please try\r\n550-5.1.1   double-checking\n550 5.1.1 the address",
                "421-4.7.0 [192.0.2.1] \u2018Try\u2019 again\n421 4.7.0 later"));
        for (int i = 0; i < 300; i++) {
            StringBuilder t = new StringBuilder();
            for (int j = random.nextInt(80); j > 0; j--) {
                t.append(pieces.charAt(random.nextInt(pieces.length())));
            }
            texts.add(t.toString());
        }
        for (String text : texts) {
            ParsedReply p = ReplyParser.parse(text, 65536);
            char[] out = new char[p.text().length()];
            List<String> withBuffer = new ArrayList<>();
            int length = ac.scanFolding(p.text(), p.skips(), (k, end) -> withBuffer.add(k + "@" + end), out);
            List<String> without = new ArrayList<>();
            ac.scanFolding(p.text(), p.skips(), (k, end) -> without.add(k + "@" + end));
            assertThat(new String(out, 0, length)).as(text).isEqualTo(p.folded().toString());
            assertThat(withBuffer).as(text).isEqualTo(without);
        }
    }

    @Test
    void scan_nonAsciiKeys_match() {
        List<String> keys = List.of("пользователь не найден", "utilisateur inconnu", "ユーザー");
        AhoCorasick ac = AhoCorasick.build(keys);
        assertThat(scan(ac, keys, "550 пользователь не найден; ユーザー")).hasSize(2);
    }

    private static String randomText(Random random, int length) {
        return randomOf(random, "abc \u00e9", length);
    }

    @Test
    void scan_largeAutomata_wideDenseTableAndSparseFallbackAgreeWithNaiveSearch() {
        Random random = new Random(11);
        for (int keys : new int[] {1_000, 140_000}) {
            java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
            while (set.size() < keys) {
                set.add(letters(random, 6 + random.nextInt(4)));
            }
            List<String> list = new ArrayList<>(set);
            AhoCorasick ac = AhoCorasick.build(list);
            if (keys == 1_000) {
                // small enough for every state to get a dense row (char cells)
                assertThat(ac.denseStates()).isEqualTo(ac.stateCount());
            } else {
                // more states than a char holds (int cells) and than the budget allows: the shallow ones get rows
                assertThat(ac.stateCount()).isGreaterThan(65_536);
                assertThat(ac.denseStates()).isPositive().isLessThan(ac.stateCount());
            }
            List<String> sample = list.subList(0, 200);
            for (int i = 0; i < 50; i++) {
                String text = letters(random, 40) + sample.get(i) + letters(random, 40);
                List<String> expected = new ArrayList<>();
                for (int end = 1; end <= text.length(); end++) {
                    for (int len = 6; len <= 9 && len <= end; len++) {
                        if (set.contains(text.substring(end - len, end))) {
                            expected.add(text.substring(end - len, end) + "@" + end);
                        }
                    }
                }
                assertThat(scan(ac, list, text)).containsExactlyInAnyOrderElementsOf(expected)
                        .contains(sample.get(i) + "@" + (40 + sample.get(i).length()));
            }
        }
    }

    @Test
    void scan_keysInSeveralScripts_denseAndSparseCharactersAgreeWithNaiveSearch() {
        Random random = new Random(5);
        String alphabet = "ab éжユ一";
        java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
        while (set.size() < 300) {
            StringBuilder key = new StringBuilder();
            for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!key.toString().isBlank()) {
                set.add(key.toString());
            }
        }
        List<String> list = new ArrayList<>(set);
        AhoCorasick ac = AhoCorasick.build(list);
        for (int round = 0; round < 100; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                text.append((alphabet + "xyz").charAt(random.nextInt(alphabet.length() + 3)));
            }
            String t = text.toString();
            List<String> expected = new ArrayList<>();
            for (int end = 1; end <= t.length(); end++) {
                for (int len = 2; len <= 5 && len <= end; len++) {
                    if (set.contains(t.substring(end - len, end))) {
                        expected.add(t.substring(end - len, end) + "@" + end);
                    }
                }
            }
            assertThat(scan(ac, list, t)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void scan_keysHoldingTheLastCharacter_neverTakeItForAChainStatesMark() {
        // U+FFFF marks a state with other than one transition; a key may still hold it (remote text is untrusted)
        Random random = new Random(11);
        String alphabet = "a\uffff\u0400";
        java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
        while (set.size() < 40) {
            StringBuilder key = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            set.add(key.toString());
        }
        List<String> list = new ArrayList<>(set);
        AhoCorasick ac = AhoCorasick.build(list);
        for (int round = 0; round < 200; round++) {
            String text = randomOf(random, alphabet, random.nextInt(40));
            assertThat(scan(ac, list, text)).containsExactlyInAnyOrderElementsOf(naive(list, text));
        }
    }

    private static String randomOf(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void scan_deepFailureTargetsNumberedLater_agreeWithNaiveSearch() {
        // The states of "a" + w + "r" fail into the key w + "q", numbered after them; at its end the walk goes on to
        // the failure target of w itself, the key w[4..] + "r", which must be linked first. Keys of w's first half end
        // on the way. The trie is too large for every state to get a dense row.
        Random random = new Random(3);
        java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        while (words.size() < 3_000) {
            String w = (char) ('b' + random.nextInt(25)) + letters(random, 11);
            words.add(w);
            set.add("a" + w + "r");
            set.add(w + "q");
            set.add(w.substring(4) + "r");
            set.add(w.substring(0, 6));
        }
        List<String> list = new ArrayList<>(set);
        AhoCorasick ac = AhoCorasick.build(list);
        assertThat(ac.denseStates()).isLessThan(ac.stateCount() / 2);
        for (int i = 0; i < 200; i++) {
            String w = words.get(i);
            String text = letters(random, 5) + "a" + w + "r" + letters(random, 5) + w + "q";
            assertThat(scan(ac, list, text)).containsExactlyInAnyOrderElementsOf(naive(list, text))
                    .contains(w.substring(0, 6) + "@" + 12, w.substring(4) + "r@" + 19, "a" + w + "r@" + 19,
                            w + "q@" + text.length());
        }
    }

    @Test
    void build_keysLongerThanRecursionAllows_findsThem() {
        String base = "ab".repeat(100_000);
        List<String> keys = List.of(base + "c", "b" + base, "x" + base.substring(0, 50_000));
        AhoCorasick ac = AhoCorasick.build(keys);
        String text = "x" + base + "c";
        assertThat(scan(ac, keys, text)).containsExactlyInAnyOrder(
                keys.get(2) + "@" + 50_001, keys.get(0) + "@" + text.length());
    }

    @Test
    void sorted_ordersKeysAsTheirText() {
        Random random = new Random(9);
        String alphabet = "abc é一";
        for (int round = 0; round < 20; round++) {
            java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
            int size = 1 + random.nextInt(round < 10 ? 30 : 3_000);
            while (set.size() < size) {
                StringBuilder key = new StringBuilder();
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    key.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                set.add(key.toString());
            }
            List<String> keys = new ArrayList<>(set);
            List<String> byId = new ArrayList<>();
            for (int id : AhoCorasick.sorted(keys)) {
                byId.add(keys.get(id));
            }
            assertThat(byId).isSortedAccordingTo(String::compareTo).hasSize(keys.size())
                    .containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    private static String letters(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
