package io.smtpverdict.core.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.smtpverdict.spi.Outcome;
import java.io.IOException;
import java.util.Arrays;

/**
 * A rule's outcome as written: {@code "FAILED"} is used when the text carries no code, while
 * {@code {"fixed": "FAILED"}} wins even over the codes.
 *
 * @param value the outcome
 * @param fixed whether it wins over the reply's codes
 */
@JsonDeserialize(using = TableOutcome.Reader.class)
public record TableOutcome(Outcome value, boolean fixed) {
    /** Reads both spellings and names the accepted ones when neither fits. */
    static final class Reader extends JsonDeserializer<TableOutcome> {
        @Override
        public TableOutcome deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new TableOutcome(outcome(p, ctxt, p.getText()), false);
            }
            if (p.currentToken() == JsonToken.START_OBJECT) {
                String name = p.nextFieldName();
                if (!"fixed".equals(name)) {
                    return (TableOutcome) ctxt.handleUnexpectedToken(TableOutcome.class, p.currentToken(), p,
                            "an outcome object has exactly one field, \"fixed\"; found "
                                    + (name == null ? "none" : "'" + name + "'"));
                }
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    return (TableOutcome) ctxt.handleUnexpectedToken(TableOutcome.class, p.currentToken(), p,
                            "\"fixed\" takes an outcome name such as \"FAILED\"");
                }
                Outcome o = outcome(p, ctxt, p.getText());
                if (p.nextToken() != JsonToken.END_OBJECT) {
                    return (TableOutcome) ctxt.handleUnexpectedToken(TableOutcome.class, p.currentToken(), p,
                            "an outcome object has exactly one field, \"fixed\"");
                }
                return new TableOutcome(o, true);
            }
            return (TableOutcome) ctxt.handleUnexpectedToken(TableOutcome.class, p.currentToken(), p,
                    "an outcome is a name such as \"FAILED\" or {\"fixed\": \"FAILED\"}");
        }

        private static Outcome outcome(JsonParser p, DeserializationContext ctxt, String name) throws IOException {
            try {
                return Outcome.valueOf(name);
            } catch (IllegalArgumentException e) {
                return (Outcome) ctxt.handleWeirdStringValue(Outcome.class, name,
                        "not one of the outcomes " + Arrays.toString(Outcome.values()));
            }
        }
    }
}
