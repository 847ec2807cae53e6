package io.smtpverdict.core;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.SmtpReply;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.spi.VerdictPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies SMTP replies and MTA delivery messages into verdicts with the rules of every loaded plugin.
 * Immutable once built and safe to share across threads; {@link #classify(String)} never throws.
 */
public final class VerdictEngine {
    private static final Logger LOG = LoggerFactory.getLogger(VerdictEngine.class);

    /** The rule a verdict names when the engine itself failed on an input (see troubleshooting#internal-error). */
    public static final io.smtpverdict.spi.RuleRef INTERNAL_ERROR =
            new io.smtpverdict.spi.RuleRef("core", "core.internal-error", io.smtpverdict.spi.EvidenceLevel.CLASS);

    private final RuleSet rules;
    private final Classifier classifier;
    private final List<PluginInfo> plugins;
    private final List<RuleInfo> ruleInfos;

    VerdictEngine(RuleSet rules, List<PluginInfo> plugins, int maxInput, int maxDepth) {
        this.rules = rules;
        this.classifier = new Classifier(rules, maxInput, maxDepth);
        this.plugins = List.copyOf(plugins);
        List<RuleInfo> infos = new ArrayList<>(rules.rules.length);
        for (CompiledRule r : rules.rules) {
            infos.add(r.info());
        }
        infos.sort(java.util.Comparator.comparing(RuleInfo::plugin).thenComparing(RuleInfo::order));
        this.ruleInfos = List.copyOf(infos);
    }

    /** A builder; call {@link Builder#discoverPlugins()} to load the plugins on the classpath. */
    public static Builder builder() {
        return new Builder();
    }

    /** Classifies one reply. Never throws; any text, including empty or binary, yields a verdict. */
    public Verdict classify(String reply) {
        return classify(reply, ClassifyOptions.DEFAULT);
    }

    /** Classifies one reply with options. Never throws. */
    public Verdict classify(String reply, ClassifyOptions options) {
        ClassifyOptions o = options == null ? ClassifyOptions.DEFAULT : options;
        try {
            return classifier.classify(reply == null ? "" : reply, o.stageHint(), o.explain(), 0);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.error("internal error classifying a reply of {} characters; reporting it as unknown",
                    reply == null ? 0 : reply.length(), e);
            return Verdict.builder().outcome(Outcome.UNKNOWN).category(Category.UNCLASSIFIED)
                    .advice(Advice.REVIEW).party(Party.UNKNOWN).origin(Origin.UNKNOWN).stage(Stage.UNKNOWN)
                    .explanation("The engine failed on this input (" + e.getClass().getSimpleName()
                            + "); it is reported as unknown. Please report it as a bug.")
                    .rule(Optional.of(INTERNAL_ERROR))
                    .build();
        }
    }

    /**
     * Classifies a reply whose outcome the reporting MTA has already stated (a delivery status notification's
     * {@code Action}, for one): the text decides the category, advice and party; the MTA's outcome is final.
     * When the text alone would give another outcome, the verdict keeps the MTA's and is flagged
     * {@link io.smtpverdict.spi.Flag#CODE_MISMATCH}. {@link Outcome#UNKNOWN} (or null) adds nothing. Never throws.
     */
    public Verdict classify(String reply, ClassifyOptions options, Outcome stated) {
        Verdict v = classify(reply, options);
        if (stated == null || stated == Outcome.UNKNOWN || v.outcome() == stated) {
            return v;
        }
        try {
            return Classifier.withStatedOutcome(v, stated);
        } catch (RuntimeException e) {
            LOG.error("internal error applying the stated outcome {}; keeping the text's verdict", stated, e);
            return v;
        }
    }

    /** Parses a reply without classifying it. Never throws. */
    public SmtpReply parse(String reply) {
        ParsedReply p = classifier.parse(reply == null ? "" : reply);
        Verdict v = classify(reply);
        List<String> lines = List.of(p.text().split("\r\n|\r|\n", -1));
        return new SmtpReply(p.text(), p.basicCode() == 0 ? OptionalInt.empty() : OptionalInt.of(p.basicCode()),
                Optional.ofNullable(p.enhancedCode()), lines, v.stage(), p.truncated());
    }

    /** The loaded plugins and user tables, highest priority first. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** Every loaded rule, by plugin then table order. */
    public List<RuleInfo> rules() {
        return ruleInfos;
    }

    /** Configures and builds a {@link VerdictEngine}; each setter validates its argument. */
    public static final class Builder {
        final List<VerdictPlugin> plugins = new ArrayList<>();
        final List<Path> userTables = new ArrayList<>();
        final Set<String> onlyPlugins = new LinkedHashSet<>();
        boolean discover;
        ClassLoader classLoader;
        String preferredPlugin;
        int maxInputLength = 64 * 1024;
        int maxDepth = 4;

        Builder() {
        }

        /** Loads every {@link VerdictPlugin} found by {@link java.util.ServiceLoader} on the context class loader. */
        public Builder discoverPlugins() {
            this.discover = true;
            return this;
        }

        /** Loads every {@link VerdictPlugin} found by {@link java.util.ServiceLoader} on this class loader. */
        public Builder discoverPlugins(ClassLoader loader) {
            this.discover = true;
            this.classLoader = requireNonNull(loader, "loader is null");
            return this;
        }

        /** Adds a plugin instance. */
        public Builder plugin(VerdictPlugin plugin) {
            plugins.add(requireNonNull(plugin, "plugin is null"));
            return this;
        }

        /** Keeps only the plugins with these ids; naming one that is not present fails the build. */
        public Builder onlyPlugins(Iterable<String> ids) {
            for (String id : ids) {
                onlyPlugins.add(requireNonNull(id, "id is null"));
            }
            return this;
        }

        /** Ranks this plugin above every other shipped plugin in ties (the CLI's {@code --vendor}). */
        public Builder preferPlugin(String id) {
            this.preferredPlugin = requireNonNull(id, "id is null");
            return this;
        }

        /** Adds a user rule table file; its rules rank above shipped rules at the same level. */
        public Builder ruleTable(Path file) {
            userTables.add(requireNonNull(file, "file is null"));
            return this;
        }

        /** Input longer than this many characters is cut and flagged TRUNCATED (default 65536). */
        public Builder maxInputLength(int chars) {
            if (chars < 256) {
                throw new IllegalArgumentException("maxInputLength must be at least 256: " + chars);
            }
            this.maxInputLength = chars;
            return this;
        }

        /** How deep embedded {MESSAGE} replies are classified recursively (default 4). */
        public Builder maxDepth(int depth) {
            if (depth < 0 || depth > 16) {
                throw new IllegalArgumentException("maxDepth must be 0 to 16: " + depth);
            }
            this.maxDepth = depth;
            return this;
        }

        /**
         * Builds the engine: loads every plugin's tables and compiles all rules.
         *
         * @throws VerdictConfigurationException naming the plugin, resource and JSON path of the first problem
         */
        public VerdictEngine build() {
            return EngineLoader.load(this);
        }
    }
}
