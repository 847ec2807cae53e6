package io.smtpverdict.input.email;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.core.ClassifyContext;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.MtaDecision;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;

/**
 * Reads one email into records, one per recipient it reports on: RFC 3464 delivery status notifications (and
 * RFC 6533's internationalised ones), the human-readable notices of MTAs that send none, ARF feedback reports
 * (RFC 5965) and automatic replies (RFC 3834, and challenges the plugins' rules name). Each record carries the
 * verdict for its recipient. Immutable and safe to share across threads; {@link #read} never throws on bad content,
 * it returns a record with an error.
 *
 * <pre>{@code
 * VerdictEngine engine = VerdictEngine.builder().discoverPlugins().build();
 * BounceReader reader = BounceReader.of(engine);
 * try (InputStream in = Files.newInputStream(Path.of("bounce.eml"))) {
 *     for (EmailRecord r : reader.read(in)) {
 *         System.out.println(r.recipient().orElse("-") + " " + r.verdict().map(Verdict::outcome).orElse(null));
 *     }
 * }
 * }</pre>
 */
public final class BounceReader {
    /** The rule a feedback report's verdict names. */
    public static final RuleRef FEEDBACK_REPORT = new RuleRef("input", "input.email.feedback-report",
            EvidenceLevel.VENDOR_TEMPLATE);
    /** The rule an automatic reply's verdict names. */
    public static final RuleRef AUTO_REPLY = new RuleRef("input", "input.email.auto-reply",
            EvidenceLevel.VENDOR_TEMPLATE);

    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?i)(undeliver|undelivered|delivery (status|fail"
            + "|report|notification|problem|incomplete)|returned mail|failure notice|mail delivery|non.?delivery"
            + "|could not be delivered|not delivered|delivery has failed|rejected|bounced?\\b|mail system error"
            + "|nicht zustellbar|unzustellbar|non remis|no entregado|non recapitato|warning: could not"
            + "|delayed mail|delivery delayed|mail failure|message (failure|delivery)|permanent error)");
    private static final Pattern SYSTEM_SENDER = Pattern.compile(
            "(?i)(mailer-daemon|post_?master|mail-daemon|mail delivery (subsystem|system)|mailer@|MAILER_DAEMON"
                    + "|delivery.?status|nobody@|bounce)");
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile("(?i)^\\s*(re:\\s*)?(out of (the )?office"
            + "|automatic reply|auto[- ]?reply|auto[- ]?response|autosvar|automatisch antwoord|vacation|on vacation"
            + "|away from (the )?office|abwesenheit|automatische antwort|r[ée]ponse automatique|absence"
            + "|respuesta autom[áa]tica|fuera de la oficina|risposta automatica|fuori ufficio"
            + "|resposta autom[áa]tica|automaattinen vastaus|odpowied[źz] automatyczna|автоответ"
            + "|自動応答|自動返信|不在|自动回复|자동 응답)");
    private static final Pattern AUTO_REPLY_BODY = Pattern.compile("(?i)(i am (currently )?(out of (the )?office"
            + "|away|on (vacation|holiday|leave))|i('m| am) (currently )?away from|limited access to (e-?mail|my "
            + "e-?mail)|upon my return|will respond .{0,40}when i return|ich bin (derzeit |zurzeit )?(nicht im b[üu]ro"
            + "|abwesend)|je suis (actuellement )?absent|estoy fuera de la oficina|sono fuori ufficio)");

    /**
     * How delay warnings say that the message is still queued: Postfix "Delayed Mail (still being retried)" and
     * "THIS IS A WARNING ONLY", Sendmail "Warning: could not send message for past ..." and "THIS IS A WARNING
     * MESSAGE ONLY", Exim "Warning: message ... delayed", Gmail "has been delayed" and "will be retried",
     * Exchange "Delivery is delayed". Other notices without a report are final: qmail sends none but failures.
     */
    private static final Pattern DELAY_NOTICE = Pattern.compile("(?i)(still being retried|warning only|warning message"
            + " only|could not send message for past|delivery (is )?delayed|has been delayed|(will|is) be(ing)? retried"
            + "|will (continue to )?(try|retry)|not yet been delivered|delayed mail|message delayed"
            + "|warning: message .{0,40} delayed)");

    private static final Pattern INLINE_DSN = Pattern.compile("(?im)^(Final|Original)-Recipient:\\s*\\S");

    private final VerdictEngine engine;
    private final List<String> extraHeaders;
    private final ClassifyOptions options;

    private BounceReader(VerdictEngine engine, List<String> extraHeaders, ClassifyOptions options) {
        this.engine = requireNonNull(engine, "engine is null");
        this.extraHeaders = List.copyOf(extraHeaders);
        this.options = requireNonNull(options, "options is null");
    }

    /** A reader that classifies with this engine. */
    public static BounceReader of(VerdictEngine engine) {
        return new BounceReader(engine, List.of(), ClassifyOptions.DEFAULT);
    }

    /**
     * The same reader classifying with these options: {@link ClassifyOptions#EXPLAIN} keeps the rules that matched
     * and lost in each verdict's candidates.
     */
    public BounceReader withOptions(ClassifyOptions classifyOptions) {
        return new BounceReader(engine, extraHeaders, classifyOptions);
    }

    /**
     * A reader that also copies these header fields of the returned original message into each record (e.g.
     * {@code X-Campaign-Id}), so a bounce can be joined back to the send.
     */
    public static BounceReader of(VerdictEngine engine, List<String> originalHeaders) {
        for (String h : originalHeaders) {
            requireNonNull(h, "header name is null");
        }
        return new BounceReader(engine, originalHeaders, ClassifyOptions.DEFAULT);
    }

    /** Reads one email; never throws on bad content. */
    public List<EmailRecord> read(InputStream in) throws IOException {
        return read(in, "", OptionalInt.empty());
    }

    /**
     * Reads one email.
     *
     * @param file the name records carry (the email's path, or the mailbox's)
     * @param message the message's position in an mbox, if it comes from one
     * @throws IOException only when the stream itself cannot be read
     */
    public List<EmailRecord> read(InputStream in, String file, OptionalInt message) throws IOException {
        requireNonNull(in, "in is null");
        requireNonNull(file, "file is null");
        requireNonNull(message, "message is null");
        ParsedEmail email;
        try {
            email = EmailParser.parse(in);
        } catch (MimeException e) {
            return List.of(EmailRecord.unreadable(file, message, "not a readable email: " + e.getMessage()));
        } catch (RuntimeException e) {
            return List.of(EmailRecord.unreadable(file, message, "not a readable email: " + e));
        }
        try {
            return new Analysis(email, file, message, 0).records();
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(EmailRecord.unreadable(file, message, "the email could not be analysed: " + e));
        }
    }

    /** The work on one parsed email. */
    private final class Analysis {
        final ParsedEmail email;
        final String file;
        final OptionalInt message;
        final Map<String, String> common = new LinkedHashMap<>();
        final List<String> warnings = new ArrayList<>();
        List<Header> original = List.of();
        String notice = "";
        String fullText = "";
        final int depth;

        Analysis(ParsedEmail email, String file, OptionalInt message, int depth) {
            this.email = email;
            this.file = file;
            this.message = message;
            this.depth = depth;
            warnings.addAll(email.warnings());
        }

        List<EmailRecord> records() {
            if (email.headers().isEmpty()) {
                return List.of(EmailRecord.unreadable(file, message, "not an email: it has no header fields"));
            }
            if (isBinary()) {
                return List.of(EmailRecord.unreadable(file, message, "not an email: binary data"));
            }
            notice = humanReadable();
            original = originalHeaders();
            common.putAll(originalFields());
            Addresses.verp(email.header("To").orElse(null)).ifPresent(v -> common.put("verpRecipient", v));
            String subject = email.header("Subject").orElse("");
            if (!subject.isEmpty()) {
                common.put("subject", subject);
            }

            Optional<Part> feedback = first("message/feedback-report");
            if (feedback.isPresent()) {
                return feedback(feedback.get());
            }
            List<EmailRecord> dsn = dsn();
            if (!dsn.isEmpty()) {
                return dsn;
            }
            List<EmailRecord> rejected = mdnRejection();
            if (!rejected.isEmpty()) {
                return rejected;
            }
            Optional<SesNotification.Notice> ses = SesNotification.parse(notice);
            if (ses.isPresent() && !ses.get().recipients().isEmpty()) {
                return ses(ses.get());
            }
            boolean bounceLike = looksLikeBounce();
            if (bounceLike) {
                List<EmailRecord> body = fromNotice();
                if (!body.isEmpty()) {
                    return body;
                }
                List<EmailRecord> forwarded = forwardedBounce();
                if (!forwarded.isEmpty()) {
                    return forwarded;
                }
            }
            if (isAutoReply()) {
                return autoReply();
            }
            if (bounceLike) {
                return unnamedRecipient();
            }
            Optional<EmailRecord> named = autoReplyTheTablesName();
            if (named.isPresent()) {
                return List.of(named.get());
            }
            return List.of(record(EmailRecord.Kind.NOT_A_BOUNCE, Optional.empty(), "none", Map.of(),
                    Optional.empty(), Outcome.UNKNOWN, Optional.empty()));
        }

        private boolean isBinary() {
            for (Header h : email.headers()) {
                if (h.name().indexOf('\0') >= 0 || h.value().indexOf('\0') >= 0) {
                    return true;
                }
            }
            return false;
        }

        // ---- parts ----

        private Optional<Part> first(String type) {
            Part best = null;
            for (Part p : email.parts()) {
                if (p.mimeType().equals(type) && (best == null || p.depth() < best.depth())) {
                    best = p;
                }
            }
            return Optional.ofNullable(best);
        }

        /** The human-readable notice: the first text part of the email itself, without a returned message. */
        private String humanReadable() {
            String plain = null;
            String html = null;
            for (Part p : email.parts()) {
                if (p.depth() != 0 || p.text().isBlank()) {
                    continue;
                }
                if (p.mimeType().equals("text/plain") && plain == null) {
                    plain = p.text();
                } else if (p.mimeType().equals("text/html") && html == null) {
                    html = Html.toText(p.text());
                }
            }
            fullText = (plain != null ? plain : html != null ? html : email.preamble()).replace("\r\n", "\n")
                    .replace('\r', '\n');
            return Notice.withoutReturnedMessage(fullText);
        }

        /** The header of the returned message: attached whole, as text/rfc822-headers, or inline in the notice. */
        private List<Header> originalHeaders() {
            for (ParsedEmail.Nested n : email.nested()) {
                if (n.depth() == 1 && !n.headers().isEmpty()) {
                    return n.headers();
                }
            }
            for (Part p : email.parts()) {
                if (p.mimeType().equals("text/rfc822-headers") || p.mimeType().equals("message/global-headers")
                        || p.mimeType().equals("message/global")) {
                    List<Header> h = parseHeaders(p.text());
                    if (!h.isEmpty()) {
                        return h;
                    }
                }
            }
            // a copy written into the notice's text after it (qmail, older Exim, Exchange "Original message headers")
            String inline = Notice.embeddedMessage(fullText);
            int end = inline.indexOf("\n\n");
            return inline.isEmpty() ? List.of() : parseHeaders(end < 0 ? inline : inline.substring(0, end));
        }

        private List<Header> parseHeaders(String text) {
            byte[] bytes = (text.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            try {
                return EmailParser.parse(new ByteArrayInputStream(bytes)).headers();
            } catch (IOException | MimeException | RuntimeException e) {
                return List.of();
            }
        }

        private Map<String, String> originalFields() {
            Map<String, String> f = new LinkedHashMap<>();
            if (original.isEmpty()) {
                return f;
            }
            put(f, "originalMessageId", Header.first(original, "Message-ID"));
            put(f, "originalFrom", Header.first(original, "From"));
            put(f, "originalTo", Header.first(original, "To"));
            put(f, "originalSubject", Header.first(original, "Subject"));
            put(f, "originalDate", Header.first(original, "Date"));
            for (String name : extraHeaders) {
                put(f, name, Header.first(original, name));
            }
            return f;
        }

        private void put(Map<String, String> f, String key, Optional<String> value) {
            value.filter(v -> !v.isBlank()).ifPresent(v -> f.put(key, v));
        }

        // ---- kinds ----

        private List<EmailRecord> feedback(Part report) {
            DeliveryStatus fields = DeliveryStatus.parse(report.text());
            Map<String, String> all = new LinkedHashMap<>(fields.message);
            fields.recipients.forEach(all::putAll);
            Map<String, String> f = new LinkedHashMap<>();
            String type = all.getOrDefault("feedback-type", "");
            f.put("feedbackType", type.toLowerCase(Locale.ROOT));
            for (String name : List.of("user-agent", "source-ip", "reported-domain", "arrival-date",
                    "original-mail-from", "authentication-results", "removal-recipient")) {
                if (all.containsKey(name)) {
                    f.put(camel(name), all.get(name));
                }
            }
            Set<String> recipients = new LinkedHashSet<>();
            for (String line : report.text().split("\r\n|\r|\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Original-Rcpt-To")) {
                    Addresses.first(line.substring(colon + 1)).ifPresent(recipients::add);
                }
            }
            if (recipients.isEmpty() && all.containsKey("removal-recipient")) {
                Addresses.first(all.get("removal-recipient")).ifPresent(recipients::add);
            }
            if (recipients.isEmpty()) {
                for (String name : List.of("To", "Cc")) {
                    Header.first(original, name).ifPresent(v -> recipients.addAll(Addresses.inHeader(v)));
                }
            }
            if (recipients.isEmpty() && common.containsKey("verpRecipient")) {
                recipients.add(common.get("verpRecipient"));
            }
            Verdict v = complaint(type);
            List<EmailRecord> out = new ArrayList<>();
            if (recipients.isEmpty()) {
                out.add(record(EmailRecord.Kind.FEEDBACK_REPORT, Optional.empty(), "arf", f, Optional.empty(),
                        Outcome.DELIVERED, Optional.of(v)));
            }
            for (String r : recipients) {
                out.add(record(EmailRecord.Kind.FEEDBACK_REPORT, Optional.of(r), "arf", f, Optional.empty(),
                        Outcome.DELIVERED, Optional.of(v)));
            }
            return out;
        }

        /**
         * A Sieve {@code reject} (RFC 5429 §2.2.2; Cyrus's lmtp_sieve.c, Dovecot's mail-send): a disposition notification
         * whose disposition is {@code automatic-action/...; deleted}, for the recipient its Final-Recipient names; its
         * human-readable part gives the reason. It carries auto-reply headers, yet it is a refusal, not a reply.
         */
        private List<EmailRecord> mdnRejection() {
            if (!"disposition-notification".equals(email.reportType().orElse(""))) {
                return List.of();
            }
            for (Part p : email.parts()) {
                if (!p.mimeType().equals("message/disposition-notification")
                        && !p.mimeType().equals("message/global-disposition-notification")) {
                    continue;
                }
                DeliveryStatus ds = DeliveryStatus.parse(p.text());
                List<EmailRecord> out = new ArrayList<>();
                for (Map<String, String> r : ds.recipients) {
                    String stated = r.getOrDefault("disposition", ds.message.getOrDefault("disposition", ""));
                    String disposition = stated.toLowerCase(Locale.ROOT);
                    Optional<String> recipient = Addresses.first(DeliveryStatus.typedValue(
                            r.getOrDefault("final-recipient", r.getOrDefault("original-recipient", ""))));
                    if (recipient.isEmpty() || !disposition.startsWith("automatic-action")
                            || !disposition.replace(" ", "").contains(";deleted")) {
                        continue;
                    }
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("disposition", stated);
                    String text = noticeSummary();
                    out.add(classified(EmailRecord.Kind.BOUNCE, recipient, "mdn", f,
                            text.isEmpty() ? "rejected" : text, Outcome.FAILED));
                }
                return out;
            }
            return List.of();
        }

        private List<EmailRecord> dsn() {
            List<EmailRecord> out = new ArrayList<>();
            Map<String, String> byBody = null;
            List<String> reports = new ArrayList<>();
            for (Part p : email.parts()) {
                if (p.mimeType().equals("message/delivery-status")
                        || p.mimeType().equals("message/global-delivery-status")) {
                    if (p.depth() > 0 && !reports.isEmpty()) {
                        break;
                    }
                    reports.add(p.text());
                }
            }
            if (reports.isEmpty() && INLINE_DSN.matcher(notice).find()) {
                // a report written into the text itself (no MIME structure, or a lost boundary)
                reports.add(notice);
            }
            for (String report : reports) {
                DeliveryStatus ds = DeliveryStatus.parse(report);
                for (Map<String, String> r : ds.recipients) {
                    Map<String, String> f = new LinkedHashMap<>();
                    String finalRcpt = DeliveryStatus.typedValue(r.getOrDefault("final-recipient", ""));
                    String origRcpt = DeliveryStatus.typedValue(r.getOrDefault("original-recipient", ""));
                    Optional<String> recipient = Addresses.first(finalRcpt).or(() -> Addresses.first(origRcpt))
                            .or(() -> Addresses.first(r.getOrDefault("x-actual-recipient", "")));
                    if (recipient.isEmpty() && ds.recipients.size() == 1) {
                        recipient = onlyRecipient();
                        recipient.ifPresent(x -> f.put("recipientFoundBy", "body"));
                    }
                    if (!finalRcpt.isEmpty()) {
                        f.put("finalRecipient", finalRcpt);
                    }
                    if (!origRcpt.isEmpty()) {
                        f.put("originalRecipient", origRcpt);
                    }
                    String action = r.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT);
                    String status = r.getOrDefault("status", "").strip();
                    String statusCode = status.split("[\\s(]", 2)[0];
                    String diag = r.getOrDefault("diagnostic-code", "");
                    putIf(f, "action", action);
                    putIf(f, "status", status);
                    putIf(f, "diagnosticType", DeliveryStatus.typeOf(diag));
                    putIf(f, "diagnosticCode", DeliveryStatus.typedValue(diag));
                    putIf(f, "remoteMta", DeliveryStatus.typedValue(r.getOrDefault("remote-mta", "")));
                    putIf(f, "reportingMta", DeliveryStatus.typedValue(ds.message.getOrDefault("reporting-mta",
                            r.getOrDefault("reporting-mta", ""))));
                    putIf(f, "lastAttemptDate", r.getOrDefault("last-attempt-date", ""));
                    putIf(f, "willRetryUntil", r.getOrDefault("will-retry-until", ""));
                    putIf(f, "arrivalDate", ds.message.getOrDefault("arrival-date", ""));
                    putIf(f, "queueId", ds.message.getOrDefault("x-postfix-queue-id", ""));
                    for (Map<String, String> src : List.of(ds.message, r)) {
                        for (Map.Entry<String, String> e : src.entrySet()) {
                            if (e.getKey().startsWith("x-") && !e.getKey().equals("x-postfix-queue-id")) {
                                f.putIfAbsent(camel(e.getKey()), e.getValue());
                            }
                        }
                    }
                    String text = DeliveryStatus.typedValue(diag);
                    String afterStatus = statusText(status, statusCode);
                    if (!Notice.hasSubstance(text) && Notice.hasSubstance(afterStatus)) {
                        // no diagnostic, but text after the Status code (mox's comment, KumoMTA's reply text)
                        text = afterStatus;
                        f.put("replyFoundBy", "status");
                    }
                    String reply = text;
                    if (recipient.isPresent()) {
                        if (byBody == null) {
                            byBody = noticeRecipients();
                        }
                        String fromBody = byBody.getOrDefault(recipient.get(), "");
                        String flat = text.replaceAll("\\s+", " ").strip();
                        if (!Notice.hasSubstance(text)) {
                            // no diagnostic: the notice's text for the recipient, else its error paragraph (unless
                            // that paragraph is the list of recipients with their own errors, and this one has its own)
                            String general = generalFor(recipient.get(), Notice.diagnosticParagraph(notice), fromBody,
                                    byBody.keySet());
                            String better = Notice.hasCode(fromBody) ? fromBody : !general.isEmpty() ? general
                                    : Notice.hasSubstance(fromBody) ? fromBody : "";
                            if (!better.isEmpty()) {
                                reply = better;
                                f.put("replyFoundBy", "body");
                            }
                        } else if (flat.length() >= 8 && fromBody.replaceAll("\\s+", " ").contains(flat)
                                && fromBody.length() > flat.length()
                                && !Notice.hasCode(fromBody.replaceAll("\\s+", " ").replace(flat, " "))) {
                            // the notice quotes the same reply, and no other, with its context (host, SMTP stage)
                            reply = fromBody;
                            f.put("replyFoundBy", "body");
                        }
                    }
                    if (!statusCode.isEmpty() && !Notice.hasCode(reply)) {
                        reply = (statusCode + " " + reply).strip();
                    }
                    Outcome stated = outcomeOf(action);
                    out.add(classified(EmailRecord.Kind.BOUNCE, recipient, "dsn", f, reply, stated, statusCode));
                }
            }
            return out;
        }

        /**
         * What a Status field holds after its code: RFC 3464's field is the code alone, but structured fields may carry
         * a comment, and some servers put the reason there ({@code Status: 5.0.0 (dialing smtp server: ... i/o
         * timeout)}, mox's dsn.go) or the reply's text after the code (KumoMTA's rfc3464.rs); empty when there is none.
         */
        private static String statusText(String status, String code) {
            String rest = status.substring(code.length()).strip();
            if (rest.startsWith("(") && rest.endsWith(")")) {
                rest = rest.substring(1, rest.length() - 1).strip();
            }
            return rest;
        }

        /** The one recipient the rest of the email names, for a report whose recipient field has no address. */
        private Optional<String> onlyRecipient() {
            Set<String> failed = new LinkedHashSet<>(Addresses.inHeader(email.header("X-Failed-Recipients")
                    .orElse("")));
            if (failed.size() == 1) {
                return Optional.of(failed.iterator().next());
            }
            Map<String, String> named = noticeRecipients();
            if (named.size() == 1) {
                return Optional.of(named.keySet().iterator().next());
            }
            Set<String> to = new LinkedHashSet<>(Addresses.inHeader(Header.first(original, "To").orElse("")));
            return to.size() == 1 ? Optional.of(to.iterator().next()) : Optional.empty();
        }

        /** The records of an Amazon SES notification: its bounced or complained-of recipients. */
        private List<EmailRecord> ses(SesNotification.Notice n) {
            List<EmailRecord> out = new ArrayList<>();
            for (SesNotification.Recipient r : n.recipients()) {
                Optional<String> who = Addresses.first(r.address());
                if (n.type().equals("Complaint")) {
                    out.add(record(EmailRecord.Kind.FEEDBACK_REPORT, who, "ses", r.fields(), Optional.empty(),
                            Outcome.DELIVERED, Optional.of(complaint(r.fields().getOrDefault("feedbackType", "")))));
                    continue;
                }
                String status = r.fields().getOrDefault("status", "");
                String reply = r.fields().getOrDefault("diagnosticCode", "");
                if (!status.isEmpty() && !Notice.hasCode(reply)) {
                    reply = (status + " " + reply).strip();
                }
                out.add(classified(EmailRecord.Kind.BOUNCE, who, "ses", r.fields(), reply,
                        outcomeOf(r.fields().getOrDefault("action", "").toLowerCase(Locale.ROOT)), status));
            }
            return out;
        }

        private Map<String, String> noticeRecipients;

        private Map<String, String> noticeRecipients() {
            if (noticeRecipients == null) {
                noticeRecipients = Notice.recipients(notice, excluded(), knownRecipients());
            }
            return noticeRecipients;
        }

        /**
         * The notice's error paragraph as it applies to one recipient: empty when the paragraph names another of the
         * notice's recipients while this one has a text of its own, for then the paragraph is the list of recipients
         * each with its own error (OpenSMTPD's {@code address: error} lines), and another's reply is not this one's.
         */
        private static String generalFor(String recipient, String general, String own, Set<String> recipients) {
            if (general.isEmpty() || !Notice.hasSubstance(own)) {
                return general;
            }
            String folded = general.toLowerCase(Locale.ROOT);
            for (String other : recipients) {
                if (!other.equalsIgnoreCase(recipient) && folded.contains(other.toLowerCase(Locale.ROOT))) {
                    return "";
                }
            }
            return general;
        }

        /** The outcome a notice without a report states: a delay warning, else the MTA has given up. */
        private Outcome noticeOutcome() {
            return DELAY_NOTICE.matcher(email.header("Subject").orElse("")).find()
                    || DELAY_NOTICE.matcher(notice).find() ? Outcome.DEFERRED : Outcome.FAILED;
        }

        private List<EmailRecord> fromNotice() {
            Map<String, String> found = noticeRecipients();
            Outcome stated = noticeOutcome();
            List<EmailRecord> out = new ArrayList<>();
            String general = Notice.diagnosticParagraph(notice);
            for (Map.Entry<String, String> e : found.entrySet()) {
                String text = e.getValue();
                String shared = generalFor(e.getKey(), general, text, found.keySet());
                if (!Notice.hasCode(text) && !shared.isEmpty() && !text.contains(shared)) {
                    // the notice states the error once for all its recipients
                    text = shared + " " + text;
                }
                out.add(classified(EmailRecord.Kind.BOUNCE, Optional.of(e.getKey()), "body", Map.of(), text,
                        stated));
            }
            if (out.isEmpty()) {
                // a header may still name the failed recipients (Exim's X-Failed-Recipients)
                String failed = email.header("X-Failed-Recipients").orElse("");
                String text = general.isEmpty() ? noticeSummary() : general;
                for (String a : new LinkedHashSet<>(Addresses.inHeader(failed))) {
                    out.add(classified(EmailRecord.Kind.BOUNCE, Optional.of(a), "header", Map.of(), text,
                            stated));
                }
            }
            return out;
        }

        /** The records of a bounce written into this notice's text after it (a bounce forwarded inline). */
        private List<EmailRecord> forwardedBounce() {
            String inner = Notice.embeddedMessage(fullText);
            if (depth > 0 || inner.isEmpty()) {
                return List.of();
            }
            try {
                ParsedEmail parsed = EmailParser.parse(new ByteArrayInputStream(inner.getBytes(StandardCharsets.UTF_8)));
                List<EmailRecord> out = new ArrayList<>();
                for (EmailRecord r : new Analysis(parsed, file, message, depth + 1).records()) {
                    if (r.kind() == EmailRecord.Kind.BOUNCE && r.recipient().isPresent()) {
                        out.add(r);
                    }
                }
                return out;
            } catch (IOException | MimeException e) {
                return List.of();
            }
        }

        private List<EmailRecord> unnamedRecipient() {
            String general = Notice.diagnosticParagraph(notice);
            String text = general.isEmpty() ? noticeSummary() : general;
            Optional<String> verp = Optional.ofNullable(common.get("verpRecipient"));
            if (verp.isEmpty()) {
                warnings.add("no recipient found in the notice");
            }
            return List.of(classified(EmailRecord.Kind.BOUNCE, verp, verp.isPresent() ? "verp" : "body", Map.of(),
                    text, noticeOutcome()));
        }

        private String noticeSummary() {
            String s = notice.strip().replaceAll("\\s+", " ");
            return s.length() <= Notice.MAX_TEXT ? s : s.substring(0, Notice.MAX_TEXT);
        }

        private Set<String> excluded() {
            Set<String> out = new HashSet<>();
            for (String name : List.of("From", "To", "Sender", "Reply-To", "Return-Path", "Delivered-To")) {
                email.header(name).ifPresent(v -> out.addAll(Addresses.inHeader(v)));
            }
            Header.first(original, "From").ifPresent(v -> out.addAll(Addresses.inHeader(v)));
            Header.first(original, "Return-Path").ifPresent(v -> out.addAll(Addresses.inHeader(v)));
            out.removeAll(knownRecipients());
            return out;
        }

        private Set<String> knownRecipients() {
            Set<String> out = new HashSet<>();
            email.header("X-Failed-Recipients").ifPresent(v -> out.addAll(Addresses.inHeader(v)));
            for (String name : List.of("To", "Cc")) {
                Header.first(original, name).ifPresent(v -> out.addAll(Addresses.inHeader(v)));
            }
            return out;
        }

        private boolean looksLikeBounce() {
            String from = email.header("From").orElse("") + " " + email.header("Return-Path").orElse("");
            String subject = email.header("Subject").orElse("");
            return SYSTEM_SENDER.matcher(from).find() || BOUNCE_SUBJECT.matcher(subject).find()
                    || email.header("X-Failed-Recipients").isPresent()
                    || "delivery-status".equals(email.reportType().orElse(""));
        }

        private boolean isAutoReply() {
            String auto = email.header("Auto-Submitted").orElse("").toLowerCase(Locale.ROOT);
            if (auto.startsWith("auto-replied")) {
                return true;
            }
            if (email.header("X-Autoreply").isPresent() || email.header("X-Autorespond").isPresent()
                    || email.header("X-Vacation").isPresent()) {
                return true;
            }
            String precedence = email.header("Precedence").orElse("").toLowerCase(Locale.ROOT);
            if (precedence.contains("auto_reply")) {
                return true;
            }
            return AUTO_REPLY_SUBJECT.matcher(email.header("Subject").orElse("")).find()
                    || AUTO_REPLY_BODY.matcher(notice).find();
        }

        /** Who sent an automatic reply: its From address, or the bounce address's VERP recipient for a system one. */
        private Optional<String> autoReplier() {
            Optional<String> from = Addresses.first(email.header("From").orElse(""));
            return from.isEmpty() || Addresses.isSystem(from.get())
                    ? Optional.ofNullable(common.get("verpRecipient")).or(() -> from) : from;
        }

        /**
         * An automatic reply that neither its header fields nor the away-notice patterns above give away, but that
         * a plugin's table names from its subject and text: a challenge-response filter's or a list server's
         * request to confirm, a list's hold notice. Only a rule written for one program's own wording (a provider
         * phrase or a vendor template) counts, so that an ordinary email that merely mentions an automatic reply
         * stays what it is.
         */
        private Optional<EmailRecord> autoReplyTheTablesName() {
            String subject = email.header("Subject").orElse("").strip();
            String text = ((subject.isEmpty() ? "" : "Subject: " + subject + "\n") + noticeSummary()).strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Verdict v = engine.classify(text, ClassifyContext.NONE, options);
            boolean ownWording = v.rule().map(r -> r.level().outranks(EvidenceLevel.PHRASE)).orElse(false);
            if (!ownWording || !v.category().filter(c -> c == Category.AUTOMATED_REPLY).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(record(EmailRecord.Kind.AUTO_REPLY, autoReplier(), "auto-reply", Map.of(),
                    Optional.of(text), v.outcome(), Optional.of(v)));
        }

        private List<EmailRecord> autoReply() {
            Optional<String> who = autoReplier();
            Verdict v = Verdict.builder().outcome(Outcome.DELIVERED).category(Category.AUTOMATED_REPLY)
                    .advice(Advice.NONE).party(Party.NONE).origin(Origin.REMOTE).stage(Stage.UNKNOWN)
                    .rule(Optional.of(AUTO_REPLY))
                    .explanation("An automatic reply (an absence or vacation notice, or another auto-responder): "
                            + "the message was delivered; nothing to do.")
                    .build();
            String text = noticeSummary();
            return List.of(record(EmailRecord.Kind.AUTO_REPLY, who, "auto-reply", Map.of(),
                    text.isEmpty() ? Optional.empty() : Optional.of(text), Outcome.DELIVERED, Optional.of(v)));
        }

        // ---- records ----

        private Verdict complaint(String type) {
            // the complained-about message itself was delivered; the category says what to do about the recipient
            return Verdict.builder().outcome(Outcome.DELIVERED).category(Category.RECIPIENT_OPT_OUT)
                    .advice(Advice.SUPPRESS_RECIPIENT).party(Party.RECIPIENT).origin(Origin.REMOTE)
                    .stage(Stage.UNKNOWN).rule(Optional.of(FEEDBACK_REPORT))
                    .explanation("A feedback report (" + (type.isBlank() ? "no type given" : type) + "): the "
                            + "recipient or their provider complained about a delivered message; stop mailing them.")
                    .build();
        }

        private EmailRecord classified(EmailRecord.Kind kind, Optional<String> recipient, String foundBy,
                Map<String, String> fields, String reply, Outcome stated) {
            return classified(kind, recipient, foundBy, fields, reply, stated, "");
        }

        /**
         * @param status the report's Status (an RFC 3463 code), evidence next to the text: it classifies the reply
         *     only when the text alone is not understood, as a status code an MTA logs does
         */
        private EmailRecord classified(EmailRecord.Kind kind, Optional<String> recipient, String foundBy,
                Map<String, String> fields, String reply, Outcome stated, String status) {
            ClassifyContext context = decision(stated);
            Optional<EnhancedStatusCode> code = EnhancedStatusCode.parse(status.strip());
            if (code.isPresent()) {
                context = context.withStatus(code.get());
            }
            Verdict v = engine.classify(reply, context, options);
            return record(kind, recipient, foundBy, fields, Optional.of(reply), stated, Optional.of(v));
        }

        private EmailRecord record(EmailRecord.Kind kind, Optional<String> recipient, String foundBy,
                Map<String, String> fields, Optional<String> reply, Outcome stated, Optional<Verdict> verdict) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            common.forEach(all::putIfAbsent);
            return new EmailRecord(file, message, kind, recipient.map(r -> r.toLowerCase(Locale.ROOT)), foundBy, all,
                    reply, stated, verdict, Optional.empty(), warnings);
        }
    }

    private static void putIf(Map<String, String> f, String key, String value) {
        if (value != null && !value.isBlank()) {
            f.put(key, value.strip());
        }
    }

    /** The reporting MTA's decision as the engine weighs it; an unknown outcome states nothing. */
    private static ClassifyContext decision(Outcome stated) {
        switch (stated) {
            case DELIVERED:
                return ClassifyContext.of(MtaDecision.DELIVERED);
            case DEFERRED:
                return ClassifyContext.of(MtaDecision.DEFERRED);
            case FAILED:
                return ClassifyContext.of(MtaDecision.FAILED);
            default:
                return ClassifyContext.NONE;
        }
    }

    /** The outcome a DSN Action states (RFC 3464 §2.3.3). */
    static Outcome outcomeOf(String action) {
        return switch (action) {
            case "failed" -> Outcome.FAILED;
            case "delayed" -> Outcome.DEFERRED;
            case "delivered", "relayed", "expanded" -> Outcome.DELIVERED;
            default -> Outcome.UNKNOWN;
        };
    }

    /** {@code x-postfix-sender} becomes {@code xPostfixSender}. */
    static String camel(String field) {
        StringBuilder b = new StringBuilder(field.length());
        boolean up = false;
        for (char c : field.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
