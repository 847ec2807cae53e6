package io.smtpverdict.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import scala.Function1;
import scala.Tuple3;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Makes {@code smtp_verdict} part of every session without any code: start Spark with
 * {@code --conf spark.sql.extensions=io.smtpverdict.spark.VerdictSqlExtensions} (spark-sql, PySpark, Thrift
 * server). The engine settings come from the session's configuration when a query uses the function:
 * {@value #VENDOR}, {@value #PLUGINS} and {@value #RULES} (comma-separated).
 */
public final class VerdictSqlExtensions extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
    /** The preferred vendor's plugin id, like {@code verdict classify --vendor}. */
    public static final String VENDOR = "spark.smtpverdict.vendor";
    /** Load only these plugin ids, comma-separated. */
    public static final String PLUGINS = "spark.smtpverdict.plugins";
    /** User rule table files, comma-separated; ship them with {@code --files}. */
    public static final String RULES = "spark.smtpverdict.rules";

    /** Spark instantiates the class named in {@code spark.sql.extensions} with this constructor. */
    public VerdictSqlExtensions() {
    }

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        Function1<scala.collection.immutable.Seq<org.apache.spark.sql.catalyst.expressions.Expression>,
                org.apache.spark.sql.catalyst.expressions.Expression> builder =
                Verdicts.builder(() -> settings(SparkSession.active()));
        extensions.injectFunction(new Tuple3<>(FunctionIdentifier.apply(Verdicts.FUNCTION), Verdicts.info(), builder));
        return BoxedUnit.UNIT;
    }

    /** The engine settings a session's configuration names. */
    static EngineSettings settings(SparkSession spark) {
        return new EngineSettings(list(spark.conf().get(PLUGINS, "")), spark.conf().get(VENDOR, ""),
                list(spark.conf().get(RULES, "")));
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
