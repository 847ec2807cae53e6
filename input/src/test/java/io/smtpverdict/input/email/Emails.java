package io.smtpverdict.input.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Shared test helpers: one engine with every plugin on the test class path, and reading test resources. */
final class Emails {
    static final VerdictEngine ENGINE = VerdictEngine.builder().discoverPlugins().build();
    static final BounceReader READER = BounceReader.of(ENGINE, List.of("X-Campaign-Id"));

    private Emails() {
    }

    /** The records of a golden email. */
    static List<EmailRecord> golden(String name) {
        return resource("golden/" + name);
    }

    /** The records of an email among this package's test resources. */
    static List<EmailRecord> resource(String path) {
        try (InputStream in = Emails.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return READER.read(in, path, OptionalInt.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON objects of a JSON Lines test resource of this package, blank lines left out. */
    static List<JsonNode> jsonLines(String path) {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = Emails.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verdict of the record for this recipient (compared without case), if the records have one. */
    static Optional<Verdict> verdictFor(List<EmailRecord> records, String recipient) {
        return records.stream()
                .filter(r -> r.recipient().orElse("").equalsIgnoreCase(recipient))
                .findFirst()
                .flatMap(EmailRecord::verdict);
    }

    /** The records of these bytes. */
    static List<EmailRecord> bytes(byte[] email) {
        try {
            return READER.read(new java.io.ByteArrayInputStream(email));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
