package io.smtpverdict.input.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Amazon SES notification delivered by email (through SNS): a JSON body whose {@code notificationType} is
 * {@code Bounce} or {@code Complaint}, with the recipients in {@code bounce.bouncedRecipients} (each with
 * {@code emailAddress}, {@code action}, {@code status}, {@code diagnosticCode}) or
 * {@code complaint.complainedRecipients}, as the SES developer guide's "notification contents" describes.
 */
final class SesNotification {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recipient of the notification, with DSN-like fields in the reader's names. */
    record Recipient(String address, Map<String, String> fields) {
    }

    /** What the notification says. */
    record Notice(String type, List<Recipient> recipients) {
    }

    private SesNotification() {
    }

    /** The notification in this text, if the text is one. */
    static Optional<Notice> parse(String text) {
        int from = text.indexOf('{');
        int to = text.lastIndexOf('}');
        if (from < 0 || to <= from || !text.contains("\"notificationType\"")) {
            return Optional.empty();
        }
        String json = text.substring(from, to + 1);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            try {
                // a relay on the way folded the long JSON line, breaking it inside a string or a number: line
                // breaks between JSON tokens mean nothing, so dropping them all restores the notification
                root = JSON.readTree(json.replace("\r", "").replace("\n", ""));
            } catch (IOException again) {
                return Optional.empty();
            }
        }
        String type = root.path("notificationType").asText("");
        List<Recipient> out = new ArrayList<>();
        if (type.equals("Bounce")) {
            JsonNode bounce = root.path("bounce");
            for (JsonNode r : bounce.path("bouncedRecipients")) {
                Map<String, String> f = new LinkedHashMap<>();
                put(f, "action", r.path("action").asText(""));
                put(f, "status", r.path("status").asText(""));
                put(f, "diagnosticCode", DeliveryStatus.typedValue(r.path("diagnosticCode").asText("")));
                put(f, "bounceType", bounce.path("bounceType").asText(""));
                put(f, "bounceSubType", bounce.path("bounceSubType").asText(""));
                put(f, "reportingMta", DeliveryStatus.typedValue(bounce.path("reportingMTA").asText("")));
                put(f, "originalMessageId", root.path("mail").path("messageId").asText(""));
                out.add(new Recipient(r.path("emailAddress").asText(""), f));
            }
        } else if (type.equals("Complaint")) {
            JsonNode complaint = root.path("complaint");
            for (JsonNode r : complaint.path("complainedRecipients")) {
                Map<String, String> f = new LinkedHashMap<>();
                put(f, "feedbackType", complaint.path("complaintFeedbackType").asText(""));
                put(f, "originalMessageId", root.path("mail").path("messageId").asText(""));
                out.add(new Recipient(r.path("emailAddress").asText(""), f));
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(new Notice(type, out));
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (!value.isBlank()) {
            f.put(key, value.strip());
        }
    }
}
