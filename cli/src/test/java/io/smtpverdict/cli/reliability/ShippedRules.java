package io.smtpverdict.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.VerdictPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** The engine with every shipped plugin, the texts its rules know, and the checks every verdict must pass. */
final class ShippedRules {
    /** Matches with the automaton from the first reply. */
    static final VerdictEngine ENGINE = VerdictEngine.builder().discoverPlugins().keySearches(0).build();
    /** Matches every reply up to the key search's length key by key, never with the automaton. */
    static final VerdictEngine SEARCHING = VerdictEngine.builder().discoverPlugins()
            .keySearches(Integer.MAX_VALUE).build();

    private ShippedRules() {
    }

    /** Every example of every shipped rule: real texts the rules must decide. */
    static List<String> examples() {
        Set<String> out = new LinkedHashSet<>();
        for (RuleInfo r : ENGINE.rules()) {
            out.addAll(r.examples());
        }
        return List.copyOf(out);
    }

    /** Every literal a shipped rule looks for: its phrases and the literal pieces of its templates. */
    static List<String> literals() {
        ObjectMapper json = new ObjectMapper();
        Set<String> out = new LinkedHashSet<>();
        for (VerdictPlugin p : ServiceLoader.load(VerdictPlugin.class)) {
            for (String table : p.ruleTables()) {
                try (InputStream in = p.getClass().getResourceAsStream(table)) {
                    JsonNode tree = json.readTree(in);
                    List<JsonNode> lists = new ArrayList<>();
                    tree.path("phraseLists").forEach(lists::add); // the phrase lists its rules name as @name
                    for (JsonNode rule : tree.path("rules")) {
                        JsonNode m = rule.path("match");
                        for (String field : List.of("phrases", "allPhrases", "notPhrases")) {
                            lists.add(m.path(field));
                        }
                        m.path("phraseGroups").forEach(lists::add);
                        for (JsonNode list : lists) {
                            for (JsonNode phrase : list) {
                                if (!phrase.asText().startsWith("@")) {
                                    out.add(phrase.asText());
                                }
                            }
                        }
                        lists.clear();
                        if (m.has("template")) {
                            for (String piece : m.get("template").asText().split("\\{[A-Z]+\\}|/")) {
                                if (piece.strip().length() > 1) {
                                    out.add(piece.strip());
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
