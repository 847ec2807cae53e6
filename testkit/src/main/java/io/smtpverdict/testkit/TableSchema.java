package io.smtpverdict.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.smtpverdict.spi.VerdictPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The rule-table JSON Schema, read from the copy of {@code docs/rule-table.schema.json} this jar carries. */
final class TableSchema {
    private static final String RESOURCE = "rule-table.schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private TableSchema() {
    }

    /** What the schema says about every table the plugin names; a table that cannot be read is a problem too. */
    static List<String> problems(VerdictPlugin plugin) {
        List<String> problems = new ArrayList<>();
        List<String> tables;
        try {
            tables = plugin.ruleTables();
        } catch (RuntimeException e) {
            return List.of("ruleTables() fails: " + e);
        }
        if (tables == null) {
            return List.of("ruleTables() returns null");
        }
        for (String table : tables) {
            JsonNode node;
            try (InputStream in = table == null ? null : plugin.getClass().getResourceAsStream(table)) {
                if (in == null) {
                    problems.add("table '" + table + "' is not a resource beside " + plugin.getClass().getName());
                    continue;
                }
                node = MAPPER.readTree(in);
            } catch (JsonProcessingException e) {
                problems.add("table '" + table + "' is not JSON: " + e.getOriginalMessage());
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read table " + table, e);
            }
            for (String message : validate(node)) {
                problems.add("table '" + table + "' breaks the rule-table schema: " + message);
            }
        }
        return problems;
    }

    /** The schema's complaints about one table, sorted; empty when it is valid. */
    static List<String> validate(JsonNode table) {
        Set<ValidationMessage> messages = SCHEMA.validate(table);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in = TableSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test kit's jar");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
