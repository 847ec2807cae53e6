package io.smtpverdict.cli;

import io.smtpverdict.input.InputRecord;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The summary {@code verdict stats} prints: counts by outcome, category, advice, party, plugin, recipient domain. */
final class Stats {
    /** Distinct recipient domains and unclassified replies kept before the rarest are dropped. */
    static final int CAPACITY = 10_000;

    private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>@]+@[^\\s<>@]+>?");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    long records;
    long classified;
    long errors;
    long skipped;
    long warnings;
    final Map<String, Long> outcome = new TreeMap<>();
    final Map<String, Long> category = new TreeMap<>();
    final Map<String, Long> advice = new TreeMap<>();
    final Map<String, Long> party = new TreeMap<>();
    final Map<String, Long> plugin = new TreeMap<>();
    final Map<String, Long> level = new TreeMap<>();
    final BoundedCounter recipientDomains = new BoundedCounter(CAPACITY);
    final BoundedCounter unclassified = new BoundedCounter(CAPACITY);
    long unclassifiedTotal;

    /** Counts one record. */
    void add(InputRecord in, Optional<Verdict> verdict) {
        records++;
        if (in.error().isPresent()) {
            errors++;
        }
        if (in.skipped().isPresent()) {
            skipped++;
        }
        if (in.warning().isPresent()) {
            warnings++;
        }
        if (verdict.isEmpty()) {
            return;
        }
        Verdict v = verdict.get();
        classified++;
        inc(outcome, v.outcome().name());
        inc(category, v.category().map(Enum::name).orElse("(none: delivered)"));
        inc(advice, v.advice().name());
        inc(party, v.party().name());
        inc(plugin, v.rule().map(r -> r.plugin()).orElse("(no rule)"));
        inc(level, v.level().map(Enum::name).orElse("(no rule)"));
        String recipient = in.context().get("recipient");
        if (recipient != null && recipient.indexOf('@') >= 0) {
            recipientDomains.add(recipient.substring(recipient.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT));
        }
        if (isUnclassified(v)) {
            unclassifiedTotal++;
            unclassified.add(pattern(in.reply().orElse(in.input())));
        }
    }

    /** Unclassified: decided by the class digit alone, by no rule at all, or as UNCLASSIFIED. */
    static boolean isUnclassified(Verdict v) {
        return v.rule().isEmpty() || v.level().equals(Optional.of(EvidenceLevel.CLASS))
                || v.category().equals(Optional.of(Category.UNCLASSIFIED));
    }

    /** A reply with addresses and IPs masked and white space folded, so that variants count together. */
    static String pattern(String reply) {
        String s = ADDRESS.matcher(reply).replaceAll("<address>");
        s = IPV4.matcher(s).replaceAll("<ip>");
        s = SPACE.matcher(s).replaceAll(" ").strip();
        return RecordWriter.fit(s, 200);
    }

    private static void inc(Map<String, Long> map, String key) {
        map.merge(key, 1L, Long::sum);
    }

    /** Prints the summary for a person. */
    void printText(PrintWriter out, int top) {
        out.printf(Locale.ROOT, "records     %,d%n", records);
        out.printf(Locale.ROOT, "classified  %,d%n", classified);
        out.printf(Locale.ROOT, "errors      %,d%n", errors);
        out.printf(Locale.ROOT, "skipped     %,d%n", skipped);
        if (warnings > 0) {
            out.printf(Locale.ROOT, "warnings    %,d%n", warnings);
        }
        section(out, "outcome", outcome);
        section(out, "category", category);
        section(out, "advice", advice);
        section(out, "party", party);
        section(out, "plugin", plugin);
        section(out, "evidence level", level);
        if (recipientDomains.size() > 0) {
            out.println();
            out.println("recipient domain (top " + top + (recipientDomains.approximate() ? ", approximate" : "") + ")");
            for (Map.Entry<String, Long> e : recipientDomains.top(top)) {
                out.printf(Locale.ROOT, "  %-40s %,12d%n", e.getKey(), e.getValue());
            }
        }
        out.println();
        out.printf(Locale.ROOT, "unclassified replies: %,d", unclassifiedTotal);
        if (unclassifiedTotal > 0) {
            out.print(" (most frequent " + top + (unclassified.approximate() ? ", approximate" : "") + ")");
        }
        out.println();
        for (Map.Entry<String, Long> e : unclassified.top(top)) {
            out.printf(Locale.ROOT, "  %,10d  %s%n", e.getValue(), e.getKey());
        }
    }

    private void section(PrintWriter out, String title, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.printf(Locale.ROOT, "  %-40s %,12d %6.1f%%%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, classified)));
    }

    /** Writes the summary as one JSON object. */
    void writeJson(JsonGenerator g, int top) throws IOException {
        g.writeStartObject();
        g.writeNumberField("records", records);
        g.writeNumberField("classified", classified);
        g.writeNumberField("errors", errors);
        g.writeNumberField("skipped", skipped);
        g.writeNumberField("warnings", warnings);
        counts(g, "outcome", outcome);
        counts(g, "category", category);
        counts(g, "advice", advice);
        counts(g, "party", party);
        counts(g, "plugin", plugin);
        counts(g, "level", level);
        counts(g, "recipientDomain", toMap(recipientDomains.top(top)));
        g.writeNumberField("unclassified", unclassifiedTotal);
        g.writeArrayFieldStart("topUnclassified");
        for (Map.Entry<String, Long> e : unclassified.top(top)) {
            g.writeStartObject();
            g.writeStringField("reply", e.getKey());
            g.writeNumberField("count", e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("approximate", recipientDomains.approximate() || unclassified.approximate());
        g.writeEndObject();
    }

    private static Map<String, Long> toMap(List<Map.Entry<String, Long>> entries) {
        Map<String, Long> m = new LinkedHashMap<>();
        entries.forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private static void counts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
