package io.smtpverdict.testkit;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.PluginInfo;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.RulePackCompiler;
import io.smtpverdict.core.VerdictConfigurationException;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Candidate;
import io.smtpverdict.spi.Grammar;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a plugin author runs from JUnit: the plugin is discoverable, its tables load, its rule ids are sound and
 * stable, every rule is documented and decides its own examples, and no rule is shadowed by another.
 *
 * <p>Typical use, in the plugin's own test:
 *
 * <pre>{@code
 * PluginTestKit.forPlugin(new AcmePlugin()).assertAll();
 * PluginTestKit.forPlugin(new AcmePlugin()).assertIdsStable("com/example/acme/acme-rule-ids.txt");
 * }</pre>
 *
 * <p>Every check classifies with an engine built from the plugin alone, so a verdict never depends on which other
 * plugins happen to be on the test classpath. A failed check throws an {@link AssertionError} whose message names
 * the plugin and each offending rule. The kit needs the engine's public API and a JSON Schema validator.
 */
public final class PluginTestKit {

    private final VerdictPlugin plugin;
    private final ClassLoader discoveryLoader;
    private VerdictEngine engine;
    private String loadFailure;

    private PluginTestKit(VerdictPlugin plugin, ClassLoader discoveryLoader) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.discoveryLoader = requireNonNull(discoveryLoader, "discoveryLoader is null");
    }

    /**
     * A kit for one plugin instance; discovery is checked on the class loader that loaded the plugin's class.
     *
     * @param plugin the plugin under test
     * @return the kit
     */
    public static PluginTestKit forPlugin(VerdictPlugin plugin) {
        requireNonNull(plugin, "plugin is null");
        ClassLoader loader = plugin.getClass().getClassLoader();
        return new PluginTestKit(plugin, loader != null ? loader : ClassLoader.getSystemClassLoader());
    }

    /**
     * The same kit, checking discovery on another class loader (e.g. one over the packaged jar).
     *
     * @param loader where {@link #assertDiscoverable()} looks for the services file
     * @return a new kit
     */
    public PluginTestKit discoveredThrough(ClassLoader loader) {
        return new PluginTestKit(plugin, requireNonNull(loader, "loader is null"));
    }

    /**
     * The engine built from this plugin alone, for the author's own assertions.
     *
     * @return the engine
     * @throws AssertionError when the plugin does not load
     */
    public VerdictEngine engine() {
        if (engine == null && loadFailure == null) {
            try {
                engine = VerdictEngine.builder().plugin(plugin).build();
            } catch (VerdictConfigurationException e) {
                loadFailure = "does not load: " + e.getMessage();
                throw failure(List.of(loadFailure), e);
            } catch (RuntimeException | LinkageError e) {
                loadFailure = "does not load: " + e;
                throw failure(List.of(loadFailure), e);
            }
        }
        if (engine == null) {
            throw failure(List.of(loadFailure), null);
        }
        return engine;
    }

    /**
     * The plugin's rules as the engine loaded them, in table order.
     *
     * @return the rules
     * @throws AssertionError when the plugin does not load
     */
    public List<RuleInfo> rules() {
        String id = plugin.id();
        return engine().rules().stream().filter(r -> r.plugin().equals(id)).collect(Collectors.toList());
    }

    /**
     * Runs every check ({@link #assertDiscoverable()}, {@link #assertTablesMatchSchema()}, {@link #assertLoads()},
     * {@link #assertIdsWellFormed()}, {@link #assertRulesDocumented()}, {@link #assertExamplesDecidedByOwnRule()},
     * {@link #assertNoShadowedRules()}) except {@link #assertIdsStable(Path)} (which needs the checked-in list of ids) and reports
     * all problems found in one {@link AssertionError}.
     *
     * @return this kit
     */
    public PluginTestKit assertAll() {
        List<String> problems = new ArrayList<>(discoveryProblems());
        problems.addAll(TableSchema.problems(plugin));
        problems.addAll(RulePackCompiler.problems(plugin, false));
        List<String> loadProblems = loadProblems();
        problems.addAll(loadProblems);
        if (loadProblems.isEmpty()) {
            problems.addAll(idProblems());
            problems.addAll(documentationProblems());
            problems.addAll(exampleProblems());
            problems.addAll(shadowProblems());
        }
        return check(problems);
    }

    /**
     * Checks that {@link ServiceLoader} finds the plugin's class through {@code META-INF/services}, that the
     * discovered instance has the same id, and that no provider on the class path is broken.
     *
     * @return this kit
     */
    public PluginTestKit assertDiscoverable() {
        return check(discoveryProblems());
    }

    /**
     * Checks every table the plugin names against the rule-table JSON Schema ({@code docs/rule-table.schema.json}
     * in the smtp-verdict repository), which is the published contract of the format.
     *
     * @return this kit
     */
    public PluginTestKit assertTablesMatchSchema() {
        return check(TableSchema.problems(plugin));
    }

    /**
     * Checks that every table the plugin names has a rule pack beside it, compiled by the build step of
     * docs/writing-a-plugin.md, that was made from exactly that table and holds the same rules. ({@link #assertAll()}
     * checks the packs that are there; this also requires that there is one.)
     *
     * @return this kit
     */
    public PluginTestKit assertPacksCompiled() {
        return check(RulePackCompiler.problems(plugin, true));
    }

    /**
     * Checks that an engine builds with this plugin alone, that the plugin id is well formed, that its contract
     * version is one this engine accepts, and that it contributes at least one rule.
     *
     * @return this kit
     */
    public PluginTestKit assertLoads() {
        return check(loadProblems());
    }

    /**
     * Checks that every rule id is unique and is {@code <plugin id>.} followed by {@code [a-z0-9][a-z0-9._-]*}.
     *
     * @return this kit
     */
    public PluginTestKit assertIdsWellFormed() {
        return check(idProblems());
    }

    /**
     * Checks that every rule has a non-blank explanation, a non-blank {@code source} (its own or the table's default)
     * and at least one non-blank example.
     *
     * @return this kit
     */
    public PluginTestKit assertRulesDocumented() {
        return check(documentationProblems());
    }

    /**
     * Checks that each example of each rule is decided by that same rule.
     *
     * @return this kit
     */
    public PluginTestKit assertExamplesDecidedByOwnRule() {
        return check(exampleProblems());
    }

    /**
     * Checks that every rule with examples wins at least one of them; a rule that never does is shadowed by a rule
     * of higher or equal rank (or does not match its own examples at all) and can never decide anything.
     *
     * @return this kit
     */
    public PluginTestKit assertNoShadowedRules() {
        return check(shadowProblems());
    }

    /**
     * Compares the plugin's rule ids with a checked-in list: one id a line, blank lines and {@code #} comments
     * ignored. An id in the list that the plugin no longer has fails the check, because ids are a stable contract
     * (users store them and refer to them in their own tables). Ids the plugin has and the list lacks are reported
     * on standard output and returned, so the list can be brought up to date.
     *
     * @param expectedIds the file holding the list
     * @return the ids the plugin added since the list was written, in table order
     */
    public List<String> assertIdsStable(Path expectedIds) {
        requireNonNull(expectedIds, "expectedIds is null");
        if (!Files.isRegularFile(expectedIds)) {
            throw failure(List.of("rule id list " + expectedIds + " does not exist; create it with this content:\n"
                    + idList()), null);
        }
        try {
            return compareIds(Files.readAllLines(expectedIds, StandardCharsets.UTF_8), expectedIds.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + expectedIds, e);
        }
    }

    /**
     * Like {@link #assertIdsStable(Path)}, with the list read from a class path resource, e.g.
     * {@code com/example/acme/acme-rule-ids.txt} in {@code src/test/resources}.
     *
     * @param resource the resource name, relative to the class path root
     * @return the ids the plugin added since the list was written, in table order
     */
    public List<String> assertIdsStable(String resource) {
        requireNonNull(resource, "resource is null");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        URL url = findResource(name);
        if (url == null) {
            throw failure(List.of("rule id list resource '" + name + "' is not on the class path; create it with"
                    + " this content:\n" + idList()), null);
        }
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return compareIds(text.lines().collect(Collectors.toList()), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    /**
     * The plugin's current rule ids in the format {@link #assertIdsStable(Path)} reads, for writing the list.
     *
     * @return the list, one id a line, with a header comment
     */
    public String idList() {
        StringBuilder sb = new StringBuilder("# Rule ids of plugin '").append(plugin.id())
                .append("'. Ids are a stable contract: add new ones, never remove or rename one.\n");
        for (RuleInfo rule : rules()) {
            sb.append(rule.id()).append('\n');
        }
        return sb.toString();
    }

    private List<String> discoveryProblems() {
        Class<? extends VerdictPlugin> type = plugin.getClass();
        List<String> problems = new ArrayList<>();
        boolean found = false;
        try {
            for (ServiceLoader.Provider<VerdictPlugin> provider
                    : ServiceLoader.load(VerdictPlugin.class, discoveryLoader).stream().collect(Collectors.toList())) {
                if (provider.type() != type) {
                    continue;
                }
                found = true;
                String discoveredId = provider.get().id();
                if (!discoveredId.equals(plugin.id())) {
                    problems.add("the discovered instance of " + type.getName() + " has id '" + discoveredId
                            + "', the instance under test '" + plugin.id() + "'");
                }
            }
        } catch (ServiceConfigurationError e) {
            problems.add("ServiceLoader fails: " + e.getMessage());
            return problems;
        }
        if (!found) {
            problems.add("ServiceLoader does not find " + type.getName() + ": list it on one line of "
                    + "META-INF/services/" + VerdictPlugin.class.getName()
                    + " (and give it a public no-argument constructor)");
        }
        return problems;
    }

    private List<String> loadProblems() {
        List<String> problems = new ArrayList<>();
        String id = plugin.id();
        if (!Grammar.isPluginId(id)) {
            problems.add("plugin id '" + id + "' must be lower-case letters, digits and '-', starting with a letter,"
                    + " and not one of " + Grammar.RESERVED_PLUGIN_IDS);
        }
        int contract = plugin.contractVersion();
        if (contract < 1 || contract > VerdictContract.VERSION) {
            problems.add("contractVersion() is " + contract + " but this engine reads contract versions 1 to "
                    + VerdictContract.VERSION + ": return VerdictContract.VERSION");
        }
        try {
            engine();
        } catch (AssertionError e) {
            problems.add(loadFailure);
            return problems;
        }
        List<PluginInfo> infos = engine.plugins().stream().filter(p -> p.id().equals(id)).collect(Collectors.toList());
        if (infos.size() != 1) {
            problems.add("the engine lists " + infos.size() + " plugins with id '" + id + "', expected 1");
        }
        if (rules().isEmpty()) {
            problems.add("contributes no rules; its tables are " + plugin.ruleTables());
        }
        return problems;
    }

    private List<String> idProblems() {
        String prefix = plugin.id() + ".";
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (RuleInfo rule : rules()) {
            seen.merge(rule.id(), 1, Integer::sum);
            if (!Grammar.isRuleId(plugin.id(), rule.id())) {
                problems.add(ruleLabel(rule) + ": id must be '" + prefix + "' followed by " + Grammar.RULE_ID_SUFFIX);
            }
        }
        seen.forEach((ruleId, count) -> {
            if (count > 1) {
                problems.add("rule '" + ruleId + "': id used by " + count + " rules");
            }
        });
        return problems;
    }

    private List<String> documentationProblems() {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : rules()) {
            if (rule.explanation().isBlank()) {
                problems.add(ruleLabel(rule) + ": has no explanation");
            }
            if (rule.source().filter(source -> !source.isBlank()).isEmpty()) {
                problems.add(ruleLabel(rule) + ": has no source; say where its wording is documented in \"source\""
                        + " (or in the table's \"defaults\")");
            }
            if (rule.examples().isEmpty()) {
                problems.add(ruleLabel(rule) + ": has no example; add a real text it must decide to \"examples\"");
            }
            for (int i = 0; i < rule.examples().size(); i++) {
                if (rule.examples().get(i).isBlank()) {
                    problems.add(ruleLabel(rule) + ": example " + (i + 1) + " is blank");
                }
            }
        }
        return problems;
    }

    private List<String> exampleProblems() {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : rules()) {
            for (String example : rule.examples()) {
                Verdict verdict = engine().classify(example);
                Optional<RuleRef> winner = verdict.rule();
                if (winner.isEmpty()) {
                    problems.add(ruleLabel(rule) + ": example \"" + example + "\" is decided by no rule (" + verdict + ")");
                } else if (!winner.get().id().equals(rule.id())) {
                    problems.add(ruleLabel(rule) + ": example \"" + example + "\" is decided by '" + winner.get().id()
                            + "' (" + winner.get().level() + "), not by its own rule");
                }
            }
        }
        return problems;
    }

    private List<String> shadowProblems() {
        List<String> problems = new ArrayList<>();
        for (RuleInfo rule : rules()) {
            if (rule.examples().isEmpty()) {
                continue;
            }
            boolean wins = false;
            boolean matches = false;
            Set<String> winners = new LinkedHashSet<>();
            for (String example : rule.examples()) {
                Verdict verdict = engine().classify(example, ClassifyOptions.EXPLAIN);
                Optional<RuleRef> winner = verdict.rule();
                if (winner.isPresent() && winner.get().id().equals(rule.id())) {
                    wins = true;
                    break;
                }
                winner.ifPresent(w -> winners.add("'" + w.id() + "' (" + w.level() + ")"));
                for (Candidate candidate : verdict.candidates()) {
                    matches |= candidate.id().equals(rule.id());
                }
            }
            if (wins) {
                continue;
            }
            String by = winners.isEmpty() ? "no rule" : String.join(", ", winners);
            if (matches) {
                problems.add(ruleLabel(rule) + ": is shadowed: it matches its examples but " + by
                        + " wins every one of them, so it can never decide anything");
            } else {
                problems.add(ruleLabel(rule) + ": never wins its own examples, it does not even match them (they go to "
                        + by + ")");
            }
        }
        return problems;
    }

    private List<String> compareIds(List<String> lines, String source) {
        Set<String> expected = new LinkedHashSet<>();
        for (String line : lines) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                expected.add(id);
            }
        }
        List<String> actual = rules().stream().map(RuleInfo::id).collect(Collectors.toList());
        List<String> removed = expected.stream().filter(id -> !actual.contains(id)).collect(Collectors.toList());
        List<String> added = actual.stream().filter(id -> !expected.contains(id)).collect(Collectors.toList());
        if (!removed.isEmpty()) {
            List<String> problems = new ArrayList<>();
            for (String id : removed) {
                problems.add("rule '" + id + "': listed in " + source + " but no longer in the plugin; rule ids are a"
                        + " stable contract: restore it (and keep its meaning), never remove or rename a rule id");
            }
            throw failure(problems, null);
        }
        if (!added.isEmpty()) {
            System.out.println("plugin '" + plugin.id() + "': " + added.size() + " rule id(s) not yet in " + source
                    + ", add them: " + String.join(", ", added));
        }
        return List.copyOf(added);
    }

    private URL findResource(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(name);
        if (url == null) {
            url = discoveryLoader.getResource(name);
        }
        return url;
    }

    private PluginTestKit check(List<String> problems) {
        if (!problems.isEmpty()) {
            throw failure(problems, null);
        }
        return this;
    }

    private AssertionError failure(List<String> problems, Throwable cause) {
        StringBuilder sb = new StringBuilder("plugin '").append(plugin.id()).append("' (")
                .append(plugin.getClass().getName()).append(")");
        if (problems.size() == 1) {
            sb.append(": ").append(problems.get(0));
        } else {
            sb.append(" has ").append(problems.size()).append(" problems:");
            for (String problem : problems) {
                sb.append("\n  - ").append(problem);
            }
        }
        return new AssertionError(sb.toString(), cause);
    }

    private static String ruleLabel(RuleInfo rule) {
        return "rule '" + rule.id() + "'";
    }
}
