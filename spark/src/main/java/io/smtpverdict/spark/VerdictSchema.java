package io.smtpverdict.spark;

import io.smtpverdict.core.json.VerdictJson;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The verdict as a Spark struct. Field names and order are those of the verdict's JSON (docs/user-guide.md), so
 * that a DataFrame written as JSON Lines carries the same fields as {@code verdict classify}; absent values are
 * null (and so left out of JSON), {@code inner} is the embedded reply's verdict as JSON text, and the losing
 * candidates and taxonomy mappings are left out.
 */
public final class VerdictSchema {
    /** The rule that decided: plugin, id, evidence level. */
    public static final StructType RULE = new StructType(new StructField[] {
        field("plugin", DataTypes.StringType, false),
        field("id", DataTypes.StringType, false),
        field("level", DataTypes.StringType, false),
    });

    /** The struct {@code smtp_verdict} returns and {@link Verdicts#classify} adds. */
    public static final StructType TYPE = new StructType(new StructField[] {
        field("outcome", DataTypes.StringType, false),
        field("category", DataTypes.StringType, true),
        field("reason", DataTypes.StringType, true),
        field("advice", DataTypes.StringType, false),
        field("party", DataTypes.StringType, false),
        field("origin", DataTypes.StringType, false),
        field("stage", DataTypes.StringType, false),
        field("code", DataTypes.IntegerType, true),
        field("enhancedCode", DataTypes.StringType, true),
        field("explanation", DataTypes.StringType, false),
        field("retryAfterSeconds", DataTypes.IntegerType, true),
        field("bindings", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true),
        field("inner", DataTypes.StringType, true),
        field("flags", DataTypes.createArrayType(DataTypes.StringType, false), true),
        field("rule", RULE, true),
    });

    private VerdictSchema() {
    }

    /** The verdict as a row of {@link #TYPE}, with Scala collections as Spark's encoders expect. */
    public static Row toRow(Verdict v) {
        Object bindings = v.bindings().isEmpty() ? null : CollectionConverters.asScala(v.bindings());
        Object flags = null;
        if (!v.flags().isEmpty()) {
            List<String> names = new ArrayList<>(v.flags().size());
            for (Flag f : v.flags()) {
                names.add(f.name());
            }
            flags = CollectionConverters.asScala(names).toSeq();
        }
        Row rule = v.rule().map(r -> RowFactory.create(r.plugin(), r.id(), r.level().name())).orElse(null);
        return RowFactory.create(
                v.outcome().name(),
                v.category().map(Enum::name).orElse(null),
                v.reason().orElse(null),
                v.advice().name(),
                v.party().name(),
                v.origin().name(),
                v.stage().name(),
                v.code().isPresent() ? Integer.valueOf(v.code().getAsInt()) : null,
                v.enhancedCode().map(Object::toString).orElse(null),
                v.explanation(),
                v.retryAfterSeconds().isPresent() ? Integer.valueOf(v.retryAfterSeconds().getAsInt()) : null,
                bindings,
                v.inner().map(VerdictJson::toJson).orElse(null),
                flags,
                rule);
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }
}
