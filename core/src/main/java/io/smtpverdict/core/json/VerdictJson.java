package io.smtpverdict.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smtpverdict.spi.Candidate;
import io.smtpverdict.spi.Compat;
import io.smtpverdict.spi.Flag;
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
        g.writeStringField("outcome", v.outcome().name());
        if (v.category().isPresent()) {
            g.writeStringField("category", v.category().get().name());
        }
        if (v.reason().isPresent()) {
            g.writeStringField("reason", v.reason().get());
        }
        g.writeStringField("advice", v.advice().name());
        g.writeStringField("party", v.party().name());
        g.writeStringField("origin", v.origin().name());
        g.writeStringField("stage", v.stage().name());
        if (v.code().isPresent()) {
            g.writeNumberField("code", v.code().getAsInt());
        }
        if (v.enhancedCode().isPresent()) {
            g.writeStringField("enhancedCode", v.enhancedCode().get().toString());
        }
        g.writeStringField("explanation", v.explanation());
        if (v.retryAfterSeconds().isPresent()) {
            g.writeNumberField("retryAfterSeconds", v.retryAfterSeconds().getAsInt());
        }
        if (!v.bindings().isEmpty()) {
            g.writeObjectFieldStart("bindings");
            for (Map.Entry<String, String> e : v.bindings().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (v.inner().isPresent()) {
            g.writeFieldName("inner");
            write(g, v.inner().get());
        }
        if (!v.flags().isEmpty()) {
            g.writeArrayFieldStart("flags");
            for (Flag f : v.flags()) {
                g.writeString(f.name());
            }
            g.writeEndArray();
        }
        if (v.rule().isPresent()) {
            g.writeObjectFieldStart("rule");
            g.writeStringField("plugin", v.rule().get().plugin());
            g.writeStringField("id", v.rule().get().id());
            g.writeStringField("level", v.rule().get().level().name());
            g.writeEndObject();
        }
        if (!v.candidates().isEmpty()) {
            g.writeArrayFieldStart("candidates");
            for (Candidate c : v.candidates()) {
                g.writeStartObject();
                g.writeStringField("plugin", c.plugin());
                g.writeStringField("id", c.id());
                g.writeStringField("level", c.level().name());
                if (c.category().isPresent()) {
                    g.writeStringField("category", c.category().get().name());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (v.compat().isPresent()) {
            Compat c = v.compat().get();
            g.writeObjectFieldStart("compat");
            g.writeNumberField("sparkpostClass", c.sparkpostClass());
            g.writeStringField("powermta", c.powermta());
            g.writeStringField("kumomta", c.kumomta());
            g.writeStringField("sisimai", c.sisimai());
            g.writeEndObject();
        }
    }
}
