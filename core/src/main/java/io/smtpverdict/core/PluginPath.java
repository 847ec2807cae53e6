package io.smtpverdict.core;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Extra plugin jars: where they are looked for and the class loader they are loaded with. */
final class PluginPath {
    /** The environment variable naming extra plugin jars or directories of jars. */
    static final String VARIABLE = "VERDICT_PLUGIN_PATH";

    private PluginPath() {
    }

    /** The entries of the variable's value, split like the class path; empty when unset. */
    static List<Path> fromVariable(String value) {
        List<Path> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String part : value.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                out.add(Path.of(part.strip()));
            }
        }
        return out;
    }

    /** A loader over the jars of the entries, or the parent itself when there are none. */
    static ClassLoader loader(List<Path> entries, ClassLoader parent) {
        if (entries.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            for (Path jar : jars(entry)) {
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new VerdictConfigurationException(Diagnostic.PLUGIN_PATH, "plugin path entry " + jar
                            + " cannot be used: " + e.getMessage(), e);
                }
            }
        }
        return new URLClassLoader("verdict-plugins", urls.toArray(URL[]::new), parent);
    }

    private static List<Path> jars(Path entry) {
        if (Files.isRegularFile(entry)) {
            return List.of(entry);
        }
        if (!Files.isDirectory(entry)) {
            throw new VerdictConfigurationException(Diagnostic.PLUGIN_PATH, "plugin path entry " + entry
                    + " does not exist (give a plugin jar or a directory of jars)");
        }
        try (Stream<Path> files = Files.list(entry)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new VerdictConfigurationException(Diagnostic.PLUGIN_PATH, "plugin path entry " + entry
                    + " cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Where a class was loaded from: its jar or class directory, or {@code unknown}. */
    static String location(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "unknown";
            }
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }
}
