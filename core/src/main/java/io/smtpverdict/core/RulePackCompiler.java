package io.smtpverdict.core;

import io.smtpverdict.core.table.RulePack;
import io.smtpverdict.core.table.RuleTableLoader;
import io.smtpverdict.core.table.TableException;
import io.smtpverdict.core.table.TableFile;
import io.smtpverdict.spi.VerdictPlugin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build step that compiles a plugin's rule tables into packs: run on a plugin module's class output
 * (after resources are copied), it finds the plugins its service file lists, reads and validates each of their
 * tables exactly as the engine does, and writes {@code <table>.pack} beside each table. A table that does not
 * load fails the build with the loader's message.
 *
 * <p>Maven: {@code exec-maven-plugin}'s {@code java} goal in {@code process-classes} with {@code mainClass}
 * {@code io.smtpverdict.core.RulePackCompiler}, argument {@code ${project.build.outputDirectory}} and
 * {@code classpathScope} {@code test} (see docs/writing-a-plugin.md).
 */
public final class RulePackCompiler {
    private static final String SERVICES = "META-INF/services/" + VerdictPlugin.class.getName();

    private RulePackCompiler() {
    }

    /** Compiles the tables of the plugins listed under {@code args[0]}, a class output directory. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RulePackCompiler <class output directory>");
        }
        compile(Path.of(args[0]), Thread.currentThread().getContextClassLoader());
    }

    /**
     * Compiles the tables of the plugins that {@code classes}' service file lists, loading the plugin classes
     * with {@code loader}; returns the packs written.
     */
    public static List<Path> compile(Path classes, ClassLoader loader) throws IOException {
        Path services = classes.resolve(SERVICES);
        if (!Files.isRegularFile(services)) {
            return List.of();
        }
        List<Path> written = new ArrayList<>();
        for (String line : Files.readAllLines(services, StandardCharsets.UTF_8)) {
            String name = line.replaceAll("#.*", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            VerdictPlugin plugin = instantiate(name, loader);
            for (String table : plugin.ruleTables()) {
                Path json = resourcePath(plugin, table, classes);
                byte[] bytes = Files.readAllBytes(json);
                TableFile file;
                try {
                    file = RuleTableLoader.read(plugin.id(), table, new ByteArrayInputStream(bytes), false);
                } catch (TableException e) {
                    throw EngineLoader.configuration(e);
                }
                Path pack = json.resolveSibling(json.getFileName() + RulePack.SUFFIX);
                Files.write(pack, RulePack.write(file, bytes));
                written.add(pack);
            }
        }
        return written;
    }

    private static VerdictPlugin instantiate(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader).asSubclass(VerdictPlugin.class).getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new VerdictConfigurationException(Diagnostic.BROKEN_PROVIDER, "plugin provider " + name
                    + " listed in " + SERVICES + " cannot be created: " + e, e);
        }
    }

    /** The file of a table resource, which must be in the class output being compiled. */
    private static Path resourcePath(VerdictPlugin plugin, String table, Path classes) {
        URL url = plugin.getClass().getResource(table);
        if (url == null) {
            throw new VerdictConfigurationException(Diagnostic.TABLE_NOT_FOUND, "plugin '" + plugin.id() + "', "
                    + table + ": resource not found beside " + plugin.getClass().getName());
        }
        try {
            Path path = Path.of(url.toURI());
            if (!path.toAbsolutePath().normalize().startsWith(classes.toAbsolutePath().normalize())) {
                throw new VerdictConfigurationException(Diagnostic.TABLE_NOT_FOUND, "plugin '" + plugin.id() + "', "
                        + table + ": found at " + url + ", outside " + classes);
            }
            return path;
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new VerdictConfigurationException(Diagnostic.TABLE_NOT_FOUND, "plugin '" + plugin.id() + "', "
                    + table + ": not a file in " + classes + " (" + url + ")", e);
        }
    }

    /**
     * What is wrong with the packs beside a plugin's tables: a pack that is stale, damaged or holds other rules
     * than its JSON; with {@code required}, also a table that has no pack. Empty when all is well.
     */
    public static List<String> problems(VerdictPlugin plugin, boolean required) {
        List<String> problems = new ArrayList<>();
        for (String table : plugin.ruleTables()) {
            URL json = plugin.getClass().getResource(table);
            URL pack = plugin.getClass().getResource(table + RulePack.SUFFIX);
            if (json == null) {
                continue; // the engine reports a missing table when it loads
            }
            if (pack == null) {
                if (required) {
                    problems.add(table + ": no " + table + RulePack.SUFFIX + " beside it; add the build step that "
                            + "compiles rule packs (docs/writing-a-plugin.md#rule-packs)");
                }
                continue;
            }
            try (java.io.InputStream jsonIn = json.openStream(); java.io.InputStream packIn = pack.openStream()) {
                byte[] bytes = jsonIn.readAllBytes();
                RulePack.Result read = RulePack.read(packIn, bytes.length, RulePack.crc(bytes));
                if (read.table().isEmpty()) {
                    problems.add(table + RulePack.SUFFIX + ": " + read.refusal() + "; rebuild the plugin");
                    continue;
                }
                TableFile fromJson = RuleTableLoader.read(plugin.id(), table, new ByteArrayInputStream(bytes), false);
                if (!read.table().get().rules().equals(fromJson.rules())) {
                    problems.add(table + RulePack.SUFFIX + ": holds other rules than " + table + "; rebuild the plugin");
                }
            } catch (IOException | TableException e) {
                problems.add(table + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
