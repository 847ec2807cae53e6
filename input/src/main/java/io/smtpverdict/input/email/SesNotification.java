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
 * An Amazon SES notification delivered by email (through SNS): a JSON body whose {@code notificationType} (or, for
 * event publishing, {@code eventType}) is {@code Bounce}, {@code Complaint} or {@code Delivery}, with the recipients
 * in {@code bounce.bouncedRecipients} (each with {@code emailAddress}, {@code action}, {@code status},
 * {@code diagnosticCode}), {@code complaint.complainedRecipients} or {@code delivery.recipients} (with the one
 * {@code delivery.smtpResponse}), as the SES developer guide's "notification contents" describes. The notification
 * may arrive as it is (an SNS "raw" or email subscription) or as the {@code Message} string of an SNS envelope
 * ({@code "Type" : "Notification"}, the SNS "email-json" format).
 */
final class SesNotification {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The shortest line taken for one Sendmail broke: its mailers' limits are near the 1000 characters RFC 5321
     * §4.5.3.1.6 allows (990 for SMTP), far above what anyone writes by hand before a "!".
     */
    private static final int MIN_BROKEN_LINE = 500;

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
        if (from < 0 || to <= from || !text.contains("notificationType") && !text.contains("eventType")) {
            return Optional.empty();
        }
        Optional<JsonNode> read = readJson(text.substring(from, to + 1));
        if (read.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = read.get();
        if (root.path("Type").asText("").equals("Notification") && root.path("Message").isTextual()) {
            // an SNS envelope: the SES notification is the JSON text of its Message field
            Optional<JsonNode> inner = readJson(root.path("Message").asText(""));
            if (inner.isEmpty()) {
                return Optional.empty();
            }
            root = inner.get();
        }
        String type = root.path("notificationType").asText(root.path("eventType").asText(""));
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
        } else if (type.equals("Delivery")) {
            JsonNode delivery = root.path("delivery");
            for (JsonNode r : delivery.path("recipients")) {
                Map<String, String> f = new LinkedHashMap<>();
                put(f, "action", "delivered");
                put(f, "diagnosticCode", delivery.path("smtpResponse").asText(""));
                put(f, "reportingMta", DeliveryStatus.typedValue(delivery.path("reportingMTA").asText("")));
                put(f, "remoteMtaIp", delivery.path("remoteMtaIp").asText(""));
                put(f, "originalMessageId", root.path("mail").path("messageId").asText(""));
                out.add(new Recipient(r.asText(""), f));
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(new Notice(type, out));
    }

    /**
     * The JSON value of this text. A relay on the way may have folded a long JSON line: Sendmail breaks a line over
     * its mailer's limit with {@code "!"}, a line break and a space (sendmail/util.c, putxline), which is undone
     * first; any other line break between JSON tokens means nothing, and one inside a string or number is dropped.
     */
    private static Optional<JsonNode> readJson(String json) {
        try {
            return Optional.of(JSON.readTree(json));
        } catch (IOException e) {
            try {
                return Optional.of(JSON.readTree(unfoldOverlongLines(json).replace("\r", "").replace("\n", "")));
            } catch (IOException again) {
                return Optional.empty();
            }
        }
    }

    /** Undoes Sendmail's break of an overlong line: a long line ending in "!", the next starting with a space. */
    static String unfoldOverlongLines(String text) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean broken = line.length() >= MIN_BROKEN_LINE && line.endsWith("!") && i + 1 < lines.length
                    && lines[i + 1].startsWith(" ");
            if (broken) {
                b.append(line, 0, line.length() - 1);
                lines[i + 1] = lines[i + 1].substring(1);
            } else {
                b.append(line);
                if (i + 1 < lines.length) {
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (!value.isBlank()) {
            f.put(key, value.strip());
        }
    }
}
