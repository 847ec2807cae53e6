package io.smtpverdict.input.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.spi.Verdict;
import java.util.HashMap;
import java.util.List;
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
    void read_heldOutEmails_staysAboveTheFloors() {
        Map<String, List<EmailRecord>> byFile = new HashMap<>();
        int n = 0;
        int found = 0;
        int categoryOk = 0;
        int outcomeOk = 0;
        for (JsonNode label : Emails.jsonLines("heldout/labels.jsonl")) {
            List<EmailRecord> records = byFile.computeIfAbsent(label.path("file").asText(),
                    file -> Emails.resource("heldout/" + file));
            Optional<Verdict> verdict = Emails.verdictFor(records, label.path("recipient").asText());
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
        System.out.printf("held-out emails: %d recipients, found %.1f, category %.1f, outcome %.1f%n", n,
                100.0 * found / n, 100.0 * categoryOk / n, 100.0 * outcomeOk / n);
        assertThat(n).as("labelled recipients").isGreaterThanOrEqualTo(17);
        assertThat(100.0 * found / n).as("found").isGreaterThanOrEqualTo(FOUND_FLOOR);
        assertThat(100.0 * categoryOk / n).as("category").isGreaterThanOrEqualTo(CATEGORY_FLOOR);
        assertThat(100.0 * outcomeOk / n).as("outcome").isGreaterThanOrEqualTo(OUTCOME_FLOOR);
    }
}
