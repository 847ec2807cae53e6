package io.smtpverdict.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.input.email.BounceReader;
import io.smtpverdict.input.email.EmailRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

final class ReadEmailsTest {
    @Test
    void readEmails_directory_givesOneRowPerRecipientWithTheBounceReadersVerdict() throws Exception {
        Path dir = Path.of(ReadEmailsTest.class.getResource("emails").toURI());

        List<String> rows = new ArrayList<>();
        for (Row r : Verdicts.readEmails(TestSpark.session(), dir.toString())
                .selectExpr("file", "recipient", "kind", "to_json(verdict)").collectAsList()) {
            rows.add(Path.of(java.net.URI.create(r.getString(0))).getFileName() + "|" + r.getString(1) + "|"
                    + r.getString(2) + "|" + (r.isNullAt(3) ? null : TestSpark.actual(r.getString(3))));
        }

        assertThat(rows).containsExactlyInAnyOrderElementsOf(library(dir));
        assertThat(rows).hasSize(3)
                .anyMatch(r -> r.startsWith("dsn-two-recipients.eml|cid@example.net|bounce|{\"outcome\":\"FAILED\""))
                .anyMatch(r -> r.startsWith("dsn-two-recipients.eml|eve@example.org|bounce|{\"outcome\":\"DEFERRED\""))
                .anyMatch(r -> r.equals("plain-reply.eml|null|not-a-bounce|null"));
    }

    /** The library's records for every file, as {@code verdict classify} reads them. */
    private static List<String> library(Path dir) throws IOException {
        BounceReader reader = BounceReader.of(TestSpark.engine());
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    for (EmailRecord r : reader.read(in, f.toString(), OptionalInt.empty())) {
                        out.add(f.getFileName() + "|" + r.recipient().orElse(null) + "|"
                                + r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "|"
                                + r.verdict().map(TestSpark::expected).orElse(null));
                    }
                }
            }
        }
        return out;
    }
}
