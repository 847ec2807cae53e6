package io.smtpverdict.testkit;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.spi.VerdictPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every literal a plugin's rule tables look for, read from the tables as written: the phrases of every kind
 * ({@code phrases}, {@code allPhrases}, {@code notPhrases}, {@code phraseGroups} and the table's {@code phraseLists})
 * and the literal pieces of its templates. Near misses and repetitions of them make the inputs that cost the matcher
 * most, for fuzzing and cost tests of a plugin.
 */
public final class TableLiterals {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TableLiterals() {
    }

    /**
     * The literals of every table the plugin names, each once: per table its phrase lists, then each rule's phrases
     * and template pieces in rule order. A list named as {@code @name} counts through the list itself; template pieces
     * are stripped of surrounding spaces.
     *
     * @throws UncheckedIOException when a table cannot be read or is not JSON
     */
    public static List<String> of(VerdictPlugin plugin) {
        requireNonNull(plugin, "plugin is null");
        Set<String> out = new LinkedHashSet<>();
        for (String table : plugin.ruleTables()) {
            try (InputStream in = plugin.getClass().getResourceAsStream(table)) {
                if (in == null) {
                    throw new IOException("no such resource");
                }
                collect(MAPPER.readTree(in), out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table + " of " + plugin.id(), e);
            }
        }
        return List.copyOf(out);
    }

    private static void collect(JsonNode tree, Set<String> out) {
        tree.path("phraseLists").forEach(list -> addPhrases(list, out));
        for (JsonNode rule : tree.path("rules")) {
            JsonNode match = rule.path("match");
            for (String field : List.of("phrases", "allPhrases", "notPhrases")) {
                addPhrases(match.path(field), out);
            }
            match.path("phraseGroups").forEach(group -> addPhrases(group, out));
            if (match.has("template")) {
                for (String piece : match.get("template").asText().split("\\{[A-Z]+\\}|/")) {
                    if (!piece.isBlank()) {
                        out.add(piece.strip());
                    }
                }
            }
        }
    }

    /** Adds a list's phrases, leaving out the {@code @name} references to phrase lists (read as lists above). */
    private static void addPhrases(JsonNode list, Set<String> out) {
        for (JsonNode phrase : list) {
            if (!phrase.asText().startsWith("@")) {
                out.add(phrase.asText());
            }
        }
    }
}
