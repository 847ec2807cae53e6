package io.smtpverdict.input;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.core.ClassifyContext;
import io.smtpverdict.core.MtaDecision;
import io.smtpverdict.input.LineFormats.Extracted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook events and JSON log records, recognised by their shape: what each provider's documentation says its
 * events hold. Each gives the reply, the recipient, what the provider decided and where and when it happened.
 */
final class Events {
    private static final List<String> KUMO_TYPES = List.of("Delivery", "Bounce", "TransientFailure", "Expiration",
            "AdminBounce", "OOB", "Feedback", "Reception", "AdminRebind", "Rejection", "DelayedByPolicy");

    private Events() {
    }

    /** The replies in one JSON value: usually one, one per recipient for an Amazon SES notification. */
    static List<Extracted> extract(JsonNode node, List<JsonPointer> fields) {
        List<Extracted> found = byShape(node);
        if (fields.isEmpty()) {
            return found == null ? List.of(legacy(node)) : found;
        }
        // --field names the reply; what the shape says about recipient and decision still counts
        Optional<String> reply = Optional.empty();
        for (JsonPointer f : fields) {
            reply = LineFormats.text(node.at(f));
            if (reply.isPresent()) {
                break;
            }
        }
        if (found == null) {
            Map<String, String> context = new LinkedHashMap<>();
            recipient(node).ifPresent(r -> context.put("recipient", r));
            if (reply.isEmpty()) {
                return List.of(new Extracted(Optional.empty(), context, ClassifyContext.NONE,
                        Optional.of("no value at " + names(fields))));
            }
            return List.of(replyOrLogLine(reply.get(), context));
        }
        List<Extracted> out = new ArrayList<>();
        for (Extracted e : found) {
            if (reply.isPresent() && e.skipped().isEmpty()) {
                out.add(Extracted.reply(reply.get(), e.context(), e.mta()));
            } else if (reply.isEmpty() && e.skipped().isEmpty()) {
                out.add(new Extracted(Optional.empty(), e.context(), e.mta(), Optional.of("no value at " + names(fields))));
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static String names(List<JsonPointer> fields) {
        return String.join(", ", fields.stream().map(JsonPointer::toString).toList());
    }

    /** An event of no known shape: the reply at the first of the usual fields. */
    private static Extracted legacy(JsonNode node) {
        Map<String, String> context = new LinkedHashMap<>();
        recipient(node).ifPresent(r -> context.put("recipient", r));
        for (String pointer : LineFormats.DEFAULT_JSON_FIELDS) {
            JsonNode v = node.at(pointer);
            if (v.isTextual()) {
                return replyOrLogLine(v.asText(), context);
            }
        }
        Optional<String> named = fieldIgnoringCase(node);
        if (named.isPresent()) {
            return replyOrLogLine(named.get(), context);
        }
        return new Extracted(Optional.empty(), context, ClassifyContext.NONE, Optional.of(
                "no known event shape and no reply field found (tried " + String.join(", ",
                        LineFormats.DEFAULT_JSON_FIELDS) + "); name it with --field"));
    }

    /** Top-level names an error object of no known shape gives its text under, in any case ({@code Message}). */
    private static final List<String> ERROR_TEXT_FIELDS =
            List.of("raw_reason", "reason", "response", "diag", "message", "error", "error_message", "errormessage",
                    "detail");

    /**
     * The text of the first top-level field named as in {@link #ERROR_TEXT_FIELDS}, ignoring case: an email API's
     * error object ({@code {"ErrorCode": 406, "Message": "..."}}) names its text in its own spelling.
     */
    private static Optional<String> fieldIgnoringCase(JsonNode node) {
        for (String name : ERROR_TEXT_FIELDS) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (f.getKey().equalsIgnoreCase(name) && f.getValue().isTextual()) {
                    return Optional.of(f.getValue().asText());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The field's text as the reply of an event of no known shape, or, when it is an MTA's delivery log line, what
     * that line says (its reply and the MTA's decision), with the event's recipient where the line names none.
     */
    private static Extracted replyOrLogLine(String text, Map<String, String> context) {
        Optional<Extracted> line = LineFormats.deliveryLine(text);
        if (line.isEmpty()) {
            return Extracted.reply(text, context, ClassifyContext.NONE);
        }
        Map<String, String> merged = new LinkedHashMap<>(context);
        merged.putAll(line.get().context());
        return new Extracted(line.get().reply(), merged, line.get().mta(), Optional.empty());
    }

    private static Optional<String> recipient(JsonNode node) {
        for (String pointer : LineFormats.JSON_RECIPIENT_FIELDS) {
            Optional<String> r = LineFormats.text(node.at(pointer));
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** The event's records by its shape, or null when the shape is not known. */
    private static List<Extracted> byShape(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        if (node.path("Type").asText().equals("Notification") && node.path("Message").isTextual()) {
            // an Amazon SNS envelope around an SES notification
            try {
                JsonNode inner = LineFormats.json().readTree(node.path("Message").asText());
                List<Extracted> found = byShape(inner);
                if (found != null) {
                    return found;
                }
            } catch (JsonProcessingException e) {
                return List.of(Extracted.error("invalid JSON in the SNS Message: " + e.getOriginalMessage()));
            }
        }
        if ((node.has("notificationType") || node.has("eventType")) && (node.has("mail") || node.has("bounce")
                || node.has("deliveryDelay") || node.has("delivery") || node.has("complaint"))) {
            // the "mail" object is often cut from a stored notification to save space; the event's own part is enough
            return ses(node);
        }
        if (node.has("msys") || node.has("raw_reason") && node.has("type") || node.has("bounce_class")) {
            return List.of(sparkpost(node.has("msys") ? first(node.path("msys")) : node));
        }
        if (node.has("event-data") || node.has("delivery-status") && node.has("event")) {
            return List.of(mailgun(node.has("event-data") ? node.path("event-data") : node));
        }
        if (node.has("event") && node.has("email")
                && (node.has("sg_event_id") || node.has("sg_message_id") || node.has("smtp-id"))) {
            return List.of(sendgrid(node));
        }
        if (node.has("RecordType") || node.has("TypeCode") && node.has("Email")) {
            return List.of(postmark(node));
        }
        if (node.has("event") && node.path("msg").isObject()) {
            return List.of(mandrill(node));
        }
        if (node.path("type").isTextual() && KUMO_TYPES.contains(node.path("type").asText())
                && (node.has("response") || node.has("recipient"))) {
            return List.of(kumo(node));
        }
        if (node.path("event_type").isTextual()) {
            return List.of(greenarrow(node));
        }
        if (node.path("event").isTextual() && node.path("payload").isObject() && node.has("uuid")) {
            return List.of(postal(node));
        }
        return null;
    }

    private static JsonNode first(JsonNode msys) {
        var it = msys.elements();
        return it.hasNext() ? it.next() : msys;
    }

    private static void put(Map<String, String> context, String key, JsonNode value) {
        LineFormats.text(value).filter(s -> !s.isBlank()).ifPresent(v -> context.put(key, v));
    }

    private static ClassifyContext mta(Optional<MtaDecision> decision, Optional<String> status, String who) {
        return MtaLogs.context(decision, status, who);
    }

    private static String withoutType(String diagnostic) {
        return LineFormats.stripDiagnosticType(diagnostic).strip();
    }

    /**
     * Amazon SES notifications and event publishing (SES Developer Guide, "Amazon SNS notification contents" and
     * "Event publishing ... contents"): a Bounce gives one record per {@code bouncedRecipients} entry with its
     * {@code diagnosticCode}, {@code status} and {@code action}; a DeliveryDelay one per {@code delayedRecipients};
     * a Delivery one per {@code recipients} with the {@code smtpResponse}.
     */
    private static List<Extracted> ses(JsonNode node) {
        String type = node.has("notificationType") ? node.path("notificationType").asText()
                : node.path("eventType").asText();
        Map<String, String> base = new LinkedHashMap<>();
        base.put("format", "ses");
        base.put("event", type);
        put(base, "queueId", node.at("/mail/messageId"));
        List<Extracted> out = new ArrayList<>();
        switch (type) {
            case "Bounce": {
                JsonNode bounce = node.path("bounce");
                put(base, "time", bounce.path("timestamp"));
                put(base, "bounceType", bounce.path("bounceType"));
                put(base, "bounceSubType", bounce.path("bounceSubType"));
                LineFormats.text(bounce.path("reportingMTA")).ifPresent(v -> base.put("relay", LineFormats.withoutType(v)));
                put(base, "relayIp", bounce.path("remoteMtaIp"));
                for (JsonNode r : bounce.path("bouncedRecipients")) {
                    Map<String, String> context = new LinkedHashMap<>(base);
                    put(context, "recipient", r.path("emailAddress"));
                    Optional<String> status = LineFormats.text(r.path("status"));
                    status.ifPresent(s -> context.put("dsn", s));
                    MtaDecision decision = dsnAction(r.path("action").asText()).orElse(MtaDecision.FAILED);
                    String reply = LineFormats.text(r.path("diagnosticCode")).map(Events::withoutType).orElse("");
                    out.add(Extracted.reply(reply, context, mta(Optional.of(decision), status,
                            "Amazon SES's Bounce notification (" + bounce.path("bounceType").asText() + ")")));
                }
                break;
            }
            case "DeliveryDelay": {
                JsonNode delay = node.path("deliveryDelay");
                put(base, "time", delay.path("timestamp"));
                put(base, "delayType", delay.path("delayType"));
                LineFormats.text(delay.path("reportingMTA")).ifPresent(v -> base.put("relay", LineFormats.withoutType(v)));
                for (JsonNode r : delay.path("delayedRecipients")) {
                    Map<String, String> context = new LinkedHashMap<>(base);
                    put(context, "recipient", r.path("emailAddress"));
                    Optional<String> status = LineFormats.text(r.path("status"));
                    status.ifPresent(s -> context.put("dsn", s));
                    String reply = LineFormats.text(r.path("diagnosticCode")).map(Events::withoutType).orElse("");
                    out.add(Extracted.reply(reply, context, mta(Optional.of(MtaDecision.DEFERRED), status,
                            "Amazon SES's DeliveryDelay event")));
                }
                break;
            }
            case "Delivery": {
                JsonNode delivery = node.path("delivery");
                put(base, "time", delivery.path("timestamp"));
                put(base, "relay", delivery.path("reportingMTA"));
                put(base, "relayIp", delivery.path("remoteMtaIp"));
                String reply = delivery.path("smtpResponse").asText("");
                for (JsonNode r : delivery.path("recipients")) {
                    Map<String, String> context = new LinkedHashMap<>(base);
                    put(context, "recipient", r);
                    out.add(Extracted.reply(reply, context, mta(Optional.of(MtaDecision.DELIVERED), Optional.empty(),
                            "Amazon SES's Delivery notification")));
                }
                break;
            }
            default:
                out.add(Extracted.skipped(base, "SES " + type + " event (not a delivery result)"));
                break;
        }
        if (out.isEmpty()) {
            out.add(new Extracted(Optional.empty(), base, ClassifyContext.NONE,
                    Optional.of("SES " + type + " event without recipients")));
        }
        return out;
    }

    /** An RFC 3464 Action value as a decision. */
    static Optional<MtaDecision> dsnAction(String action) {
        switch (action.toLowerCase(Locale.ROOT)) {
            case "failed":
                return Optional.of(MtaDecision.FAILED);
            case "delayed":
                return Optional.of(MtaDecision.DEFERRED);
            case "delivered":
            case "relayed":
            case "expanded":
                return Optional.of(MtaDecision.DELIVERED);
            default:
                return Optional.empty();
        }
    }

    /**
     * SparkPost webhook events and Momentum's event stream (SparkPost "Event Types": {@code msys.message_event}
     * with {@code type} bounce, out_of_band, delay, delivery, policy_rejection, generation_rejection ...;
     * the reply in {@code raw_reason}).
     */
    private static Extracted sparkpost(JsonNode event) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "sparkpost");
        String type = event.path("type").asText();
        put(context, "event", event.path("type"));
        put(context, "recipient", event.path("rcpt_to"));
        put(context, "queueId", event.path("message_id"));
        put(context, "time", event.path("timestamp"));
        put(context, "bounceClass", event.path("bounce_class"));
        Optional<MtaDecision> decision;
        switch (type) {
            case "bounce":
            case "out_of_band":
            case "policy_rejection":
            case "generation_failure":
            case "generation_rejection":
                decision = Optional.of(MtaDecision.FAILED);
                break;
            case "delay":
                decision = Optional.of(MtaDecision.DEFERRED);
                break;
            case "delivery":
                decision = Optional.of(MtaDecision.DELIVERED);
                break;
            default:
                if (!event.has("raw_reason") && !event.has("reason")) {
                    return Extracted.skipped(context, "SparkPost " + type + " event (not a delivery result)");
                }
                decision = Optional.empty();
        }
        Optional<String> reply = LineFormats.text(event.path("raw_reason")).or(() -> LineFormats.text(event.path("reason")));
        String who = "SparkPost's " + type + " event";
        return Extracted.reply(reply.orElse(""), context, mta(decision, Optional.empty(), who));
    }

    /**
     * Mailgun events (Mailgun API "Events": {@code event} failed with {@code severity} permanent or temporary,
     * delivered, rejected; {@code delivery-status} holds {@code code}, {@code message}, {@code description},
     * {@code enhanced-code} and {@code mx-host}).
     */
    private static Extracted mailgun(JsonNode event) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "mailgun");
        String type = event.path("event").asText();
        context.put("event", type);
        put(context, "recipient", event.path("recipient"));
        put(context, "queueId", event.at("/message/headers/message-id"));
        put(context, "time", event.path("timestamp"));
        JsonNode status = event.path("delivery-status");
        put(context, "relay", status.path("mx-host"));
        put(context, "severity", event.path("severity"));
        Optional<MtaDecision> decision;
        switch (type) {
            case "failed":
                decision = Optional.of(event.path("severity").asText().equals("temporary") ? MtaDecision.DEFERRED
                        : MtaDecision.FAILED);
                break;
            case "rejected":
                decision = Optional.of(MtaDecision.FAILED);
                break;
            case "delivered":
                decision = Optional.of(MtaDecision.DELIVERED);
                break;
            default:
                return Extracted.skipped(context, "Mailgun " + type + " event (not a delivery result)");
        }
        String message = status.path("message").asText("").strip();
        if (message.isEmpty()) {
            message = status.path("description").asText("").strip();
        }
        String code = status.path("code").isNumber() || status.path("code").isTextual() ? status.path("code").asText() : "";
        String reply = (code.isEmpty() || message.startsWith(code) ? message : code + " " + message).strip();
        Optional<String> enhanced = LineFormats.text(status.path("enhanced-code"));
        enhanced.ifPresent(e -> context.put("dsn", e));
        return Extracted.reply(reply, context, mta(decision, enhanced, "Mailgun's " + type + " event"
                + (event.has("severity") ? " (" + event.path("severity").asText() + ")" : "")));
    }

    /**
     * SendGrid Event Webhook events (SendGrid "Event Webhook Reference": bounce with {@code type} bounce or blocked,
     * dropped, deferred, delivered; the reply in {@code reason} or {@code response}, the code in {@code status}).
     */
    private static Extracted sendgrid(JsonNode event) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "sendgrid");
        String type = event.path("event").asText();
        context.put("event", type);
        put(context, "recipient", event.path("email"));
        put(context, "queueId", event.path("sg_message_id"));
        put(context, "time", event.path("timestamp"));
        put(context, "bounceType", event.path("type"));
        Optional<MtaDecision> decision;
        switch (type) {
            case "bounce":
            case "dropped":
                decision = Optional.of(MtaDecision.FAILED);
                break;
            case "deferred":
                decision = Optional.of(MtaDecision.DEFERRED);
                break;
            case "delivered":
                decision = Optional.of(MtaDecision.DELIVERED);
                break;
            default:
                return Extracted.skipped(context, "SendGrid " + type + " event (not a delivery result)");
        }
        String reply = LineFormats.text(event.path("response")).or(() -> LineFormats.text(event.path("reason")))
                .orElse("");
        Optional<String> status = LineFormats.text(event.path("status"));
        status.ifPresent(s -> context.put("dsn", s));
        return Extracted.reply(reply, context, mta(decision, status, "SendGrid's " + type + " event"));
    }

    /**
     * Postmark webhooks (Postmark "Bounce webhook" and "Delivery webhook": {@code RecordType}, the bounce
     * {@code Type} such as HardBounce, SoftBounce or Transient, the server's words in {@code Details}).
     */
    private static Extracted postmark(JsonNode event) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "postmark");
        String record = event.path("RecordType").asText("Bounce");
        context.put("event", record);
        put(context, "recipient", event.has("Email") ? event.path("Email") : event.path("Recipient"));
        put(context, "queueId", event.path("MessageID"));
        put(context, "time", event.has("BouncedAt") ? event.path("BouncedAt") : event.path("DeliveredAt"));
        put(context, "bounceType", event.path("Type"));
        Optional<MtaDecision> decision;
        if (record.equals("Delivery")) {
            decision = Optional.of(MtaDecision.DELIVERED);
        } else if (record.equals("Bounce")) {
            switch (event.path("Type").asText()) {
                case "SoftBounce":
                case "Transient":
                case "DnsError":
                    decision = Optional.of(MtaDecision.DEFERRED);
                    break;
                case "AutoResponder":
                case "OpenRelayTest":
                case "SubscribeRequest":
                case "Unsubscribe":
                case "ChallengeVerification":
                    decision = Optional.empty();
                    break;
                default:
                    decision = Optional.of(MtaDecision.FAILED);
                    break;
            }
        } else {
            return Extracted.skipped(context, "Postmark " + record + " event (not a delivery result)");
        }
        String reply = LineFormats.text(event.path("Details")).filter(s -> !s.isBlank()).map(Events::withoutType)
                .or(() -> LineFormats.text(event.path("Description"))).orElse("");
        return Extracted.reply(reply, context, mta(decision, Optional.empty(),
                "Postmark's " + record + " event" + (event.has("Type") ? " (" + event.path("Type").asText() + ")" : "")));
    }

    /**
     * Postal's webhooks (app/services/webhook_delivery_service.rb: {@code event}, {@code timestamp}, {@code payload},
     * {@code uuid}). A delivery's payload (lib/postal/message_db/delivery.rb) has the {@code message}, the
     * {@code status} (Sent, SoftFail, HardFail, Held), Postal's own sentence in {@code details} and the receiving
     * server's reply in {@code output}; the two are read together, the sentence first, as Postal's log shows them.
     */
    private static Extracted postal(JsonNode node) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "postal");
        String type = node.path("event").asText();
        context.put("event", type);
        JsonNode payload = node.path("payload");
        JsonNode message = payload.has("message") ? payload.path("message") : payload.path("original_message");
        put(context, "recipient", message.path("to"));
        put(context, "queueId", message.path("message_id"));
        put(context, "time", payload.has("timestamp") ? payload.path("timestamp") : node.path("timestamp"));
        put(context, "status", payload.path("status"));
        Optional<MtaDecision> decision;
        switch (type) {
            case "MessageSent":
                decision = Optional.of(MtaDecision.DELIVERED);
                break;
            case "MessageDelayed":
                decision = Optional.of(MtaDecision.DEFERRED);
                break;
            case "MessageDeliveryFailed":
                decision = Optional.of(MtaDecision.FAILED);
                break;
            case "MessageHeld":
                // held by Postal itself (a hold rule, a send limit, a spam check): its sentence says why
                decision = Optional.empty();
                break;
            default:
                return Extracted.skipped(context, "Postal " + type + " webhook (not a delivery result)");
        }
        String details = LineFormats.text(payload.path("details")).map(String::strip).orElse("");
        String output = LineFormats.text(payload.path("output")).map(String::strip).orElse("");
        String reply = output.isEmpty() ? details : details.isEmpty() ? output : details + "\n" + output;
        return Extracted.reply(reply, context, mta(decision, Optional.empty(), "Postal's " + type + " webhook"));
    }

    /**
     * Mandrill message events (Mandrill "Webhook format": {@code event} hard_bounce, soft_bounce, deferral, send,
     * reject; the server's words in {@code msg.diag} or the last {@code msg.smtp_events} entry).
     */
    private static Extracted mandrill(JsonNode event) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "mandrill");
        String type = event.path("event").asText();
        context.put("event", type);
        JsonNode msg = event.path("msg");
        put(context, "recipient", msg.path("email"));
        put(context, "queueId", msg.path("_id"));
        put(context, "time", event.path("ts"));
        Optional<MtaDecision> decision;
        switch (type) {
            case "hard_bounce":
            case "reject":
                decision = Optional.of(MtaDecision.FAILED);
                break;
            case "soft_bounce":
            case "deferral":
                decision = Optional.of(MtaDecision.DEFERRED);
                break;
            case "send":
                decision = Optional.of(MtaDecision.DELIVERED);
                break;
            default:
                return Extracted.skipped(context, "Mandrill " + type + " event (not a delivery result)");
        }
        Optional<String> reply = LineFormats.text(msg.path("diag")).filter(s -> !s.isBlank()).map(Events::withoutType);
        JsonNode events = msg.path("smtp_events");
        if (reply.isEmpty() && events.isArray() && !events.isEmpty()) {
            JsonNode last = events.get(events.size() - 1);
            reply = LineFormats.text(last.path("diag"));
            put(context, "relay", last.path("destination_ip"));
        }
        return Extracted.reply(reply.orElse(""), context, mta(decision, Optional.empty(), "Mandrill's " + type + " event"));
    }

    /**
     * KumoMTA log records (KumoMTA reference "Log Record": {@code type} Delivery, Bounce, TransientFailure,
     * Expiration, AdminBounce, OOB ...; {@code response} with {@code code}, {@code enhanced_code} and
     * {@code content}, the reply as KumoMTA parsed it apart, put back together here).
     */
    private static Extracted kumo(JsonNode record) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "kumomta");
        String type = record.path("type").asText();
        context.put("event", type);
        put(context, "recipient", record.path("recipient"));
        put(context, "queueId", record.path("id"));
        put(context, "time", record.path("timestamp"));
        put(context, "relay", record.at("/peer_address/name"));
        put(context, "relayIp", record.at("/peer_address/addr"));
        put(context, "queue", record.path("queue"));
        Optional<MtaDecision> decision;
        switch (type) {
            case "Delivery":
                decision = Optional.of(MtaDecision.DELIVERED);
                break;
            case "Bounce":
            case "AdminBounce":
            case "OOB":
            case "Rejection":
                decision = Optional.of(MtaDecision.FAILED);
                break;
            case "TransientFailure":
            case "DelayedByPolicy":
                decision = Optional.of(MtaDecision.DEFERRED);
                break;
            case "Expiration":
                decision = Optional.of(MtaDecision.EXPIRED);
                break;
            default:
                return Extracted.skipped(context, "KumoMTA " + type + " record (not a delivery result)");
        }
        JsonNode response = record.path("response");
        StringBuilder reply = new StringBuilder();
        if (response.path("code").isNumber() && response.path("code").asInt() > 0) {
            reply.append(response.path("code").asInt());
        }
        JsonNode e = response.path("enhanced_code");
        Optional<String> status = Optional.empty();
        if (e.isObject() && e.path("class").isNumber()) {
            String code = e.path("class").asInt() + "." + e.path("subject").asInt() + "." + e.path("detail").asInt();
            status = Optional.of(code);
            reply.append(reply.length() > 0 ? " " : "").append(code);
        }
        String content = response.path("content").asText("");
        if (!content.isBlank()) {
            reply.append(reply.length() > 0 ? " " : "").append(content.strip());
        }
        status.ifPresent(s -> context.put("dsn", s));
        // the command the reply answered, as KumoMTA logged it ("RCPT TO:<a@b>\r\n", "."): its stage
        LineFormats.text(response.path("command")).map(String::strip).filter(c -> !c.isEmpty())
                .ifPresent(c -> context.put("command", c));
        return Extracted.reply(reply.toString(), context, mta(decision, status, "KumoMTA's " + type + " record"));
    }

    /**
     * GreenArrow Engine events (GreenArrow "Event Notification System / Types of Events" and the delivery attempt
     * log): {@code delivery_attempt} with {@code status} success, deferral, connmaxout, failure or failure_toolong
     * and the server's words in {@code message}; {@code bounce_all} with {@code bounce_text}.
     */
    private static Extracted greenarrow(JsonNode event) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("format", "greenarrow");
        String type = event.path("event_type").asText();
        context.put("event", type);
        put(context, "recipient", event.path("email"));
        put(context, "queueId", event.path("msguid"));
        put(context, "time", event.path("event_time"));
        put(context, "relay", event.path("mx_hostname"));
        put(context, "relayIp", event.path("mx_ip"));
        if (type.equals("delivery_attempt")) {
            String status = event.path("status").asText();
            context.put("logStatus", status);
            Optional<MtaDecision> decision;
            switch (status) {
                case "success":
                    decision = Optional.of(MtaDecision.DELIVERED);
                    break;
                case "deferral":
                case "connmaxout":
                    decision = Optional.of(MtaDecision.DEFERRED);
                    break;
                case "failure":
                    decision = Optional.of(MtaDecision.FAILED);
                    break;
                case "failure_toolong":
                    decision = Optional.of(MtaDecision.EXPIRED);
                    break;
                default:
                    decision = Optional.empty();
                    break;
            }
            return Extracted.reply(event.path("message").asText(""), context,
                    mta(decision, Optional.empty(), "GreenArrow's delivery attempt (status=" + status + ")"));
        }
        if (type.equals("bounce_all") || type.equals("bounce_bad_address")) {
            put(context, "bounceType", event.path("bounce_type"));
            return Extracted.reply(event.path("bounce_text").asText(""), context,
                    mta(Optional.of(MtaDecision.FAILED), Optional.empty(), "GreenArrow's " + type + " event"));
        }
        return Extracted.skipped(context, "GreenArrow " + type + " event (not a delivery result)");
    }
}
