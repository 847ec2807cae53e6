package io.smtpverdict.spark;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code smtp_verdict(reply, context)}: one reply and an optional map of context to a verdict struct (null in,
 * null out). Only the settings travel with the task; the engine comes from this JVM's {@link Engines}.
 */
final class ReplyFunction implements UDF2<String, scala.collection.Map<String, String>, Row> {
    private static final long serialVersionUID = 1L;

    private final EngineSettings settings;
    private transient Engines engines;

    ReplyFunction(EngineSettings settings) {
        this.settings = settings;
    }

    @Override
    public Row call(String reply, scala.collection.Map<String, String> context) {
        if (reply == null) {
            return null;
        }
        Engines e = engines;
        if (e == null) {
            e = Engines.of(settings);
            engines = e;
        }
        Map<String, String> ctx = context == null || context.isEmpty() ? null : CollectionConverters.asJava(context);
        return VerdictSchema.toRow(e.classify(reply, ctx));
    }
}
