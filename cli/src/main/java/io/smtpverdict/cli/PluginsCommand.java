package io.smtpverdict.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.smtpverdict.core.PluginInfo;
import io.smtpverdict.core.VerdictEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code verdict plugins}: which plugins were found, their versions, contract versions and rule counts. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the plugins found (and --rules tables), highest priority first: id, version, "
                + "contract version, priority, rule count, description and where each was loaded from.")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    VerdictCli root;

    @Mixin
    TextOrJson output;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        boolean json = output.json();
        VerdictEngine engine = engineOptions.build();
        List<PluginInfo> plugins = engine.plugins();
        PrintWriter out = root.output().writer();
        if (json) {
            json(out, plugins);
        } else {
            String row = "%-14s %-16s %-9s %-9s %-6s %s%n";
            out.printf(Locale.ROOT, row, "ID", "VERSION", "CONTRACT", "PRIORITY", "RULES", "DESCRIPTION");
            for (PluginInfo p : plugins) {
                out.printf(Locale.ROOT, row, p.id(), p.version(), p.contractVersion(), p.priority(), p.ruleCount(),
                        (p.userTable() ? "user rule table " + String.join(", ", p.tables()) + " " : "")
                                + p.description() + (p.userTable() ? "" : " (from " + p.location() + ")"));
            }
        }
        out.flush();
        root.output().check();
        return 0;
    }

    private static void json(PrintWriter out, List<PluginInfo> plugins) {
        try {
            JsonGenerator g = JsonFactory.builder().build().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartArray();
            for (PluginInfo p : plugins) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("version", p.version());
                g.writeNumberField("contractVersion", p.contractVersion());
                g.writeNumberField("priority", p.priority());
                g.writeNumberField("ruleCount", p.ruleCount());
                g.writeBooleanField("userTable", p.userTable());
                g.writeArrayFieldStart("tables");
                for (String t : p.tables()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeStringField("description", p.description());
                g.writeStringField("location", p.location());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
