package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An engine that matches short replies key by key (as a one-shot run does before its automaton pays off) decides
 * exactly as one that matches with the automaton, over every shipped example and the analysis texts, as written,
 * in capitals and split over continuation lines.
 */
final class KeySearchAgreesTest {
    @Test
    void classify_keySearchAndAutomaton_giveEqualVerdictsWithCandidates() throws IOException {
        VerdictEngine search = VerdictEngine.builder().discoverPlugins().keySearches(Integer.MAX_VALUE).build();
        VerdictEngine automaton = VerdictEngine.builder().discoverPlugins().keySearches(0).build();
        List<String> texts = new ArrayList<>();
        for (RuleInfo rule : automaton.rules()) {
            texts.addAll(rule.examples());
        }
        ObjectMapper json = new ObjectMapper();
        for (String set : List.of("analysis-texts-4.jsonl", "analysis-texts-5.jsonl")) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    getClass().getResourceAsStream("/heldout/" + set), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        texts.add(json.readTree(line).get("text").asText());
                    }
                }
            }
        }
        List<String> differ = new ArrayList<>();
        int checked = 0;
        for (String text : texts) {
            String half = text.substring(0, text.length() / 2);
            for (String form : List.of(text, text.toUpperCase(Locale.ROOT),
                    "550-" + half + "\r\n550-  " + text.substring(half.length()) + "\r\n550 end")) {
                checked++;
                if (!search.classify(form, ClassifyOptions.EXPLAIN).equals(automaton.classify(form, ClassifyOptions.EXPLAIN))) {
                    differ.add(form);
                }
            }
        }
        assertThat(checked).isGreaterThan(7_500);
        assertThat(differ).isEmpty();
    }
}
