package io.smtpverdict.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Candidate;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Compat;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes verdicts as JSON with exactly the field names of the verdict model: camelCase, enum names as strings,
 * absent values omitted. Uses Jackson's streaming generator so that writing allocates little.
 */
public final class VerdictJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    // Field names and enum values, quoted once.
    private static final SerializedString OUTCOME = new SerializedString("outcome");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString ADVICE = new SerializedString("advice");
    private static final SerializedString PARTY = new SerializedString("party");
    private static final SerializedString ORIGIN = new SerializedString("origin");
    private static final SerializedString STAGE = new SerializedString("stage");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString ENHANCED_CODE = new SerializedString("enhancedCode");
    private static final SerializedString EXPLANATION = new SerializedString("explanation");
    private static final SerializedString RETRY_AFTER = new SerializedString("retryAfterSeconds");
    private static final SerializedString BINDINGS = new SerializedString("bindings");
    private static final SerializedString INNER = new SerializedString("inner");
    private static final SerializedString FLAGS = new SerializedString("flags");
    private static final SerializedString RULE = new SerializedString("rule");
    private static final SerializedString PLUGIN = new SerializedString("plugin");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString CANDIDATES = new SerializedString("candidates");
    private static final SerializedString COMPAT = new SerializedString("compat");
    private static final SerializedString SPARKPOST_CLASS = new SerializedString("sparkpostClass");
    private static final SerializedString POWERMTA = new SerializedString("powermta");
    private static final SerializedString KUMOMTA = new SerializedString("kumomta");
    private static final SerializedString SISIMAI = new SerializedString("sisimai");
    private static final SerializedString[] OUTCOMES = names(Outcome.values());
    private static final SerializedString[] CATEGORIES = names(Category.values());
    private static final SerializedString[] ADVICES = names(Advice.values());
    private static final SerializedString[] PARTIES = names(Party.values());
    private static final SerializedString[] ORIGINS = names(Origin.values());
    private static final SerializedString[] STAGES = names(Stage.values());
    private static final SerializedString[] LEVELS = names(EvidenceLevel.values());
    private static final SerializedString[] FLAG_NAMES = names(Flag.values());

    private VerdictJson() {
    }

    /** The verdict as one line of JSON. */
    public static String toJson(Verdict v) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Writes the verdict as a JSON object to a generator, e.g. one that also writes input-side fields. */
    public static void write(JsonGenerator g, Verdict v) throws IOException {
        g.writeStartObject();
        writeFields(g, v);
        g.writeEndObject();
    }

    /** Writes the verdict's fields into an object the caller has opened. */
    public static void writeFields(JsonGenerator g, Verdict v) throws IOException {
        // Names and enum values are written pre-quoted: the generator copies them without escaping each character.
        field(g, OUTCOME, OUTCOMES[v.outcome().ordinal()]);
        if (v.category().isPresent()) {
            field(g, CATEGORY, CATEGORIES[v.category().get().ordinal()]);
        }
        if (v.reason().isPresent()) {
            g.writeFieldName(REASON);
            g.writeString(v.reason().get());
        }
        field(g, ADVICE, ADVICES[v.advice().ordinal()]);
        field(g, PARTY, PARTIES[v.party().ordinal()]);
        field(g, ORIGIN, ORIGINS[v.origin().ordinal()]);
        field(g, STAGE, STAGES[v.stage().ordinal()]);
        if (v.code().isPresent()) {
            g.writeFieldName(CODE);
            g.writeNumber(v.code().getAsInt());
        }
        if (v.enhancedCode().isPresent()) {
            g.writeFieldName(ENHANCED_CODE);
            g.writeString(v.enhancedCode().get().toString());
        }
        g.writeFieldName(EXPLANATION);
        g.writeString(v.explanation());
        if (v.retryAfterSeconds().isPresent()) {
            g.writeFieldName(RETRY_AFTER);
            g.writeNumber(v.retryAfterSeconds().getAsInt());
        }
        if (!v.bindings().isEmpty()) {
            g.writeFieldName(BINDINGS);
            g.writeStartObject();
            for (Map.Entry<String, String> e : v.bindings().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (v.inner().isPresent()) {
            g.writeFieldName(INNER);
            write(g, v.inner().get());
        }
        if (!v.flags().isEmpty()) {
            g.writeFieldName(FLAGS);
            g.writeStartArray();
            for (Flag f : v.flags()) {
                g.writeString(FLAG_NAMES[f.ordinal()]);
            }
            g.writeEndArray();
        }
        if (v.rule().isPresent()) {
            g.writeFieldName(RULE);
            g.writeStartObject();
            g.writeFieldName(PLUGIN);
            g.writeString(v.rule().get().plugin());
            g.writeFieldName(ID);
            g.writeString(v.rule().get().id());
            field(g, LEVEL, LEVELS[v.rule().get().level().ordinal()]);
            g.writeEndObject();
        }
        if (!v.candidates().isEmpty()) {
            g.writeFieldName(CANDIDATES);
            g.writeStartArray();
            for (Candidate c : v.candidates()) {
                g.writeStartObject();
                g.writeFieldName(PLUGIN);
                g.writeString(c.plugin());
                g.writeFieldName(ID);
                g.writeString(c.id());
                field(g, LEVEL, LEVELS[c.level().ordinal()]);
                if (c.category().isPresent()) {
                    field(g, CATEGORY, CATEGORIES[c.category().get().ordinal()]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (v.compat().isPresent()) {
            Compat c = v.compat().get();
            g.writeFieldName(COMPAT);
            g.writeStartObject();
            g.writeFieldName(SPARKPOST_CLASS);
            g.writeNumber(c.sparkpostClass());
            g.writeFieldName(POWERMTA);
            g.writeString(c.powermta());
            g.writeFieldName(KUMOMTA);
            g.writeString(c.kumomta());
            g.writeFieldName(SISIMAI);
            g.writeString(c.sisimai());
            g.writeEndObject();
        }
    }

    private static void field(JsonGenerator g, SerializedString name, SerializedString value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static SerializedString[] names(Enum<?>[] values) {
        SerializedString[] out = new SerializedString[values.length];
        for (Enum<?> e : values) {
            out[e.ordinal()] = new SerializedString(e.name());
        }
        return out;
    }
}
