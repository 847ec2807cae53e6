package io.smtpverdict.cli;

import io.smtpverdict.core.Diagnostic;
import io.smtpverdict.core.PluginInfo;
import io.smtpverdict.core.VerdictConfigurationException;
import io.smtpverdict.core.VerdictEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command that builds an engine shares: which plugins, which extra rules, how chatty. */
final class EngineOptions {
    /** The slf4j-simple property that sets the log level; read once, when the first logger is created. */
    static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    @Option(names = "--vendor", paramLabel = "ID",
            description = "Prefer this plugin's rules when rules of several plugins tie (e.g. greenarrow).")
    Optional<String> vendor = Optional.empty();

    @Option(names = "--plugins", paramLabel = "ID", split = ",",
            description = "Load only these plugins (comma-separated ids, see `verdict plugins`).")
    List<String> plugins = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Add a rule table (JSON, see docs/rule-table-format.md); repeatable. "
                    + "Its rules win over the shipped ones at the same evidence level.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--plugin-path", paramLabel = "DIR_OR_JAR",
            description = "Load extra plugins from this jar, or from every jar in this directory; repeatable. "
                    + "Entries of the VERDICT_PLUGIN_PATH environment variable (separated by '" + "${sys:path.separator}"
                    + "') are added too; `verdict plugins` shows where each plugin came from.")
    List<Path> pluginPath = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Log what is loaded and read to stderr (default: warnings only).")
    void verbose(boolean verbose) {
        if (verbose) {
            System.setProperty(LOG_LEVEL_PROPERTY, "info");
        }
    }

    /**
     * Builds the engine with every plugin on the class path, filtered and extended as the options say.
     *
     * @throws CliFailure with exit code 2 for a bad {@code --rules} file or unknown plugin id, 1 for a broken plugin
     */
    VerdictEngine build() {
        for (Path file : rules) {
            if (!Files.isRegularFile(file)) {
                throw CliFailure.usage("cannot read --rules file " + file + ": "
                        + (Files.exists(file) ? "not a regular file" : "no such file"));
            }
            if (!Files.isReadable(file)) {
                throw CliFailure.usage("cannot read --rules file " + file + ": permission denied");
            }
        }
        if (rules.isEmpty() && pluginPath.isEmpty() && plugins.isEmpty() && vendor.isEmpty()) {
            Optional<VerdictEngine> early = EarlyEngine.take();
            if (early.isPresent()) {
                return early.get();
            }
        }
        VerdictEngine.Builder builder = defaults();
        pluginPath.forEach(builder::pluginPath);
        if (!plugins.isEmpty()) {
            builder.onlyPlugins(plugins);
        }
        vendor.ifPresent(builder::preferPlugin);
        rules.forEach(builder::ruleTable);
        VerdictEngine engine;
        try {
            engine = builder.build();
        } catch (VerdictConfigurationException e) {
            throw new CliFailure(isUsageProblem(e) ? CliFailure.USAGE : CliFailure.RUNTIME, e.getMessage(), e);
        }
        if (vendor.isPresent() && engine.plugins().stream().map(PluginInfo::id).noneMatch(vendor.get()::equals)) {
            throw CliFailure.usage("unknown --vendor '" + vendor.get() + "': loaded plugins are "
                    + engine.plugins().stream().map(PluginInfo::id).toList());
        }
        return engine;
    }

    /** The builder of the default engine: every plugin on the class path and the plugin path variable. */
    static VerdictEngine.Builder defaults() {
        return VerdictEngine.builder().discoverPlugins();
    }

    /** A problem the user caused with an option (their own table, a plugin id), as opposed to a broken install. */
    private boolean isUsageProblem(VerdictConfigurationException e) {
        return e.diagnostic() == Diagnostic.UNKNOWN_PLUGIN || e.diagnostic() == Diagnostic.PLUGIN_PATH || e.userTable();
    }
}
