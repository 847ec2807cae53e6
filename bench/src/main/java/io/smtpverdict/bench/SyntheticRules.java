package io.smtpverdict.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates user rule tables of N {@code PHRASE} rules with plausible multi-word phrases, to measure how the
 * time per reply grows with the number of rules. The phrases are built from mail-system words, so they share
 * prefixes with real replies (the automaton walks deep into them) but seldom occur whole.
 */
public final class SyntheticRules {
    private static final String[] SUBJECTS = {"mailbox", "recipient", "sender", "domain", "message", "account",
        "server", "connection", "client host", "address", "quota", "policy", "relay", "gateway", "tenant",
        "mail store", "queue", "session", "envelope", "header", "attachment", "signature", "certificate",
        "reputation", "listing", "forwarder", "alias", "mailing list", "archive", "journal", "transport",
        "delivery", "submission", "cluster", "node", "shard", "edge", "filter", "scanner", "route"};
    private static final String[] STATES = {"rejected", "suspended", "quarantined", "deferred", "throttled",
        "unavailable", "expired", "locked", "archived", "migrated", "disabled", "over its limit", "not permitted",
        "blocked", "held", "flagged", "parked", "frozen", "retired", "detached", "muted", "rerouted",
        "downgraded", "sealed", "revoked", "paused", "drained", "isolated", "outdated", "misrouted",
        "rate capped", "under review", "not provisioned", "withdrawn", "sunset", "delisted", "shadowed",
        "compacted", "orphaned", "rebalanced"};
    private static final String[] QUALIFIERS = {"by tenant policy", "for compliance review", "pending verification",
        "due to retention rules", "after audit", "by regional filter", "in the staging shard", "at the edge node",
        "during maintenance", "by the operator", "for legal hold", "per contract terms", "until renewal",
        "by the migration tool", "for the billing cycle", "on the secondary site", "in the cold tier",
        "by content inspection", "per data residency", "for capacity planning", "by the abuse desk",
        "under quota plan b", "by partner agreement", "in the overflow pool", "for the weekend window",
        "by the trust engine", "pending owner consent", "after the cutover", "by sender scoring",
        "in the review queue", "for the pilot group", "by geo fencing", "per mailbox class",
        "by the archive agent", "during the freeze", "for the test tenant", "by backbone policy",
        "at the relay tier", "per routing table", "by the delivery broker"};
    private static final String[] TAILS = {"", " for this sender", " for this recipient", " this hour",
        " in region eu", " in region us", " on this route", " for bulk mail", " for new senders", " for this ip",
        " on this mx", " by default", " until further notice", " for this campaign", " for this list",
        " for this tenant", " at this moment", " for now", " on request", " see notice"};
    private static final String[] CATEGORIES = {"POLICY_BLOCK", "MAILBOX_INACTIVE", "REMOTE_SERVER_ERROR",
        "RATE_LIMITED", "LOCAL_POLICY"};

    private SyntheticRules() {
    }

    /** {@code n} distinct folded phrases of three or four parts each, drawn from {@code seed}. */
    public static List<String> phrases(int n, long seed) {
        long combinations = (long) SUBJECTS.length * STATES.length * QUALIFIERS.length * TAILS.length;
        if (n < 0 || n > combinations / 2) {
            throw new IllegalArgumentException("n must be 0 to " + combinations / 2 + ": " + n);
        }
        Random random = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < n) {
            out.add(SUBJECTS[random.nextInt(SUBJECTS.length)] + " " + STATES[random.nextInt(STATES.length)] + " "
                    + QUALIFIERS[random.nextInt(QUALIFIERS.length)] + TAILS[random.nextInt(TAILS.length)]);
        }
        return new ArrayList<>(out);
    }

    /**
     * Writes a user rule table (docs/rule-table-format.md) of {@code n} PHRASE rules to {@code file}: every
     * fourth rule lists two phrases, the others one.
     */
    public static void write(Path file, int n, long seed) throws IOException {
        requireNonNull(file, "file is null");
        int phraseCount = n + n / 4;
        List<String> phrases = phrases(phraseCount, seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", io.smtpverdict.spi.VerdictContract.RULE_TABLE_SCHEMA_VERSION);
            g.writeStringField("plugin", "user");
            g.writeArrayFieldStart("rules");
            int next = 0;
            for (int i = 0; i < n; i++) {
                g.writeStartObject();
                g.writeStringField("id", String.format("user.synthetic-%06d", i));
                g.writeStringField("level", "PHRASE");
                g.writeObjectFieldStart("match");
                g.writeArrayFieldStart("phrases");
                g.writeString(phrases.get(next++));
                if (i % 4 == 3) {
                    g.writeString(phrases.get(next++));
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("verdict");
                g.writeStringField("category", CATEGORIES[i % CATEGORIES.length]);
                g.writeStringField("explanation", "Synthetic benchmark rule " + i
                        + ": wording that real replies seldom use.");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
