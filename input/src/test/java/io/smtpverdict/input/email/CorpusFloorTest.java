package io.smtpverdict.input.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reads the development corpus of real bounce emails (see corpus/README.md) and guards floors well below the
 * measured figures: how many labelled recipients are found at all, and how often the verdict agrees with the
 * label (same scoring as the project's score_emails script). It catches a reader that stops finding recipients
 * or takes the wrong part as the diagnostic, not small changes in classification.
 */
final class CorpusFloorTest {
    /** Which of our categories each corpus reason allows. */
    private static final Map<String, Set<String>> ACCEPT = Map.ofEntries(
            Map.entry("userunknown", Set.of("INVALID_RECIPIENT")),
            Map.entry("hasmoved", Set.of("INVALID_RECIPIENT", "BAD_DOMAIN")),
            Map.entry("hostunknown", Set.of("BAD_DOMAIN", "ROUTING_ERROR")),
            Map.entry("notaccept", Set.of("BAD_DOMAIN", "REMOTE_SERVER_ERROR", "INVALID_SENDER")),
            Map.entry("mailboxfull", Set.of("MAILBOX_FULL")),
            Map.entry("suspend", Set.of("MAILBOX_INACTIVE")),
            Map.entry("filtered", Set.of("POLICY_BLOCK", "INVALID_RECIPIENT", "MAILBOX_INACTIVE")),
            Map.entry("expired", Set.of("MESSAGE_EXPIRED", "NO_ANSWER_FROM_HOST", "CONNECTION_LOST")),
            Map.entry("networkerror", Set.of("CONNECTION_LOST", "NO_ANSWER_FROM_HOST", "DNS_FAILURE", "ROUTING_ERROR")),
            Map.entry("rejected", Set.of("INVALID_SENDER", "POLICY_BLOCK")),
            Map.entry("blocked", Set.of("REPUTATION_BLOCK", "POLICY_BLOCK", "AUTH_FAILURE")),
            Map.entry("badreputation", Set.of("REPUTATION_BLOCK")),
            Map.entry("spamdetected", Set.of("SPAM_CONTENT", "REPUTATION_BLOCK")),
            Map.entry("virusdetected", Set.of("VIRUS_DETECTED")),
            Map.entry("contenterror", Set.of("CONTENT_REJECTED")),
            Map.entry("notcompliantrfc", Set.of("CONTENT_REJECTED", "PROTOCOL_ERROR")),
            Map.entry("policyviolation", Set.of("POLICY_BLOCK", "CONTENT_REJECTED")),
            Map.entry("securityerror", Set.of("POLICY_BLOCK", "RELAY_DENIED", "TLS_FAILURE", "AUTH_FAILURE")),
            Map.entry("authfailure", Set.of("AUTH_FAILURE")),
            Map.entry("requireptr", Set.of("AUTH_FAILURE", "REPUTATION_BLOCK")),
            Map.entry("norelaying", Set.of("RELAY_DENIED")),
            Map.entry("syntaxerror", Set.of("PROTOCOL_ERROR")),
            Map.entry("systemerror", Set.of("REMOTE_SERVER_ERROR", "DNS_FAILURE", "TOO_MANY_RECIPIENTS", "ROUTING_ERROR")),
            Map.entry("systemfull", Set.of("REMOTE_SERVER_ERROR", "RATE_LIMITED")),
            Map.entry("mailererror", Set.of("REMOTE_SERVER_ERROR")),
            Map.entry("toomanyconn", Set.of("RATE_LIMITED", "TOO_MANY_RECIPIENTS")),
            Map.entry("speeding", Set.of("RATE_LIMITED")),
            Map.entry("ratelimited", Set.of("RATE_LIMITED", "TOO_MANY_RECIPIENTS")),
            Map.entry("mesgtoobig", Set.of("MESSAGE_TOO_LARGE")),
            Map.entry("exceedlimit", Set.of("MESSAGE_TOO_LARGE")),
            Map.entry("emailtoolarge", Set.of("MESSAGE_TOO_LARGE")),
            Map.entry("failedstarttls", Set.of("TLS_FAILURE")),
            Map.entry("suppressed", Set.of("SUPPRESSED")));
    private static final Map<String, String> OUTCOME_OF_CLASS = Map.of("2", "DELIVERED", "4", "DEFERRED", "5",
            "FAILED");

    @Test
    void read_developmentCorpus_staysAboveTheFloors() throws IOException {
        Map<String, EmailRecord> byKey = new HashMap<>();
        int found = 0;
        int n = 0;
        int catOk = 0;
        int catN = 0;
        int hardOk = 0;
        int hardN = 0;
        int outOk = 0;
        int outN = 0;
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = CorpusFloorTest.class.getResourceAsStream("corpus/labels.jsonl");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode label = json.readTree(line);
                String file = label.path("file").asText();
                if (byKey.keySet().stream().noneMatch(k -> k.startsWith(file + " "))) {
                    List<EmailRecord> records = Emails.resource("corpus/" + file);
                    byKey.put(file + " ", null);
                    for (EmailRecord r : records) {
                        byKey.putIfAbsent(file + " " + r.recipient().orElse(""), r);
                    }
                }
                n++;
                EmailRecord r = byKey.get(file + " " + label.path("recipient").asText().toLowerCase());
                found += r == null ? 0 : 1;
                String reason = label.path("reason").asText();
                Set<String> allowed = ACCEPT.get(reason);
                if (allowed == null) {
                    continue;
                }
                String category = r == null ? "" : r.verdict().flatMap(v -> v.category()).map(Enum::name).orElse("");
                catN++;
                catOk += allowed.contains(category) ? 1 : 0;
                if (!label.path("hard").isNull() && !reason.equals("filtered") && !reason.equals("suspend")) {
                    hardN++;
                    boolean suppress = r != null && r.verdict().map(v -> v.advice().name().equals(
                            "SUPPRESS_RECIPIENT")).orElse(false);
                    hardOk += suppress == label.path("hard").asBoolean() ? 1 : 0;
                }
                String status = label.path("status").asText("");
                if (!status.isEmpty() && OUTCOME_OF_CLASS.containsKey(status.substring(0, 1))
                        && !reason.equals("expired")) {
                    outN++;
                    String outcome = r == null ? "" : r.verdict().map(v -> v.outcome().name()).orElse("");
                    outOk += outcome.equals(OUTCOME_OF_CLASS.get(status.substring(0, 1))) ? 1 : 0;
                }
            }
        }
        assertThat(n).isEqualTo(248);
        assertThat(100.0 * found / n).as("found").isGreaterThanOrEqualTo(96.0);
        assertThat(100.0 * catOk / catN).as("category").isGreaterThanOrEqualTo(85.0);
        assertThat(100.0 * hardOk / hardN).as("hard").isGreaterThanOrEqualTo(90.0);
        assertThat(100.0 * outOk / outN).as("outcome").isGreaterThanOrEqualTo(87.0);
    }
}
