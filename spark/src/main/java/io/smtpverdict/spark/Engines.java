package io.smtpverdict.spark;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.PluginInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.spark.SparkFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of this JVM, built lazily on first use and shared by every task and thread: one per
 * {@link EngineSettings}, plus one per vendor named in a row's context. Building is thread-safe (one build per
 * key); the engines are immutable. Nothing here is ever serialised: a task carries only its settings.
 */
final class Engines {
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    /** The context key naming the vendor whose rules win ties for this row. */
    static final String VENDOR = "vendor";
    /** The context key naming the SMTP stage the reply was given at (e.g. RCPT, DATA). */
    static final String STAGE = "stage";

    private static final ConcurrentHashMap<EngineSettings, Engines> ALL = new ConcurrentHashMap<>();

    private final EngineSettings settings;
    private final VerdictEngine base;
    private final Set<String> pluginIds;
    private final ConcurrentHashMap<String, VerdictEngine> byVendor = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private Engines(EngineSettings settings) {
        this.settings = settings;
        this.base = build(settings);
        this.pluginIds = base.plugins().stream().map(PluginInfo::id).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The engines for these settings, built on the first call in this JVM.
     *
     * @throws io.smtpverdict.core.VerdictConfigurationException for a broken rule table or an unknown plugin or
     *     vendor id
     * @throws IllegalArgumentException for a rule table that cannot be found
     */
    static Engines of(EngineSettings settings) {
        Engines e = ALL.get(settings);
        return e != null ? e : ALL.computeIfAbsent(settings, Engines::new);
    }

    /** The engine of the settings. */
    VerdictEngine engine() {
        return base;
    }

    /** Classifies one reply with an optional context map (keys {@value #VENDOR}, {@value #STAGE}). */
    io.smtpverdict.spi.Verdict classify(String reply, Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            return base.classify(reply);
        }
        VerdictEngine engine = base;
        ClassifyOptions options = ClassifyOptions.DEFAULT;
        for (Map.Entry<String, String> e : context.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (value.isEmpty()) {
                continue;
            }
            if (VENDOR.equals(e.getKey())) {
                engine = forVendor(value);
            } else if (STAGE.equals(e.getKey())) {
                Stage stage = stage(value);
                if (stage != null) {
                    options = options.withStage(stage);
                }
            } else {
                warnOnce("key:" + e.getKey(), "smtp_verdict ignores the unknown context key '" + e.getKey()
                        + "' (known: " + VENDOR + ", " + STAGE + ")");
            }
        }
        return engine.classify(reply, options);
    }

    private VerdictEngine forVendor(String id) {
        if (id.equals(settings.vendor())) {
            return base;
        }
        if (!pluginIds.contains(id)) {
            // A data-driven value must not fail a job of billions of rows: classify without a preference, say so once.
            warnOnce("vendor:" + id, "smtp_verdict ignores the unknown vendor '" + id + "' in a row's context: "
                    + "loaded plugins are " + pluginIds.stream().sorted().toList());
            return base;
        }
        return byVendor.computeIfAbsent(id, v -> build(settings.withVendor(v)));
    }

    private Stage stage(String value) {
        try {
            return Stage.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            warnOnce("stage:" + value, "smtp_verdict ignores the unknown stage '" + value + "' in a row's context");
            return null;
        }
    }

    private void warnOnce(String key, String message) {
        if (warned.size() < 1000 && warned.add(key)) {
            LOG.warn(message);
        }
    }

    private static VerdictEngine build(EngineSettings settings) {
        VerdictEngine.Builder builder = VerdictEngine.builder()
                .discoverPlugins(Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : Engines.class.getClassLoader());
        if (!settings.plugins().isEmpty()) {
            builder.onlyPlugins(settings.plugins());
        }
        if (!settings.vendor().isEmpty()) {
            builder.preferPlugin(settings.vendor());
        }
        for (String table : settings.ruleTables()) {
            builder.ruleTable(locate(table));
        }
        VerdictEngine engine = builder.build();
        LOG.info("built the smtp-verdict engine: {} plugins, {} rules", engine.plugins().size(), engine.rules().size());
        return engine;
    }

    /** A rule table path as given, else the file of that name shipped with spark-submit's {@code --files}. */
    static Path locate(String table) {
        Path path = Path.of(table);
        if (Files.isRegularFile(path)) {
            return path;
        }
        try {
            Path shipped = Path.of(SparkFiles.get(path.getFileName().toString()));
            if (Files.isRegularFile(shipped)) {
                return shipped;
            }
        } catch (RuntimeException e) {
            // No SparkContext/SparkEnv in this JVM: there is no shipped copy to look for.
            LOG.debug("no Spark file directory to look for {} in", table, e);
        }
        throw new IllegalArgumentException("cannot read rule table " + table
                + ": no such file here, nor shipped with --files");
    }
}
