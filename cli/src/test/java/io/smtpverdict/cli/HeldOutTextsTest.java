package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The held-out checks: real reply texts quoted in public material no rule was written from (mail admins' threads,
 * issues of mail software, hosting providers' help pages), each with the meaning its page gives, in
 * {@code heldout/heldout-texts.jsonl} (set 1), {@code heldout/heldout-texts-2.jsonl} (set 2, collected after set 1
 * began to inform fixes), {@code heldout/heldout-texts-3.jsonl} (set 3, collected after set 2 had been scored) and
 * {@code heldout/heldout-texts-7.jsonl} (set 7, collected on 2026-12-01), {@code heldout/heldout-texts-12.jsonl}
 * (set 12, collected later that day), {@code heldout/heldout-texts-13.jsonl} (set 13, collected the next
 * session), {@code heldout/heldout-texts-14.jsonl} (set 14, collected the session after),
 * {@code heldout/heldout-texts-17.jsonl} (set 17, collected on 2026-12-03), {@code heldout/heldout-texts-20.jsonl}
 * (set 20, collected the next session), {@code heldout/heldout-texts-21.jsonl} (set 21, the session after) and
 * {@code heldout/heldout-texts-23.jsonl} (set 23, the session after that), {@code heldout/heldout-texts-26.jsonl}
 * (set 26, later in that session), {@code heldout/heldout-texts-27.jsonl} (set 27, the next session) and
 * {@code heldout/heldout-texts-37.jsonl} and {@code heldout/heldout-texts-39.jsonl} (sets 37 and 39, collected on
 * 2026-12-05), {@code heldout/heldout-texts-41.jsonl} and {@code heldout/heldout-texts-43.jsonl} (sets 41 and 43,
 * the session after), {@code heldout/heldout-texts-45.jsonl}, {@code heldout/heldout-texts-47.jsonl} and
 * {@code heldout/heldout-texts-49.jsonl} (sets 45, 47 and 49, collected on 2026-12-06); and
 * {@code heldout/analysis-texts-4.jsonl},
 * {@code heldout/analysis-texts-5.jsonl}, {@code heldout/analysis-texts-6.jsonl}, {@code heldout/analysis-texts-8.jsonl},
 * {@code heldout/analysis-texts-9.jsonl}, {@code heldout/analysis-texts-10.jsonl}, {@code heldout/analysis-texts-11.jsonl}
 * {@code heldout/analysis-texts-15.jsonl}, {@code heldout/analysis-texts-16.jsonl},
 * {@code heldout/analysis-texts-18.jsonl}, {@code heldout/analysis-texts-19.jsonl},
 * {@code heldout/analysis-texts-22.jsonl}, {@code heldout/analysis-texts-24.jsonl},
 * {@code heldout/analysis-texts-25.jsonl}, {@code heldout/analysis-texts-29.jsonl},
 * {@code heldout/analysis-texts-30.jsonl}, {@code heldout/analysis-texts-31.jsonl},
 * {@code heldout/analysis-texts-32.jsonl}, {@code heldout/analysis-texts-33.jsonl},
 * {@code heldout/analysis-texts-34.jsonl}, {@code heldout/analysis-texts-35.jsonl},
 * {@code heldout/analysis-texts-36.jsonl}, {@code heldout/analysis-texts-38.jsonl},
 * {@code heldout/analysis-texts-40.jsonl}, {@code heldout/analysis-texts-42.jsonl},
 * {@code heldout/analysis-texts-44.jsonl}, {@code heldout/analysis-texts-46.jsonl},
 * {@code heldout/analysis-texts-48.jsonl} and {@code heldout/analysis-texts-50.jsonl},
 * sets of the same kind whose misses
 * were read to find what the knowledge lacks. Every shipped plugin classifies them, as the CLI's default set does. Each set is scored on its own with the
 * same code; the held-out sets measure how the knowledge generalises, and rules must never be written from any of these
 * texts (see the files' README).
 */
final class HeldOutTextsTest {
    /**
     * Each set's floors are ten points below its measured figure, rounded down (docs/accuracy.md): set 1 71 (category)
     * and 85 (outcome), set 2 62 and 81. Set 3's floors, 55 and 75, were set before it was first scored. Set 4 is an
     * analysis set, not a held-out one (its misses were read from the start, see the README); its floors, 75 and 79, are
     * ten points below its figure when it was collected, and so are set 5's, 63 and 79, and set 6's, 70 and 79. Set 7 (held
     * out) and sets 8 to 11 (analysis) were added on 2026-12-01, each with floors ten points below its first figure: 65
     * and 77, 69 and 78, 72 and 79, 71 and 79, 72 and 82. Set 12 (held out) was added the same morning with floors ten
     * points below its figure on the code of that session's start, 68 and 84, and so was set 13 the next session, 69
     * and 73, and set 14 (held out) and sets 15 and 16 (analysis) the session after, 75 and 77, 69 and 67, 56 and 62.
     * Set 17 (held out) and set 18 (analysis), collected together on 2026-12-03, have floors ten points below their
     * figures on the code of that session's start: 77 and 79, 73 and 77. Set 19 (analysis), collected the next session,
     * has floors ten points below its figure on the code of that session's start: 76 and 79; so has set 20 (held out),
     * collected at the same session's end: 69 and 77; and so has set 21 (held out), collected the session after while
     * its rules were written: 75 and 80; and so has set 22 (analysis), collected in the same session: 78 and 77; and
     * so have set 23 (held out) and set 24 (analysis), collected together the session after: 68 and 61, 67 and 83,
     * and set 25 (analysis), collected later in that session: 75 and 67, and set 26 (held out), collected at its end:
     * 85 and 87; and set 27 (held out), collected in the next session while its rules were written: 60 and 90.
     * Set 29 (analysis: real bounces quoted on mailing lists and forums), collected on 2026-12-05, has floors ten
     * points below its figure on the code of that session's start: 68 and 88; so has set 30 (analysis: bounces
     * archived on the R project's and the Cypherpunks lists, 1993-2021), collected in the same session: 68 and 80;
     * and so has set 31 (analysis: bounces in GitHub mirrors of other list archives), collected later in it: 72 and 90.
     * Set 32 (analysis: bounces kept in email datasets, a spam-ridden list archive and non-English issue threads),
     * collected on 2026-12-05 in the next session, has floors ten points below its figure on the code of that
     * session's start: 76 and 79; so has set 33 (analysis: Q&A answers, admins' blogs and knowledge bases quoting
     * bounces, and old list and Usenet archives), collected later in it: 73 and 82; and so has set 34 (analysis:
     * bounces the R lists received in 2001-2006, and real bounces and logs kept as other software's test inputs),
     * collected at its end: 62 and 79. Set 35 (analysis: bounces quoted in issue threads of bug trackers and of
     * e-commerce, CRM, help-desk and newsletter software, and bounces the R lists and the Perl bug tracker received),
     * collected in the session after, has floors ten points below its figure on the code of that session's start:
     * 76 and 83; so has set 36 (analysis: bounces quoted on non-English pages, Chinese, Korean, Vietnamese, Polish,
     * German, Serbian and Russian above all), collected later in it: 72 and 86. Set 37 (held out: replies quoted in
     * GitHub issue threads), collected on 2026-12-05 in the session after, has floors ten points below its figure on
     * the code of that session's start: 78 and 88; so has set 38 (analysis: replies quoted on non-English and regional
     * hosts' pages), collected beside it: 57 and 76; so have set 39 (held out: replies quoted on English help pages,
     * forums and blogs), 58 and 85, and set 40 (analysis: replies quoted in GitHub threads of less common mail servers,
     * relays and providers), 71 and 83, collected later in the same session. Set 41 (held out: replies quoted in
     * GitHub threads), collected in the session after, has floors ten points below its figure on the code of that
     * session's start: 79 and 77; so has set 42 (analysis: replies quoted on help pages, forums and blogs, many of them
     * Japanese, Chinese and Persian), collected beside it: 57 and 76; and set 44 (analysis: replies quoted in GitHub
     * threads of applications, libraries and self-hosted mail stacks), later in that session: 76 and 78. Set 43 (held
     * out: nine replies quoted on administrators' blogs and deliverability pages, all the stored pages had left) scored
     * 100 / 100; its floors, 77 and 77, allow two of its nine texts, as ten points are less than one of them.
     * Set 45 (held out: nine replies quoted on hosting providers' and administrators' pages not in English, collected
     * on 2026-12-06) scored 77.8 / 100 on the code of that session's start; its floors, 55 and 77, allow two more.
     * Set 46 (analysis: replies quoted on English pages outside GitHub), collected beside it, has floors ten points
     * below its figure on the same code: 73 and 86; so have set 47 (held out: replies quoted in GitHub threads, many
     * of them not in English or of software outside the usual mail stacks), 66 and 82, and set 48 (analysis: replies
     * quoted in GitHub threads in English), 80 and 87, collected later that session, and set 49 (held out: replies
     * quoted in civic-tech, government and privacy projects' threads), 90 and 90, and set 50 (analysis: bounces pasted
     * into other GitHub threads), 71 and 75.
     * An engine without plugins falls below them (checked below).
     */
    private static final List<HeldOutSet> SETS = List.of(
            new HeldOutSet("held-out", "/heldout/heldout-texts.jsonl", 120, 71.0, 85.0),
            new HeldOutSet("held-out set 2", "/heldout/heldout-texts-2.jsonl", 110, 62.0, 81.0),
            new HeldOutSet("held-out set 3", "/heldout/heldout-texts-3.jsonl", 120, 55.0, 75.0),
            new HeldOutSet("analysis set 4", "/heldout/analysis-texts-4.jsonl", 160, 75.0, 79.0),
            new HeldOutSet("analysis set 5", "/heldout/analysis-texts-5.jsonl", 120, 63.0, 79.0),
            new HeldOutSet("analysis set 6", "/heldout/analysis-texts-6.jsonl", 80, 70.0, 79.0),
            new HeldOutSet("held-out set 7", "/heldout/heldout-texts-7.jsonl", 150, 65.0, 77.0),
            new HeldOutSet("analysis set 8", "/heldout/analysis-texts-8.jsonl", 120, 69.0, 78.0),
            new HeldOutSet("analysis set 9", "/heldout/analysis-texts-9.jsonl", 120, 72.0, 79.0),
            new HeldOutSet("analysis set 10", "/heldout/analysis-texts-10.jsonl", 160, 71.0, 79.0),
            new HeldOutSet("analysis set 11", "/heldout/analysis-texts-11.jsonl", 210, 72.0, 82.0),
            new HeldOutSet("held-out set 12", "/heldout/heldout-texts-12.jsonl", 140, 68.0, 84.0),
            new HeldOutSet("held-out set 13", "/heldout/heldout-texts-13.jsonl", 120, 69.0, 73.0),
            new HeldOutSet("held-out set 14", "/heldout/heldout-texts-14.jsonl", 45, 75.0, 77.0),
            new HeldOutSet("analysis set 15", "/heldout/analysis-texts-15.jsonl", 45, 69.0, 67.0),
            new HeldOutSet("analysis set 16", "/heldout/analysis-texts-16.jsonl", 18, 56.0, 62.0),
            new HeldOutSet("held-out set 17", "/heldout/heldout-texts-17.jsonl", 55, 77.0, 79.0),
            new HeldOutSet("analysis set 18", "/heldout/analysis-texts-18.jsonl", 73, 73.0, 77.0),
            new HeldOutSet("analysis set 19", "/heldout/analysis-texts-19.jsonl", 84, 76.0, 79.0),
            new HeldOutSet("held-out set 20", "/heldout/heldout-texts-20.jsonl", 72, 69.0, 77.0),
            new HeldOutSet("held-out set 21", "/heldout/heldout-texts-21.jsonl", 70, 75.0, 80.0),
            new HeldOutSet("analysis set 22", "/heldout/analysis-texts-22.jsonl", 87, 78.0, 77.0),
            new HeldOutSet("held-out set 23", "/heldout/heldout-texts-23.jsonl", 80, 68.0, 61.0),
            new HeldOutSet("analysis set 24", "/heldout/analysis-texts-24.jsonl", 72, 67.0, 83.0),
            new HeldOutSet("analysis set 25", "/heldout/analysis-texts-25.jsonl", 74, 75.0, 67.0),
            new HeldOutSet("held-out set 26", "/heldout/heldout-texts-26.jsonl", 68, 85.0, 87.0),
            new HeldOutSet("held-out set 27", "/heldout/heldout-texts-27.jsonl", 37, 60.0, 90.0),
            new HeldOutSet("analysis set 29", "/heldout/analysis-texts-29.jsonl", 82, 68.0, 88.0),
            new HeldOutSet("analysis set 30", "/heldout/analysis-texts-30.jsonl", 73, 68.0, 80.0),
            new HeldOutSet("analysis set 31", "/heldout/analysis-texts-31.jsonl", 39, 72.0, 90.0),
            new HeldOutSet("analysis set 32", "/heldout/analysis-texts-32.jsonl", 91, 76.0, 79.0),
            new HeldOutSet("analysis set 33", "/heldout/analysis-texts-33.jsonl", 92, 73.0, 82.0),
            new HeldOutSet("analysis set 34", "/heldout/analysis-texts-34.jsonl", 58, 62.0, 79.0),
            new HeldOutSet("analysis set 35", "/heldout/analysis-texts-35.jsonl", 80, 76.0, 83.0),
            new HeldOutSet("analysis set 36", "/heldout/analysis-texts-36.jsonl", 52, 72.0, 86.0),
            new HeldOutSet("held-out set 37", "/heldout/heldout-texts-37.jsonl", 59, 78.0, 88.0),
            new HeldOutSet("analysis set 38", "/heldout/analysis-texts-38.jsonl", 52, 57.0, 76.0),
            new HeldOutSet("held-out set 39", "/heldout/heldout-texts-39.jsonl", 22, 58.0, 85.0),
            new HeldOutSet("analysis set 40", "/heldout/analysis-texts-40.jsonl", 48, 71.0, 83.0),
            new HeldOutSet("held-out set 41", "/heldout/heldout-texts-41.jsonl", 48, 79.0, 77.0),
            new HeldOutSet("analysis set 42", "/heldout/analysis-texts-42.jsonl", 43, 57.0, 76.0),
            new HeldOutSet("held-out set 43", "/heldout/heldout-texts-43.jsonl", 9, 77.0, 77.0),
            new HeldOutSet("analysis set 44", "/heldout/analysis-texts-44.jsonl", 44, 76.0, 78.0),
            new HeldOutSet("held-out set 45", "/heldout/heldout-texts-45.jsonl", 9, 55.0, 77.0),
            new HeldOutSet("analysis set 46", "/heldout/analysis-texts-46.jsonl", 31, 73.0, 86.0),
            new HeldOutSet("held-out set 47", "/heldout/heldout-texts-47.jsonl", 26, 66.0, 82.0),
            new HeldOutSet("analysis set 48", "/heldout/analysis-texts-48.jsonl", 42, 80.0, 87.0),
            new HeldOutSet("held-out set 49", "/heldout/heldout-texts-49.jsonl", 15, 90.0, 90.0),
            new HeldOutSet("analysis set 50", "/heldout/analysis-texts-50.jsonl", 54, 71.0, 75.0));

    private static VerdictEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = VerdictEngine.builder().discoverPlugins().build();
    }

    static Stream<HeldOutSet> sets() {
        return SETS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void classify_heldOutTexts_keepsItsAccuracy(HeldOutSet set) throws IOException {
        List<JsonNode> texts = read(set.resource());
        assertThat(texts).hasSizeGreaterThanOrEqualTo(set.minSize());
        Score score = score(engine, texts);
        if (set.analysis()) {
            // an analysis set's misses are read on purpose; a held-out set's are not printed, so that reading the
            // figures never shows them
            score.misses().forEach(m -> System.out.println("  " + m));
        }
        System.out.printf(Locale.ROOT, "%s: category=%.1f outcome=%.1f n=%d%n",
                set.label(), score.category(), score.outcome(), texts.size());

        assertThat(score.category()).as("category accuracy on %s texts", set.label())
                .isGreaterThanOrEqualTo(set.categoryFloor());
        assertThat(score.outcome()).as("outcome accuracy on %s texts", set.label())
                .isGreaterThanOrEqualTo(set.outcomeFloor());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void read_heldOutTexts_everyTextNamesItsPageAndAValidLabel(HeldOutSet set) throws IOException {
        List<String> categories = Arrays.stream(Category.values()).map(Enum::name).toList();
        assertThat(read(set.resource())).allSatisfy(t -> {
            assertThat(t.path("text").asText()).isNotBlank();
            assertThat(t.path("url").asText()).as("page of %s", t.path("text")).startsWith("http");
            assertThat(t.path("categories").size()).as("labels of %s", t.path("text")).isBetween(1, 2);
            t.path("categories").forEach(c -> assertThat(c.asText()).isIn(categories));
            assertThat(t.path("outcome").asText()).isIn("DELIVERED", "DEFERRED", "FAILED");
        });
    }

    static Stream<HeldOutSet> laterSets() {
        return SETS.stream().skip(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("laterSets")
    void read_laterSet_sharesNoPageAndNoTextWithTheEarlierOnes(HeldOutSet set) throws IOException {
        assertSharesNoPageAndNoText(set, SETS.subList(0, SETS.indexOf(set)));
    }

    /**
     * Fails when {@code later} quotes a page that one of the {@code earlier} sets quotes, or a text that equals one of
     * theirs once both are lower-cased and their white space collapsed.
     */
    private static void assertSharesNoPageAndNoText(HeldOutSet later, List<HeldOutSet> earlier) throws IOException {
        Set<String> earlierPages = new HashSet<>();
        Set<String> earlierTexts = new HashSet<>();
        for (HeldOutSet set : earlier) {
            read(set.resource()).forEach(t -> {
                earlierPages.add(t.path("url").asText());
                earlierTexts.add(normalised(t.path("text").asText()));
            });
        }
        List<JsonNode> texts = read(later.resource());
        assertThat(texts).as("%s's pages", later.label())
                .noneSatisfy(t -> assertThat(earlierPages).contains(t.path("url").asText()));
        assertThat(texts).as("%s's texts", later.label())
                .noneSatisfy(t -> assertThat(earlierTexts).contains(normalised(t.path("text").asText())));
    }

    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    @Test
    void score_engineWithoutPlugins_fallsBelowEverySetsFloors() throws IOException {
        VerdictEngine bare = VerdictEngine.builder().build();
        for (HeldOutSet set : SETS) {
            Score score = score(bare, read(set.resource()));
            System.out.printf(Locale.ROOT, "%s without plugins: category=%.1f outcome=%.1f%n",
                    set.label(), score.category(), score.outcome());
            assertThat(score.category() < set.categoryFloor() || score.outcome() < set.outcomeFloor())
                    .as("a plugin-less engine must fail %s's floors, or the floors check nothing", set.label())
                    .isTrue();
        }
    }

    private static Score score(VerdictEngine scoring, List<JsonNode> texts) {
        int catOk = 0;
        int outOk = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode t : texts) {
            Verdict v = scoring.classify(t.path("text").asText());
            String got = v.category().map(Enum::name).orElse("-");
            boolean categoryRight = false;
            for (JsonNode c : t.path("categories")) {
                categoryRight |= c.asText().equals(got);
            }
            boolean outcomeRight = v.outcome().name().equals(t.path("outcome").asText());
            catOk += categoryRight ? 1 : 0;
            outOk += outcomeRight ? 1 : 0;
            if (!categoryRight || !outcomeRight) {
                misses.add("miss " + got + "/" + v.outcome() + " want " + t.path("categories") + "/"
                        + t.path("outcome").asText() + " (" + v.rule().map(r -> r.plugin() + ":" + r.id()).orElse("-")
                        + "): " + t.path("text").asText().replace("\n", "\\n"));
            }
        }
        return new Score(100.0 * catOk / texts.size(), 100.0 * outOk / texts.size(), misses);
    }

    private static List<JsonNode> read(String resource) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = HeldOutTextsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("held-out texts resource %s", resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(mapper.readTree(line));
                }
            }
        }
        return out;
    }

    /** One held-out set: its name in the output, its resource, the fewest texts it may hold and its two floors. */
    record HeldOutSet(String label, String resource, int minSize, double categoryFloor, double outcomeFloor) {
        @Override
        public String toString() {
            return label;
        }

        /** Whether the set is one collected to be read (its misses are printed), not a held-out one. */
        boolean analysis() {
            return label.startsWith("analysis ");
        }
    }

    /** Category and outcome accuracy in percent, and one line per text that missed either. */
    private record Score(double category, double outcome, List<String> misses) {
    }
}
