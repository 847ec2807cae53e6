package io.smtpverdict.core;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.spi.SmtpReply;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.spi.VerdictPlugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies SMTP replies and MTA delivery messages into verdicts with the rules of every loaded plugin.
 * Immutable once built and safe to share across threads; {@link #classify(String)} never throws.
 */
public final class VerdictEngine {
    VerdictEngine() {
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
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Parses a reply without classifying it. Never throws. */
    public SmtpReply parse(String reply) {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** The loaded plugins and user tables, highest priority first. */
    public List<PluginInfo> plugins() {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Every loaded rule, by plugin then table order. */
    public List<RuleInfo> rules() {
        throw new UnsupportedOperationException("engine under construction");
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
            throw new UnsupportedOperationException("engine under construction");
        }
    }
}
