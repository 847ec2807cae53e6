package io.smtpverdict.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.PluginInfo;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.json.VerdictJson;
import io.smtpverdict.spi.Candidate;
import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.SmtpReply;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.input.InputFormat;
import io.smtpverdict.input.InputRecord;
import io.smtpverdict.input.email.BounceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code verdict explain}: everything the loaded plugins know about a code or a reply, and why the winner won. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains a basic reply code (550), an enhanced status code (5.1.1) or a whole reply: "
                + "the standard meaning of its codes alone, how the meaning changes with the SMTP stage, every "
                + "plugin's matching rules, and which rule won and why."},
        footer = {"", "Examples:", "  verdict explain 550", "  verdict explain 5.7.1",
            "  verdict explain \"421 4.4.5 System rule canceled connection.\"",
            "  verdict explain --input bounce.eml"})
final class ExplainCommand implements Callable<Integer> {
    private static final Pattern BASIC = Pattern.compile("[2-5][0-9][0-9]");
    private static final List<Stage> STAGES = List.of(Stage.CONNECT, Stage.GREETING, Stage.HELO, Stage.TLS,
            Stage.AUTH, Stage.MAIL, Stage.RCPT, Stage.DATA, Stage.BODY);

    @ParentCommand
    VerdictCli root;

    @Parameters(arity = "0..*", paramLabel = "CODE|REPLY",
            description = "A basic code, an enhanced code, or a reply (several words are joined with spaces).")
    List<String> words = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "PATH", arity = "1..*",
            description = "Instead of a code or reply: explain the verdict of every recipient of these emails (an "
                    + "email file, a directory of them, an mbox or a Maildir), as classify decides it.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "How to read --input: auto (by content), email, mbox or maildir (default: ${DEFAULT-VALUE}).")
    InputFormat inputFormat = InputFormat.AUTO;

    @Mixin
    TextOrJson output;

    @Mixin
    EngineOptions engineOptions;

    /** What was asked about. */
    enum Kind {
        BASIC_CODE, ENHANCED_CODE, REPLY;

        String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    @Override
    public Integer call() {
        boolean json = output.json();
        String text = String.join(" ", words).strip();
        if (!inputs.isEmpty()) {
            if (!text.isEmpty()) {
                throw CliFailure.usage("give a code or reply to explain, or --input emails, not both");
            }
            if (inputFormat != InputFormat.AUTO && !inputFormat.emails()) {
                throw CliFailure.usage("explain reads emails with --input: --input-format is auto, email, mbox or "
                        + "maildir");
            }
            return explainEmails(engineOptions.build(), json);
        }
        if (text.isEmpty()) {
            throw CliFailure.usage("nothing to explain: give a code such as 550 or 5.1.1, or a reply");
        }
        VerdictEngine engine = engineOptions.build();
        Explanation e = explain(engine, text);
        PrintWriter out = root.output().writer();
        if (json) {
            out.println(e.json());
        } else {
            e.print(out);
        }
        out.flush();
        root.output().check();
        return 0;
    }

    /** Explains the verdict of every recipient of every email of the inputs. */
    private int explainEmails(VerdictEngine engine, boolean json) {
        for (String input : inputs) {
            if (!Files.exists(Path.of(input))) {
                throw CliFailure.runtime("cannot read input file " + input + ": no such file");
            }
        }
        BounceReader reader = BounceReader.of(engine).withOptions(ClassifyOptions.EXPLAIN);
        PrintWriter out = root.output().writer();
        boolean complete = true;
        List<String> objects = new ArrayList<>();
        boolean first = true;
        for (String input : inputs) {
            try (EmailRecordSource records = new EmailRecordSource(Path.of(input), inputFormat, reader)) {
                while (true) {
                    Optional<InputRecord> next = records.next();
                    if (next.isEmpty()) {
                        break;
                    }
                    InputRecord r = next.get();
                    EmailExplanation e = new EmailExplanation(r, r.reply().flatMap(reply ->
                            r.verdict().map(v -> explain(engine, reply, v))));
                    if (json) {
                        objects.add(e.json());
                    } else {
                        if (!first) {
                            out.println();
                            out.println("-".repeat(72));
                        }
                        e.print(out);
                    }
                    first = false;
                    root.output().check();
                }
            } catch (IOException e) {
                complete = false;
                root.err().println("verdict: cannot read " + input + ": "
                        + ReplyReader.reason(e));
            }
        }
        if (json) {
            out.println("[" + String.join(",\n", objects) + "]");
        }
        out.flush();
        root.output().check();
        return complete ? 0 : CliFailure.RUNTIME;
    }

    static Kind kindOf(String text) {
        if (BASIC.matcher(text).matches()) {
            return Kind.BASIC_CODE;
        }
        if (EnhancedStatusCode.parse(text).isPresent()) {
            return Kind.ENHANCED_CODE;
        }
        return Kind.REPLY;
    }

    static Explanation explain(VerdictEngine engine, String text) {
        return explain(engine, text, engine.classify(text, ClassifyOptions.EXPLAIN), false);
    }

    /**
     * The explanation of a reply whose verdict was decided with more than its text (an email's report: its Action
     * is the reporting MTA's decision).
     */
    static Explanation explain(VerdictEngine engine, String text, Verdict decided) {
        return explain(engine, text, decided, true);
    }

    private static Explanation explain(VerdictEngine engine, String text, Verdict verdict, boolean decided) {
        Kind kind = decided ? Kind.REPLY : kindOf(text);
        Optional<String> codes;
        if (kind == Kind.REPLY) {
            SmtpReply parsed = engine.parse(text);
            String c = (parsed.basicCode().isPresent() ? parsed.basicCode().getAsInt() + " " : "")
                    + parsed.enhancedCode().map(Object::toString).orElse("");
            codes = c.isBlank() ? Optional.empty() : Optional.of(c.strip());
        } else {
            codes = Optional.of(text);
        }
        Optional<Verdict> standard = codes.map(c -> engine.classify(c, ClassifyOptions.EXPLAIN));
        Map<Stage, Verdict> byStage = new LinkedHashMap<>();
        if (codes.isPresent()) {
            for (Stage stage : STAGES) {
                Verdict v = engine.classify(codes.get(), ClassifyOptions.EXPLAIN.withStage(stage));
                if (!sameMeaning(v, standard.get())) {
                    byStage.put(stage, v);
                }
            }
        }
        Map<String, RuleInfo> rules = engine.rules().stream()
                .collect(Collectors.toMap(RuleInfo::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<String> pluginIds = engine.plugins().stream().map(PluginInfo::id).toList();
        List<RuleInfo> related = codes.map(c -> rulesNaming(c, engine.rules())).orElse(List.of()).stream()
                .filter(r -> !matched(verdict, r.id())).toList();
        return new Explanation(text, kind, codes, standard, byStage, verdict, rules, pluginIds, related);
    }

    /** One record of an email, and the explanation of its reply when it has one. */
    record EmailExplanation(InputRecord record, Optional<Explanation> explanation) {
        /** The record's own fields that say where it comes from and what the report states. */
        private static final List<String> SHOWN = List.of("emailKind", "foundBy", "replyFoundBy", "action", "status",
                "diagnosticCode", "reportingMta", "remoteMta", "feedbackType");

        void print(PrintWriter out) {
            out.println("Email " + record.source().orElse("") + ", message " + record.number() + ", recipient "
                    + record.context().getOrDefault("recipient", "(none found)"));
            for (String name : SHOWN) {
                String value = record.context().get(name);
                if (value != null) {
                    out.println("  " + name + ": " + RecordWriter.oneLine(value));
                }
            }
            if (record.error().isPresent()) {
                out.println("  error: " + record.error().get());
                return;
            }
            if (record.verdict().isEmpty()) {
                out.println("  skipped: " + record.skipped().orElse("no verdict"));
                return;
            }
            out.println();
            if (explanation.isEmpty()) {
                // a feedback report or an automatic reply: the reader decides it from the kind of email, not a reply
                Verdict v = record.verdict().get();
                out.println("Verdict (decided from the kind of email, not from a reply)");
                Explanation.summary(out, v, "  ");
                return;
            }
            explanation.get().print(out);
        }

        String json() {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JsonFactory.builder().build().createGenerator(w)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                g.writeStartObject();
                g.writeStringField("file", record.source().orElse(""));
                g.writeNumberField("message", record.number());
                for (Map.Entry<String, String> e : record.context().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                if (record.error().isPresent()) {
                    g.writeStringField("error", record.error().get());
                } else if (record.verdict().isEmpty()) {
                    g.writeStringField("skipped", record.skipped().orElse("no verdict"));
                } else if (explanation.isPresent()) {
                    g.writeFieldName("explanation");
                    g.writeRawValue(explanation.get().json());
                } else {
                    g.writeFieldName("verdict");
                    VerdictJson.write(g, record.verdict().get());
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return w.toString();
        }
    }

    private static boolean matched(Verdict v, String ruleId) {
        return v.rule().map(r -> r.id().equals(ruleId)).orElse(false)
                || v.candidates().stream().anyMatch(c -> c.id().equals(ruleId));
    }

    /** Rules whose conditions name one of these codes (or their {@code X.} and {@code .*} forms). */
    static List<RuleInfo> rulesNaming(String codes, List<RuleInfo> rules) {
        List<String> tokens = new ArrayList<>();
        for (String code : codes.split(" ")) {
            Optional<EnhancedStatusCode> enhanced = EnhancedStatusCode.parse(code);
            if (enhanced.isPresent()) {
                EnhancedStatusCode e = enhanced.get();
                tokens.add(e.toString());
                tokens.add("X." + e.subject() + "." + e.detail());
                tokens.add(e.classDigit() + "." + e.subject() + ".*");
                tokens.add("X." + e.subject() + ".*");
            } else {
                tokens.add(code);
            }
        }
        Pattern named = Pattern.compile(tokens.stream().map(Pattern::quote)
                .collect(Collectors.joining("|", "(?<![\\w.])(?:", ")(?![\\w.])")));
        return rules.stream().filter(r -> named.matcher(r.matches()).find()).toList();
    }

    private static boolean sameMeaning(Verdict a, Verdict b) {
        return a.outcome() == b.outcome() && a.category().equals(b.category()) && a.rule().equals(b.rule());
    }

    /** Everything found out about one input. */
    record Explanation(String text, Kind kind, Optional<String> codes, Optional<Verdict> standard,
            Map<Stage, Verdict> byStage, Verdict verdict, Map<String, RuleInfo> rules, List<String> pluginIds,
            List<RuleInfo> related) {
        /** Most rules listed under "other rules that name the code" in text output. */
        static final int RELATED_LIMIT = 40;


        /** The winner first, then the candidates, most specific level first. */
        List<Match> matches() {
            List<Match> all = new ArrayList<>();
            verdict.rule().ifPresent(r -> all.add(new Match(r.plugin(), r.id(), r.level(),
                    verdict.category().map(Enum::name).orElse("—"), true)));
            for (Candidate c : verdict.candidates()) {
                all.add(new Match(c.plugin(), c.id(), c.level(), c.category().map(Enum::name).orElse("—"), false));
            }
            all.sort(Comparator.comparing((Match m) -> !m.winner()).thenComparing(Match::level));
            return all;
        }

        void print(PrintWriter out) {
            out.println("Input: " + RecordWriter.oneLine(text) + "  (" + kind.words()
                    + codes.filter(c -> kind == Kind.REPLY).map(c -> "; codes " + c).orElse("") + ")");
            if (standard.isPresent()) {
                out.println();
                out.println("Standard meaning of " + codes.get() + (kind == Kind.REPLY ? " (the codes alone)" : ""));
                summary(out, standard.get(), "  ");
                if (!byStage.isEmpty()) {
                    out.println();
                    out.println("By SMTP stage, where the meaning differs");
                    byStage.forEach((stage, v) -> out.println("  " + pad(stage.name(), 9) + short_(v)));
                }
            } else {
                out.println();
                out.println("No reply code in the text: the meaning rests on its wording alone.");
            }
            if (kind == Kind.REPLY) {
                out.println();
                out.println("Verdict");
                summary(out, verdict, "  ");
                verdict.inner().ifPresent(inner -> {
                    out.println("  embedded reply " + RecordWriter.oneLine(verdict.bindings().getOrDefault("MESSAGE",
                            "")));
                    summary(out, inner, "    ");
                });
            }
            out.println();
            out.println("Why");
            if (verdict.rule().isPresent()) {
                var r = verdict.rule().get();
                out.println("  Rule " + r.id() + " of plugin " + r.plugin() + " decided, at evidence level "
                        + r.level() + ".");
                Optional.ofNullable(rules.get(r.id())).ifPresent(info ->
                        out.println("  It matches: " + info.matches()));
                long beaten = verdict.candidates().stream().filter(c -> r.level().outranks(c.level())).count();
                long tied = verdict.candidates().size() - beaten;
                if (beaten > 0) {
                    out.println("  It beat " + beaten + " rule(s) at less specific levels (order: "
                            + Arrays.stream(EvidenceLevel.values()).map(Enum::name).collect(Collectors.joining(" > "))
                            + ").");
                }
                if (tied > 0) {
                    out.println("  It beat " + tied + " rule(s) at the same level by user table first, then longer"
                            + " literal evidence, then plugin priority, then table order.");
                }
            } else {
                out.println("  No rule matched.");
            }
            out.println();
            out.println("Matching rules by plugin");
            Map<String, List<Match>> byPlugin = new LinkedHashMap<>();
            for (Match m : matches()) {
                byPlugin.computeIfAbsent(m.plugin(), k -> new ArrayList<>()).add(m);
            }
            for (Map.Entry<String, List<Match>> e : byPlugin.entrySet()) {
                out.println("  " + e.getKey());
                for (Match m : e.getValue()) {
                    out.println("    " + (m.winner() ? "* " : "  ") + pad(m.id(), 40) + " " + pad(m.level().name(), 16)
                            + " " + m.category() + (m.winner() ? "  (winner)" : ""));
                    Optional.ofNullable(rules.get(m.id())).ifPresent(info ->
                            out.println("        matches " + info.matches()));
                }
            }
            List<String> silent = pluginIds.stream().filter(id -> !byPlugin.containsKey(id)).toList();
            if (!silent.isEmpty()) {
                out.println("  no matching rule: " + String.join(", ", silent));
            }
            if (!related.isEmpty()) {
                out.println();
                out.println("Other rules that name " + codes.orElse("") + " (they need more text, or another stage, "
                        + "to match)");
                String plugin = "";
                for (RuleInfo r : related.subList(0, Math.min(RELATED_LIMIT, related.size()))) {
                    if (!r.plugin().equals(plugin)) {
                        plugin = r.plugin();
                        out.println("  " + plugin);
                    }
                    out.println("      " + pad(r.id(), 40) + " " + pad(r.level().name(), 16) + " "
                            + r.category().map(Enum::name).orElse("—"));
                    out.println("        matches " + r.matches());
                }
                if (related.size() > RELATED_LIMIT) {
                    out.println("  ... and " + (related.size() - RELATED_LIMIT) + " more (--format json lists all)");
                }
            }
        }

        static void summary(PrintWriter out, Verdict v, String indent) {
            out.println(indent + short_(v));
            out.println(indent + "advice " + v.advice() + ", party " + v.party() + ", origin " + v.origin() + ", stage "
                    + v.stage() + (v.flags().isEmpty() ? "" : ", flags " + v.flags()));
            out.println(indent + v.explanation());
        }

        private static String short_(Verdict v) {
            return v.outcome() + v.category().map(c -> " " + c).orElse("")
                    + v.rule().map(r -> "  by " + r.id() + " (" + r.level() + ")").orElse("  (no rule)");
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s : s + " ".repeat(width - s.length());
        }

        String json() {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JsonFactory.builder().build().createGenerator(w)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                g.writeStartObject();
                g.writeStringField("input", text);
                g.writeStringField("kind", kind.name());
                if (codes.isPresent()) {
                    g.writeStringField("codes", codes.get());
                }
                if (standard.isPresent()) {
                    g.writeFieldName("standard");
                    VerdictJson.write(g, standard.get());
                }
                g.writeObjectFieldStart("byStage");
                for (Map.Entry<Stage, Verdict> e : byStage.entrySet()) {
                    g.writeFieldName(e.getKey().name());
                    VerdictJson.write(g, e.getValue());
                }
                g.writeEndObject();
                g.writeFieldName("verdict");
                VerdictJson.write(g, verdict);
                g.writeArrayFieldStart("rules");
                for (Match m : matches()) {
                    g.writeStartObject();
                    g.writeStringField("plugin", m.plugin());
                    g.writeStringField("id", m.id());
                    g.writeStringField("level", m.level().name());
                    g.writeStringField("category", m.category());
                    g.writeBooleanField("winner", m.winner());
                    RuleInfo info = rules.get(m.id());
                    if (info != null) {
                        g.writeStringField("matches", info.matches());
                        g.writeStringField("explanation", info.explanation());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("related");
                for (RuleInfo r : related) {
                    g.writeStartObject();
                    g.writeStringField("plugin", r.plugin());
                    g.writeStringField("id", r.id());
                    g.writeStringField("level", r.level().name());
                    if (r.category().isPresent()) {
                        g.writeStringField("category", r.category().get().name());
                    }
                    g.writeStringField("matches", r.matches());
                    g.writeStringField("explanation", r.explanation());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return w.toString();
        }
    }

    /** One matching rule. */
    record Match(String plugin, String id, EvidenceLevel level, String category, boolean winner) {
        Match {
            Objects.requireNonNull(plugin, "plugin is null");
        }
    }
}
