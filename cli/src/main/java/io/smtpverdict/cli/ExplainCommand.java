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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
            "  verdict explain \"421 4.4.5 System rule canceled connection.\""})
final class ExplainCommand implements Callable<Integer> {
    private static final Pattern BASIC = Pattern.compile("[2-5][0-9][0-9]");
    private static final List<Stage> STAGES = List.of(Stage.CONNECT, Stage.GREETING, Stage.HELO, Stage.TLS,
            Stage.AUTH, Stage.MAIL, Stage.RCPT, Stage.DATA, Stage.BODY);

    @ParentCommand
    VerdictCli root;

    @Parameters(arity = "1..*", paramLabel = "CODE|REPLY",
            description = "A basic code, an enhanced code, or a reply (several words are joined with spaces).")
    List<String> words = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text or json (default: ${DEFAULT-VALUE}).")
    String format = "text";

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
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw CliFailure.usage("--format must be text or json: " + format);
        }
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw CliFailure.usage("nothing to explain: give a code such as 550 or 5.1.1, or a reply");
        }
        VerdictEngine engine = engineOptions.build();
        Explanation e = explain(engine, text);
        PrintWriter out = root.output().writer();
        if (f.equals("json")) {
            out.println(e.json());
        } else {
            e.print(out);
        }
        out.flush();
        root.output().check();
        return 0;
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
        Kind kind = kindOf(text);
        Verdict verdict = engine.classify(text, ClassifyOptions.EXPLAIN);
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

        private static void summary(PrintWriter out, Verdict v, String indent) {
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
