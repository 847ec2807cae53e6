package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A phrase matches anywhere, also inside a word (docs/rule-table-format.md): a one-word phrase or exclusion that
 * stands inside a word bounce texts use all the time, not at its start, fires or silences its rule for that word. The
 * exclusion "rate" once silenced ten rules for every "automatically generated" notice, "not" a success notice's
 * "Notification", "format" any text with "information". These words are the everyday words of notices where that
 * happened or nearly did.
 */
final class PhrasesInsideWordsTest {
    private static final List<String> EVERYDAY_WORDS = List.of("information", "notification", "generated",
            "automatically", "deliberately", "separately", "recipient", "recipients", "client", "clients", "hosts",
            "lists", "requests", "exists", "description", "subscription", "search", "archive", "online", "guidelines",
            "another", "cannot", "verified", "specified", "certificate", "identified", "attribute", "distribution",
            "password", "anonymous", "denied", "profile", "operation", "permanent", "temporarily", "properly",
            "corporate", "accurate", "moderate", "fwlink", "workspace", "misslyckades", "şifreli");

    @Test
    void tables_noOneWordPhrase_standsInsideAnEverydayWord() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> found = new ArrayList<>();
        for (String table : new GenericPlugin().ruleTables()) {
            try (InputStream in = GenericPlugin.class.getResourceAsStream(table)) {
                assertThat(in).as(table).isNotNull();
                JsonNode root = json.readTree(in);
                root.path("phraseLists").fields()
                        .forEachRemaining(e -> check(table + " list " + e.getKey(), e.getValue(), found));
                for (JsonNode rule : root.path("rules")) {
                    JsonNode match = rule.path("match");
                    String where = table + " " + rule.path("id").asText();
                    for (String field : List.of("phrases", "notPhrases", "allPhrases")) {
                        check(where + " " + field, match.path(field), found);
                    }
                    for (JsonNode group : match.path("phraseGroups")) {
                        check(where + " phraseGroups", group, found);
                    }
                }
            }
        }
        assertThat(found).as("phrases that stand inside an everyday word (write the whole phrase they mean)")
                .isEmpty();
    }

    private static void check(String where, JsonNode phrases, List<String> found) {
        for (JsonNode p : phrases) {
            String phrase = p.asText().strip().toLowerCase(Locale.ROOT);
            if (phrase.isEmpty() || phrase.startsWith("@")) {
                continue;
            }
            for (String word : EVERYDAY_WORDS) {
                if (word.indexOf(phrase) > 0) {
                    found.add(where + ": '" + phrase + "' inside '" + word + "'");
                }
            }
        }
    }
}
