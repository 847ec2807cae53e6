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
    /** Made on first use: a one-shot run that classifies never needs the rules' descriptions. */
    private volatile List<RuleInfo> ruleInfos;

    VerdictEngine(RuleSet rules, List<PluginInfo> plugins, int maxInput, int maxDepth) {
        this.rules = rules;
        this.classifier = new Classifier(rules, maxInput, maxDepth);
        this.plugins = List.copyOf(plugins);
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
     * Classifies one reply with what the MTA reported about it (its decision and logged status code). The verdict's
     * outcome follows the MTA's decision; see {@link ClassifyContext}. Never throws.
     */
    public Verdict classify(String reply, ClassifyContext context) {
        return classify(reply, context, ClassifyOptions.DEFAULT);
    }

    /** Classifies one reply with what the MTA reported about it, and options. Never throws. */
    public Verdict classify(String reply, ClassifyContext context, ClassifyOptions options) {
        Verdict text = classify(reply, options);
        if (context == null || context.isEmpty() || text.rule().filter(INTERNAL_ERROR::equals).isPresent()) {
            return text;
        }
        try {
            Verdict fromStatus = context.status().isPresent() && text.enhancedCode().isEmpty()
                    ? classify(context.status().get().toString(), options) : null;
            return MtaDecisionPolicy.apply(text, context, fromStatus);
        } catch (RuntimeException e) {
            LOG.error("internal error weighing the MTA's decision; keeping the text's verdict", e);
            return text;
        }
    }

    /** Parses a reply without classifying it: codes, lines and the stage its own words name. Never throws. */
    public SmtpReply parse(String reply) {
        ParsedReply p = classifier.parse(reply == null ? "" : reply);
        List<String> lines = List.of(p.text().split("\r\n|\r|\n", -1));
        return new SmtpReply(p.text(), p.basicCode() == 0 ? OptionalInt.empty() : OptionalInt.of(p.basicCode()),
                Optional.ofNullable(p.enhancedCode()), lines, classifier.stage(p), p.truncated());
    }

    /** The loaded plugins and user tables, highest priority first. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** Every loaded rule, by plugin then table order. */
    public List<RuleInfo> rules() {
        List<RuleInfo> infos = ruleInfos;
        if (infos == null) {
            List<RuleInfo> made = new ArrayList<>(rules.rules.length);
            for (CompiledRule r : rules.rules) {
                made.add(r.info());
            }
            made.sort(java.util.Comparator.comparing(RuleInfo::plugin).thenComparing(RuleInfo::order));
            infos = List.copyOf(made);
            ruleInfos = infos;
        }
        return infos;
    }

    /** Configures and builds a {@link VerdictEngine}; each setter validates its argument. */
    public static final class Builder {
        final List<VerdictPlugin> plugins = new ArrayList<>();
        final List<Path> userTables = new ArrayList<>();
        final Set<String> onlyPlugins = new LinkedHashSet<>();
        final List<Path> pluginPath = new ArrayList<>();
        boolean readPluginPathVariable = true;
        boolean discover;
        ClassLoader classLoader;
        String preferredPlugin;
        int maxInputLength = 64 * 1024;
        int maxDepth = 4;
        int keySearches = 16;

        Builder() {
        }

        /**
         * Loads every {@link VerdictPlugin} found by {@link java.util.ServiceLoader} on the context class loader, and
         * in the jars of the plugin path: those added with {@link #pluginPath(Path)} and those named by the
         * {@code VERDICT_PLUGIN_PATH} environment variable (directories or jars, separated like the class path).
         */
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

        /**
         * Adds a plugin jar, or a directory whose {@code *.jar} files are plugin jars, to search for plugins. The jars
         * get their own class loader, its parent the one that loaded this engine.
         */
        public Builder pluginPath(Path dirOrJar) {
            pluginPath.add(requireNonNull(dirOrJar, "dirOrJar is null"));
            return this;
        }

        /** Ignores the {@code VERDICT_PLUGIN_PATH} environment variable (e.g. in tests or embedded use). */
        public Builder ignorePluginPathVariable() {
            this.readPluginPathVariable = false;
            return this;
        }

        /** The plugin path: the added entries, then those of the environment variable. */
        List<Path> pluginPathEntries() {
            List<Path> out = new ArrayList<>(pluginPath);
            if (readPluginPathVariable) {
                out.addAll(PluginPath.fromVariable(System.getenv(PluginPath.VARIABLE)));
            }
            return out;
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
         * How many short replies the engine matches key by key before it builds its automaton over every rule's
         * literal keys (default 16). The automaton costs about as much to build as a few hundred such searches,
         * so a run that classifies a handful of replies never builds it; the replies after those (and any long
         * one) are matched with it. Both give the same verdicts. 0 builds the automaton with the engine, for a
         * service that wants no build on a request's path.
         */
        public Builder keySearches(int replies) {
            if (replies < 0) {
                throw new IllegalArgumentException("keySearches must not be negative: " + replies);
            }
            this.keySearches = replies;
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
