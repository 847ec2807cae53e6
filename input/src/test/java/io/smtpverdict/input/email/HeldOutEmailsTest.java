package io.smtpverdict.input.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.spi.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reads the held-out bounce emails (heldout/README.md: whole notices quoted on public pages, no rule written from them)
 * and guards floors ten points below their first figures: recipients found, category and outcome as the pages label
 * them. Only the three figures are printed, never which recipient missed.
 */
final class HeldOutEmailsTest {
    private static final double FOUND_FLOOR = 84.0;
    private static final double CATEGORY_FLOOR = 72.0;
    private static final double OUTCOME_FLOOR = 84.0;

    @Test
    void read_heldOutEmails_staysAboveTheFloors() throws IOException {
        Map<String, List<EmailRecord>> byFile = new HashMap<>();
        int n = 0;
        int found = 0;
        int categoryOk = 0;
        int outcomeOk = 0;
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = HeldOutEmailsTest.class.getResourceAsStream("heldout/labels.jsonl");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode label = json.readTree(line);
                List<EmailRecord> records = byFile.computeIfAbsent(label.path("file").asText(),
                        file -> Emails.resource("heldout/" + file));
                String recipient = label.path("recipient").asText().toLowerCase(Locale.ROOT);
                Optional<Verdict> verdict = records.stream()
                        .filter(r -> r.recipient().map(a -> a.toLowerCase(Locale.ROOT)).orElse("").equals(recipient))
                        .findFirst()
                        .flatMap(EmailRecord::verdict);
                n++;
                found += verdict.isPresent() ? 1 : 0;
                String category = verdict.flatMap(Verdict::category).map(Enum::name).orElse("");
                for (JsonNode allowed : label.path("categories")) {
                    if (allowed.asText().equals(category)) {
                        categoryOk++;
                        break;
                    }
                }
                String outcome = verdict.map(v -> v.outcome().name()).orElse("");
                outcomeOk += outcome.equals(label.path("outcome").asText()) ? 1 : 0;
            }
        }
        System.out.printf("held-out emails: %d recipients, found %.1f, category %.1f, outcome %.1f%n", n,
                100.0 * found / n, 100.0 * categoryOk / n, 100.0 * outcomeOk / n);
        assertThat(n).as("labelled recipients").isGreaterThanOrEqualTo(17);
        assertThat(100.0 * found / n).as("found").isGreaterThanOrEqualTo(FOUND_FLOOR);
        assertThat(100.0 * categoryOk / n).as("category").isGreaterThanOrEqualTo(CATEGORY_FLOOR);
        assertThat(100.0 * outcomeOk / n).as("outcome").isGreaterThanOrEqualTo(OUTCOME_FLOOR);
    }
}
