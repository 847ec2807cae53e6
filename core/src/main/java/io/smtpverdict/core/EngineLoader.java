package io.smtpverdict.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.table.RulePack;
import io.smtpverdict.core.table.RuleTableLoader;
import io.smtpverdict.core.table.TableCategoryOverride;
import io.smtpverdict.core.table.TableException;
import io.smtpverdict.core.table.TableFile;
import io.smtpverdict.core.table.TableRule;
import io.smtpverdict.spi.Grammar;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a builder's configuration into an engine: discovery, table loading, validation, compilation. */
final class EngineLoader {
    private static final Logger LOG = LoggerFactory.getLogger(VerdictEngine.class);
    private static final int USER_PRIORITY = Integer.MAX_VALUE;
    /** A system property: when {@code true}, shipped tables are read from their JSON even where a pack exists. */
    static final String IGNORE_PACKS = "smtpverdict.ignoreRulePacks";

    private EngineLoader() {
    }

    static VerdictEngine load(VerdictEngine.Builder b) {
        long t0 = System.nanoTime();
        Map<String, VerdictPlugin> byId = new LinkedHashMap<>();
        List<VerdictPlugin> all = new ArrayList<>(b.plugins);
        if (b.discover) {
            ClassLoader base = b.classLoader != null ? b.classLoader : Thread.currentThread().getContextClassLoader();
            all.addAll(discover(PluginPath.loader(b.pluginPathEntries(), base)));
        } else if (!b.pluginPath.isEmpty()) {
            all.addAll(discover(PluginPath.loader(b.pluginPath, VerdictEngine.class.getClassLoader())));
        }
        for (VerdictPlugin p : all) {
            String id = pluginId(p);
            VerdictPlugin prev = byId.get(id);
            if (prev != null) {
                if (prev.getClass() == p.getClass()) {
                    continue; // the same plugin added twice, or both added and discovered
                }
                throw new VerdictConfigurationException(Diagnostic.DUPLICATE_PLUGIN_ID, "duplicate plugin id '" + id
                        + "': provided by both " + prev.getClass().getName() + " and " + p.getClass().getName());
            }
            int contract = guarded(p, "contractVersion()", p::contractVersion);
            if (contract > VerdictContract.VERSION) {
                throw new VerdictConfigurationException(Diagnostic.CONTRACT_TOO_NEW, "plugin '" + id + "' ("
                        + p.getClass().getName() + ") was built against contract version " + contract
                        + " but this engine implements version " + VerdictContract.VERSION + "; upgrade smtp-verdict");
            }
            if (contract < VerdictContract.VERSION) {
                LOG.warn("plugin '{}' was built against contract version {}; this engine implements {}",
                        id, contract, VerdictContract.VERSION);
            }
            byId.put(id, p);
        }
        if (!b.onlyPlugins.isEmpty()) {
            for (String id : b.onlyPlugins) {
                if (!byId.containsKey(id)) {
                    throw new VerdictConfigurationException(Diagnostic.UNKNOWN_PLUGIN, "no plugin with id '" + id
                            + "' is on the classpath; found: " + byId.keySet());
                }
            }
            byId.keySet().retainAll(b.onlyPlugins);
        }
        if (b.preferredPlugin != null && !byId.containsKey(b.preferredPlugin)) {
            throw new VerdictConfigurationException(Diagnostic.UNKNOWN_PLUGIN, "no plugin with id '"
                    + b.preferredPlugin + "' to prefer; found: " + byId.keySet());
        }
        List<VerdictPlugin> plugins = new ArrayList<>(byId.values());
        Map<VerdictPlugin, Integer> priorities = new HashMap<>();
        Map<VerdictPlugin, List<String>> tables = new HashMap<>();
        Map<VerdictPlugin, String[]> texts = new HashMap<>();
        for (VerdictPlugin p : plugins) {
            priorities.put(p, p.id().equals(b.preferredPlugin) ? Integer.MAX_VALUE - 1
                    : guarded(p, "priority()", p::priority));
            List<String> names = guarded(p, "ruleTables()", p::ruleTables);
            if (names == null || names.stream().anyMatch(java.util.Objects::isNull)) {
                throw new VerdictConfigurationException(Diagnostic.BROKEN_PROVIDER, "plugin provider "
                        + p.getClass().getName() + " returned no list of rule tables (null) from ruleTables()");
            }
            tables.put(p, List.copyOf(names));
            String version = guarded(p, "version()", p::version);
            String description = guarded(p, "description()", p::description);
            texts.put(p, new String[] {version == null ? "unknown" : version, description == null ? "" : description});
        }
        plugins.sort(Comparator.comparing((VerdictPlugin p) -> -priorities.get(p)).thenComparing(VerdictPlugin::id));
        long t1 = System.nanoTime();
        List<RuleSet.Source> sources = new ArrayList<>();
        List<PluginInfo> infos = new ArrayList<>();
        Map<String, String> ruleOwner = new HashMap<>();
        Map<Path, java.util.jar.JarFile> jars = new HashMap<>();
        SharedWork<Loaded> read = null;
        try {
            // the tables are read (a pack inflated and decoded) on two processors where there are two, and filed in the
            // order of the plugins and their tables as before: reading them took a third of a warm build, mostly
            // inflating the packs
            List<java.util.function.Supplier<Loaded>> reads = new ArrayList<>();
            for (VerdictPlugin p : plugins) {
                java.util.jar.JarFile jar = jarOf(p.getClass(), jars);
                for (String table : tables.get(p)) {
                    reads.add(() -> jar != null ? loadJarTable(p, table, jar) : shippedTable(p, table));
                }
            }
            read = SharedWork.start(reads.size(), i -> reads.get(i).get());
            int next = 0;
            for (VerdictPlugin p : plugins) {
                readPlugin(p, priorities.get(p), tables.get(p), texts.get(p), read, next, sources, infos, ruleOwner);
                next += tables.get(p).size();
            }
        } finally {
            if (read != null) {
                read.abandon(); // after a failure, the helper must be done with the jars before they are closed
            }
            for (java.util.jar.JarFile jar : jars.values()) {
                try {
                    jar.close();
                } catch (IOException e) {
                    LOG.debug("closing {}: {}", jar.getName(), e.toString());
                }
            }
        }
        List<TableCategoryOverride> overrides = new ArrayList<>();
        try {
            loadUserTables(b, sources, ruleOwner, overrides, infos);
        } catch (VerdictConfigurationException e) {
            throw e.inUserTable();
        }
        if (infos.isEmpty()) {
            LOG.warn("no verdict plugins found: only reply-code classes will be told apart "
                    + "(see docs/troubleshooting.md#no-plugins)");
        }
        long t2 = System.nanoTime();
        RuleSet set = new RuleSet(sources, overrides, b.keySearches);
        VerdictEngine engine = new VerdictEngine(set, infos, b.maxInputLength, b.maxDepth);
        long t3 = System.nanoTime();
        checkUserExamples(engine, sources, infos);
        if (LOG.isDebugEnabled()) {
            LOG.debug("engine built in {} ms: plugins {} ms, tables {} ms, compile {} ms, user examples {} ms",
                    ms(System.nanoTime() - t0), ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(System.nanoTime() - t3));
        }
        return engine;
    }

    /**
     * Files one plugin's tables, read by {@code read} from task {@code first} on, into {@code sources} and describes
     * it in {@code infos}.
     */
    private static void readPlugin(VerdictPlugin p, int priority, List<String> tableNames, String[] text,
            SharedWork<Loaded> read, int first, List<RuleSet.Source> sources, List<PluginInfo> infos,
            Map<String, String> ruleOwner) {
        int count = 0;
        for (int t = 0; t < tableNames.size(); t++) {
            String table = tableNames.get(t);
            Loaded loaded = read.get(first + t);
            TableFile file = loaded.file();
            for (int i = 0; i < file.rules().size(); i++) {
                TableRule r = file.rules().get(i);
                String prev = ruleOwner.putIfAbsent(r.id(), table);
                if (prev != null) {
                    throw tableError(TableException.Kind.DUPLICATE_RULE_ID, p.id(), table, "$.rules[" + i + "].id",
                            "rule id '" + r.id() + "' is already defined in " + prev, null);
                }
                sources.add(new RuleSet.Source(p.id(), priority, false, r, sources.size(), loaded.templateKey(i),
                        loaded.spellings()));
                count++;
            }
        }
        infos.add(new PluginInfo(p.id(), text[0], p.contractVersion(), priority, count, false, tableNames, text[1],
                PluginPath.location(p.getClass())));
        LOG.info("Registering plugin {} {} ({} rules)", p.id(), text[0], count);
    }

    /**
     * The jar a plugin class was loaded from, opened once per build for all the plugins in it; null when the class
     * does not come from a jar file (a directory in tests), whose tables are then looked up as resources. Looking a
     * table up in the jar itself is a map lookup; through the class loader it cost a one-shot run about a tenth of
     * its engine build (two lookups per table, each building and parsing URLs).
     */
    private static java.util.jar.JarFile jarOf(Class<?> type, Map<Path, java.util.jar.JarFile> jars) {
        try {
            java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(path)) {
                return null;
            }
            java.util.jar.JarFile jar = jars.get(path);
            if (jar == null) {
                jar = new java.util.jar.JarFile(path.toFile(), false);
                jars.put(path, jar);
            }
            return jar;
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            LOG.debug("looking up the tables of {} as resources: {}", type.getName(), e.toString());
            return null;
        }
    }

    /** A plugin's table from the jar its class came from: its pack when made from this JSON, else the JSON. */
    static TableFile jarTable(VerdictPlugin p, String table, java.util.jar.JarFile jar) {
        return loadJarTable(p, table, jar).file();
    }

    /**
     * A table as read, with the template keys and phrases' spellings its pack gives (none, and null spellings, when
     * read from JSON).
     */
    private record Loaded(TableFile file, List<String> templateKeys, RulePack.PhraseSpellings spellings) {
        /** The folded key of rule {@code i}'s template given by the pack, or null: the engine then finds it. */
        String templateKey(int i) {
            return i < templateKeys.size() ? templateKeys.get(i) : null;
        }
    }

    private static Loaded loadJarTable(VerdictPlugin p, String table, java.util.jar.JarFile jar) {
        String name = table.startsWith("/") ? table.substring(1)
                : p.getClass().getPackageName().replace('.', '/') + "/" + table;
        java.util.jar.JarEntry json = jar.getJarEntry(name);
        if (json == null) {
            throw tableError(TableException.Kind.TABLE_NOT_FOUND, p.id(), table, "$",
                    "resource not found beside " + p.getClass().getName(), null);
        }
        java.util.jar.JarEntry pack = Boolean.getBoolean(IGNORE_PACKS) || json.getSize() < 0 || json.getCrc() < 0 ? null
                : jar.getJarEntry(name + RulePack.SUFFIX);
        return packOrJson(p.id(), table, pack == null ? null : () -> entryBytes(jar, pack),
                () -> new long[] {json.getSize(), json.getCrc()}, () -> jar.getInputStream(json));
    }

    /**
     * A jar entry's bytes, read into an array of the size the jar gives (reading a stream to its end copies what it
     * read once more, and the packs of every plugin are megabytes).
     */
    private static byte[] entryBytes(java.util.jar.JarFile jar, java.util.jar.JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            long size = entry.getSize();
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                return in.readAllBytes();
            }
            byte[] bytes = new byte[(int) size];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n < bytes.length) {
                return Arrays.copyOf(bytes, n);
            }
            byte[] more = in.readAllBytes();
            if (more.length == 0) {
                return bytes;
            }
            byte[] all = Arrays.copyOf(bytes, bytes.length + more.length);
            System.arraycopy(more, 0, all, bytes.length, more.length);
            return all;
        }
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /**
     * A plugin's table: from the pack made of it at build time when there is one and it was made from exactly
     * this JSON, else read and validated from the JSON.
     */
    private static Loaded shippedTable(VerdictPlugin p, String table) {
        java.net.URL json = p.getClass().getResource(table);
        if (json == null) {
            throw tableError(TableException.Kind.TABLE_NOT_FOUND, p.id(), table, "$",
                    "resource not found beside " + p.getClass().getName(), null);
        }
        java.net.URL pack = Boolean.getBoolean(IGNORE_PACKS) ? null : p.getClass().getResource(table + RulePack.SUFFIX);
        return loadTable(p.id(), table, json, pack);
    }

    /** A table from its pack when {@code pack} is not null and was made from this JSON, else from the JSON (URLs). */
    static TableFile readTable(String pluginId, String table, java.net.URL json, java.net.URL pack) {
        return loadTable(pluginId, table, json, pack).file();
    }

    private static Loaded loadTable(String pluginId, String table, java.net.URL json, java.net.URL pack) {
        return packOrJson(pluginId, table, pack == null ? null : () -> {
            try (InputStream in = pack.openStream()) {
                return in.readAllBytes();
            }
        }, () -> fingerprint(json), json::openStream);
    }

    /** Something read from a jar or a URL. */
    @FunctionalInterface
    private interface Read<T> {
        T get() throws IOException;
    }

    /**
     * A table from its pack when {@code pack} is not null and the pack was made from JSON of the {@code fingerprint}'s
     * length and CRC-32, else read and validated from its JSON.
     */
    private static Loaded packOrJson(String pluginId, String table, Read<byte[]> pack, Read<long[]> fingerprint,
            Read<InputStream> json) {
        try {
            if (pack != null) {
                long[] made = fingerprint.get();
                RulePack.Result read = RulePack.read(pack.get(), made[0], made[1]);
                if (read.table().isPresent()) {
                    return new Loaded(read.table().get(), read.templateKeys(), read.spellings());
                }
                LOG.warn("plugin '{}', {}{}: {}; reading the JSON instead (rebuild the plugin to remake its pack)",
                        pluginId, table, RulePack.SUFFIX, read.refusal());
            }
            try (InputStream in = json.get()) {
                return new Loaded(RuleTableLoader.read(pluginId, table, in, false), List.of(), null);
            }
        } catch (TableException e) {
            throw configuration(e);
        } catch (IOException e) {
            throw tableError(TableException.Kind.TABLE_NOT_FOUND, pluginId, table, "$", e.toString(), e);
        }
    }

    /** The length and CRC-32 of a table's JSON: from its jar entry when it is in a jar, else by reading it. */
    private static long[] fingerprint(java.net.URL json) throws IOException {
        java.net.URLConnection c = json.openConnection();
        if (c instanceof java.net.JarURLConnection) {
            c.setUseCaches(true);
            java.util.jar.JarEntry e = ((java.net.JarURLConnection) c).getJarEntry();
            if (e != null && e.getCrc() >= 0 && e.getSize() >= 0) {
                return new long[] {e.getSize(), e.getCrc()};
            }
        }
        try (InputStream in = c.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            return new long[] {bytes.length, RulePack.crc(bytes)};
        }
    }

    /** Every example of a user table's rule must be matched by that rule, or the table is refused naming it. */
    private static void checkUserExamples(VerdictEngine engine, List<RuleSet.Source> sources, List<PluginInfo> infos) {
        for (RuleSet.Source s : sources) {
            if (!s.user() || s.rule().examples() == null) {
                continue;
            }
            for (String example : s.rule().examples()) {
                Verdict v = engine.classify(example, ClassifyOptions.EXPLAIN);
                String id = s.rule().id();
                boolean matched = v.rule().map(r -> r.id().equals(id)).orElse(false)
                        || v.candidates().stream().anyMatch(c -> c.id().equals(id));
                if (!matched) {
                    String where = infos.stream().filter(i -> i.userTable() && i.id().equals(s.plugin()))
                            .findFirst().map(i -> String.join(", ", i.tables())).orElse(s.plugin());
                    throw new VerdictConfigurationException(Diagnostic.TABLE_EXAMPLE_MISMATCH, "rule table " + where
                            + ": rule '" + id + "' does not match its own example \"" + example
                            + "\" (it was decided by " + v.rule().map(r -> r.id()).orElse("no rule")
                            + "); fix the rule's match or the example").inUserTable();
                }
            }
        }
    }

    private static void loadUserTables(VerdictEngine.Builder b, List<RuleSet.Source> sources,
            Map<String, String> ruleOwner, List<TableCategoryOverride> overrides, List<PluginInfo> infos) {
        Map<String, RuleSet.Source> userRules = new LinkedHashMap<>();
        Map<String, Integer> userCounts = new LinkedHashMap<>();
        Map<String, List<String>> userFiles = new LinkedHashMap<>();
        for (Path path : b.userTables) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw tableError(TableException.Kind.TABLE_NOT_FOUND, "user", path.toString(), "$",
                        "cannot be read: " + e, e);
            }
            String id = userPluginId(bytes);
            TableFile file;
            try {
                file = RuleTableLoader.read(id, path.toString(), new ByteArrayInputStream(bytes), true);
            } catch (TableException e) {
                throw configuration(e);
            }
            for (int i = 0; i < file.rules().size(); i++) {
                TableRule r = file.rules().get(i);
                if (userRules.containsKey(r.id())) {
                    throw tableError(TableException.Kind.DUPLICATE_RULE_ID, id, path.toString(),
                            "$.rules[" + i + "].id", "rule id '" + r.id() + "' is already defined in another user table",
                            null);
                }
                if (ruleOwner.containsKey(r.id())) {
                    sources.removeIf(s -> s.rule().id().equals(r.id()));
                    LOG.info("user table {} replaces shipped rule {}", path, r.id());
                }
                userRules.put(r.id(), new RuleSet.Source(id, USER_PRIORITY, true, r, sources.size() + userRules.size(),
                        null, null));
            }
            if (file.categoryOverrides() != null) {
                overrides.addAll(file.categoryOverrides());
            }
            userCounts.merge(id, file.rules().size(), Integer::sum);
            userFiles.computeIfAbsent(id, x -> new ArrayList<>()).add(path.toString());
        }
        sources.addAll(userRules.values());
        userCounts.forEach((id, n) -> infos.add(0, new PluginInfo(id, "user", VerdictContract.VERSION, USER_PRIORITY,
                n, true, userFiles.get(id), "user rule table", String.join(", ", userFiles.get(id)))));
    }

    /** Calls a plugin method; a plugin that throws is a broken provider, named as such. */
    private static <T> T guarded(VerdictPlugin p, String method, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            throw new VerdictConfigurationException(Diagnostic.BROKEN_PROVIDER, "plugin provider "
                    + p.getClass().getName() + " failed in " + method + ": " + e, e);
        }
    }

    private static VerdictConfigurationException tableError(TableException.Kind kind, String pluginId,
            String resource, String at, String what, Throwable cause) {
        return configuration(new TableException(kind, pluginId, resource, at, what, cause));
    }

    /** The public form of a table problem: the diagnostic of the same name, the same message and cause. */
    static VerdictConfigurationException configuration(TableException e) {
        return new VerdictConfigurationException(Diagnostic.valueOf(e.kind().name()), e.getMessage(), e.getCause());
    }

    private static String pluginId(VerdictPlugin p) {
        String id;
        try {
            id = p.id();
        } catch (RuntimeException e) {
            throw new VerdictConfigurationException(Diagnostic.BROKEN_PROVIDER, "plugin provider "
                    + p.getClass().getName() + " failed in id(): " + e, e);
        }
        if (id == null || !Grammar.isPluginId(id)) {
            throw new VerdictConfigurationException(Diagnostic.BROKEN_PROVIDER, "plugin provider "
                    + p.getClass().getName() + " has an invalid id '" + id
                    + "': use lower-case letters, digits and '-' (not 'core' or 'user')");
        }
        return id;
    }

    private static List<VerdictPlugin> discover(ClassLoader loader) {
        List<VerdictPlugin> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<VerdictPlugin>> it = ServiceLoader.load(VerdictPlugin.class, loader).stream()
                .iterator();
        while (true) {
            ServiceLoader.Provider<VerdictPlugin> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                throw new VerdictConfigurationException(Diagnostic.BROKEN_PROVIDER,
                        "a VerdictPlugin provider listed in META-INF/services cannot be loaded: " + e.getMessage(), e);
            }
            try {
                found.add(provider.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new VerdictConfigurationException(Diagnostic.BROKEN_PROVIDER, "plugin provider "
                        + provider.type().getName() + " failed to start: " + cause, e);
            }
        }
        return found;
    }

    private static String userPluginId(byte[] bytes) {
        try {
            JsonNode node = new ObjectMapper().readTree(bytes);
            if (node != null && node.hasNonNull("plugin") && node.get("plugin").isTextual()) {
                return node.get("plugin").asText();
            }
        } catch (IOException e) {
            // the real read reports syntax errors with their location
        }
        return "user";
    }
}
