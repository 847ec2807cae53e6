package io.smtpverdict.vendor.greenarrow;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.spi.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GreenArrow's documented delivery messages, read from the seed corpus copied into the test resources. */
final class GreenArrowSeed {
    /** The corpus resource, beside this class. */
    static final String RESOURCE = "greenarrow-seed-messages.txt";
    /** How many messages GreenArrow documents. */
    static final int ENTRY_COUNT = 39;

    private static final Pattern CODE_CLASS = Pattern.compile("\\(#([245])\\.");
    private static final List<Entry> ENTRIES = load();

    private GreenArrowSeed() {
    }

    /** Every documented message, in the order of the source. */
    static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry with this 1-based number. */
    static Entry entry(int number) {
        return ENTRIES.get(number - 1);
    }

    private static List<Entry> load() {
        InputStream in = GreenArrowSeed.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("test resource missing: " + RESOURCE);
        }
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf(" | ");
                if (bar < 0) {
                    throw new IllegalStateException("no ' | ' in corpus line: " + line);
                }
                entries.add(new Entry(entries.size() + 1, line.substring(0, bar), line.substring(bar + 3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(entries);
    }

    /**
     * One documented message.
     *
     * @param number 1-based position in the source
     * @param documentedOutcome the outcome column as GreenArrow writes it, e.g. {@code Deferral or failure}
     * @param template the literal message with {@code {HOSTNAME}}, {@code {IP}} and {@code {MESSAGE}} placeholders
     */
    record Entry(int number, String documentedOutcome, String template) {
        Entry {
            requireNonNull(documentedOutcome, "documentedOutcome is null");
            requireNonNull(template, "template is null");
            fixedOutcome(number, documentedOutcome);
        }

        /** The outcome GreenArrow always gives this message, or empty when the remote reply or the code decides. */
        Optional<Outcome> fixedOutcome() {
            return fixedOutcome(number, documentedOutcome);
        }

        private static Optional<Outcome> fixedOutcome(int number, String documentedOutcome) {
            switch (documentedOutcome) {
                case "Deferral":
                    return Optional.of(Outcome.DEFERRED);
                case "Failure":
                    return Optional.of(Outcome.FAILED);
                case "Deferral or failure":
                case "Deferral, failure, or acceptance":
                    return Optional.empty();
                default:
                    throw new IllegalStateException("entry " + number + ": unknown outcome " + documentedOutcome);
            }
        }

        /** Whether the template holds this placeholder, e.g. {@code IP}. */
        boolean has(String placeholder) {
            return template.contains("{" + placeholder + "}");
        }

        /** The template with its placeholders replaced by the given values. */
        String fill(Fill fill) {
            return template.replace("{IP}", fill.ip())
                    .replace("{HOSTNAME}", fill.hostname())
                    .replace("{MESSAGE}", fill.message());
        }

        /** The bindings a match of {@link #fill(Fill)} must report. */
        Map<String, String> bindings(Fill fill) {
            Map<String, String> bindings = new LinkedHashMap<>();
            if (has("HOSTNAME")) {
                bindings.put("HOSTNAME", fill.hostname());
            }
            if (has("IP")) {
                bindings.put("IP", fill.ip());
            }
            if (has("MESSAGE")) {
                bindings.put("MESSAGE", fill.message());
            }
            return bindings;
        }

        /**
         * The outcome a filled-in message must get: the documented one when fixed, else the class of the embedded
         * remote reply, else the class of the message's own {@code (#X.Y.Z)} code.
         */
        Outcome expectedOutcome(Fill fill) {
            Optional<Outcome> fixed = fixedOutcome();
            if (fixed.isPresent()) {
                return fixed.get();
            }
            if (has("MESSAGE")) {
                return Outcome.ofClassDigit(fill.message().charAt(0) - '0');
            }
            Matcher m = CODE_CLASS.matcher(template);
            if (!m.find()) {
                throw new IllegalStateException("entry " + number + " has neither a fixed outcome nor a code");
            }
            return Outcome.ofClassDigit(m.group(1).charAt(0) - '0');
        }

        @Override
        public String toString() {
            return "#" + number + " " + template;
        }
    }

    /**
     * Realistic values for the placeholders of a template.
     *
     * @param ip for {@code {IP}}
     * @param hostname for {@code {HOSTNAME}}
     * @param message for {@code {MESSAGE}}, a remote SMTP reply
     */
    record Fill(String ip, String hostname, String message) {
        Fill {
            requireNonNull(ip, "ip is null");
            requireNonNull(hostname, "hostname is null");
            requireNonNull(message, "message is null");
        }
    }
}
