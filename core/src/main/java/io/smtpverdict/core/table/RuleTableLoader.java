package io.smtpverdict.core.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.smtpverdict.core.match.Template;
import io.smtpverdict.core.parse.Normalizer;
import io.smtpverdict.spi.Disposition;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Grammar;
import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads and validates rule tables. Every error is a {@link TableException} naming the plugin,
 * the resource and the JSON path, e.g. {@code plugin 'acme', acme-rules.json, $.rules[3].match.regex: ...}.
 */
public final class RuleTableLoader {
    /** Longest regex source a table may hold; RE2 keeps matching linear, this keeps compiled programs small. */
    private static final int MAX_REGEX_LENGTH = 2000;
    /** Most copies nested counted repetitions may make of one piece, as RE2 allows for a single one. */
    private static final int MAX_NESTED_REPEATS = 1000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RuleTableLoader() {
    }

    /**
     * Reads and validates one table.
     *
     * @param pluginId the id of the plugin (or user table) it belongs to
     * @param resource the resource or file name, for messages
     * @param in the JSON
     * @param userTable whether it is a user table given at run time
     */
    public static TableFile read(String pluginId, String resource, InputStream in, boolean userTable) {
        TableFile file;
        try {
            file = MAPPER.readValue(in, TableFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw error(TableException.Kind.TABLE_UNKNOWN_FIELD, pluginId, resource, path(e),
                    "unknown field '" + e.getPropertyName() + "'; known fields: " + e.getKnownPropertyIds(), e);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String what = String.valueOf(e.getOriginalMessage());
            if (e.getPath().isEmpty() && (what.startsWith("No content to map") || what.startsWith("Trailing token"))) {
                // an empty file, or something after the table: not one JSON value
                throw error(TableException.Kind.TABLE_SYNTAX, pluginId, resource, path(e), firstLine(e.getOriginalMessage()), e);
            }
            throw error(TableException.Kind.TABLE_UNKNOWN_FIELD, pluginId, resource, path(e), firstLine(e.getOriginalMessage()), e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException && !(e.getCause() instanceof JsonMappingException)) {
                JsonProcessingException syntax = (JsonProcessingException) e.getCause();
                String where = syntax.getLocation() == null ? path(e) : "line " + syntax.getLocation().getLineNr()
                        + ", column " + syntax.getLocation().getColumnNr() + " (" + path(e) + ")";
                throw error(TableException.Kind.TABLE_SYNTAX, pluginId, resource, where, firstLine(syntax.getOriginalMessage()), e);
            }
            throw error(TableException.Kind.TABLE_UNKNOWN_FIELD, pluginId, resource, path(e), firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "$"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw error(TableException.Kind.TABLE_SYNTAX, pluginId, resource, where, firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw error(TableException.Kind.TABLE_NOT_FOUND, pluginId, resource, "$", "cannot be read: " + e.getMessage(), e);
        }
        if (file == null) {
            throw error(TableException.Kind.TABLE_INVALID, pluginId, resource, "$", "the table is empty (null)", null);
        }
        file = expandPhraseLists(pluginId, resource, file);
        validate(pluginId, resource, file, userTable);
        return resolve(file);
    }

    /** What names a phrase list, after the {@code @} that refers to it. */
    private static final java.util.regex.Pattern LIST_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * The table with every {@code @name} in a rule's phrase lists replaced by the phrases of the table's list of that
     * name, and no lists left: the rest of the loader, the packs and the engine see plain phrases. A list must be
     * named like a rule id's tail, hold phrases only (no list names another), and be used by some rule. A rule that
     * names no list is kept as it is.
     */
    private static TableFile expandPhraseLists(String pluginId, String resource, TableFile file) {
        Map<String, List<String>> lists = file.phraseLists() == null ? Map.of() : file.phraseLists();
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            String at = "$.phraseLists." + e.getKey();
            if (!LIST_NAME.matcher(e.getKey()).matches()) {
                throw invalid(pluginId, resource, at, "a list's name is lower-case letters, digits and '-'");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw invalid(pluginId, resource, at, "is empty: a list holds at least one phrase");
            }
            checkPhrases(pluginId, resource, at, e.getValue());
            for (int i = 0; i < e.getValue().size(); i++) {
                if (reference(e.getValue().get(i)) != null) {
                    throw invalid(pluginId, resource, at + "[" + i + "]", "a phrase list holds phrases, not other "
                            + "lists ('" + e.getValue().get(i) + "')");
                }
            }
        }
        if (file.rules() == null) {
            return file; // validate() says what is missing
        }
        Set<String> used = new HashSet<>();
        List<TableRule> rules = new ArrayList<>(file.rules().size());
        for (int i = 0; i < file.rules().size(); i++) {
            TableRule r = file.rules().get(i);
            if (r != null && r.match() != null) {
                TableMatch m = expand(pluginId, resource, ruleAt(i, r), r.match(), lists, used);
                if (m != r.match()) {
                    r = new TableRule(r.id(), r.level(), r.source(), r.specific(), r.unspecific(), m, r.verdict(),
                            r.examples(), r.note());
                }
            }
            rules.add(r);
        }
        for (String name : lists.keySet()) {
            if (!used.contains(name)) {
                throw invalid(pluginId, resource, "$.phraseLists." + name, "no rule uses it (write '@" + name
                        + "' in a rule's phrases, notPhrases or phraseGroups)");
            }
        }
        return new TableFile(file.schema(), file.schemaVersion(), file.plugin(), file.defaults(), null, rules,
                file.categoryOverrides());
    }

    private static String ruleAt(int i, TableRule r) {
        return "$.rules[" + i + "]" + (r.id() == null ? "" : " (" + r.id() + ")");
    }

    /** The conditions with the lists they name put in place; the same object when they name none. */
    private static TableMatch expand(String pluginId, String resource, String at, TableMatch m,
            Map<String, List<String>> lists, Set<String> used) {
        List<List<String>> groups = m.phraseGroups();
        if (groups != null) {
            List<List<String>> expanded = new ArrayList<>(groups.size());
            boolean changed = false;
            for (int g = 0; g < groups.size(); g++) {
                List<String> group = expand(pluginId, resource, at + ".match.phraseGroups[" + g + "]", groups.get(g),
                        lists, used);
                changed |= group != groups.get(g);
                expanded.add(group);
            }
            groups = changed ? expanded : groups;
        }
        List<String> phrases = expand(pluginId, resource, at + ".match.phrases", m.phrases(), lists, used);
        List<String> all = expand(pluginId, resource, at + ".match.allPhrases", m.allPhrases(), null, used);
        List<String> not = expand(pluginId, resource, at + ".match.notPhrases", m.notPhrases(), lists, used);
        if (groups == m.phraseGroups() && phrases == m.phrases() && all == m.allPhrases() && not == m.notPhrases()) {
            return m;
        }
        return new TableMatch(m.template(), m.anchored(), m.optionalTail(), phrases, all, not, groups, m.regex(),
                m.codes(), m.classes(), m.enhancedCodes(), m.stages(), m.noCode(), m.message());
    }

    /**
     * The phrases with each {@code @name} replaced by its list's phrases; the same list when it names none. In
     * {@code allPhrases} ({@code lists} null) a name is refused: there it would require every phrase of the list.
     */
    private static List<String> expand(String pluginId, String resource, String at, List<String> phrases,
            Map<String, List<String>> lists, Set<String> used) {
        if (phrases == null) {
            return null;
        }
        checkPhrases(pluginId, resource, at, phrases); // here, where an error's index is the one written
        List<String> out = null;
        for (int i = 0; i < phrases.size(); i++) {
            String name = reference(phrases.get(i));
            if (name == null) {
                if (out != null) {
                    out.add(phrases.get(i));
                }
                continue;
            }
            if (lists == null) {
                throw invalid(pluginId, resource, at + "[" + i + "]", "'@" + name + "' would require every phrase of "
                        + "the list; name it in a phrase group (\"phraseGroups\": [[\"@" + name + "\"]]) to require one");
            }
            List<String> list = lists.get(name);
            if (list == null) {
                throw invalid(pluginId, resource, at + "[" + i + "]", "'@" + name + "' names no phrase list of this "
                        + "table" + (lists.isEmpty() ? " (it has none)" : "; it has " + lists.keySet())
                        + " (a phrase of '@' followed by lower-case letters, digits and '-' names a list)");
            }
            if (out == null) {
                out = new ArrayList<>(phrases.subList(0, i));
            }
            out.addAll(list);
            used.add(name);
        }
        return out == null ? phrases : List.copyOf(out);
    }

    /** The list a phrase names ({@code @name}), or null when it is a phrase. */
    private static String reference(String phrase) {
        if (phrase == null || phrase.length() < 2 || phrase.charAt(0) != '@') {
            return null;
        }
        String name = phrase.substring(1);
        return LIST_NAME.matcher(name).matches() ? name : null;
    }

    /** The table with its defaults applied and every rule's level derived where the rule leaves it out. */
    private static TableFile resolve(TableFile file) {
        TableDefaults d = file.defaults();
        List<TableRule> rules = new ArrayList<>(file.rules().size());
        for (TableRule r : file.rules()) {
            TableVerdict v = r.verdict();
            if (d != null) {
                v = new TableVerdict(v.category(), or(v.outcome(), d.outcome()), or(v.advice(), d.advice()),
                        or(v.party(), d.party()), or(v.origin(), d.origin()), or(v.stage(), d.stage()), v.reason(),
                        v.flags(), v.inherit(), v.explanation());
            }
            rules.add(new TableRule(r.id(), r.level() != null ? r.level() : derivedLevel(r.match()),
                    d == null ? r.source() : or(r.source(), d.source()), r.specific(), r.unspecific(), r.match(), v,
                    r.examples() == null ? null : List.copyOf(r.examples()), r.note()));
        }
        return new TableFile(file.schema(), file.schemaVersion(), file.plugin(), d, null, List.copyOf(rules),
                file.categoryOverrides());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * The level a rule's conditions give it: a template or message is a vendor's own text, phrases and regexes
     * are wording, then the enhanced code, the basic code, the class.
     */
    private static EvidenceLevel derivedLevel(TableMatch m) {
        if (m.template() != null || nonEmpty(m.message())) {
            return EvidenceLevel.VENDOR_TEMPLATE;
        }
        if (wording(m)) {
            return EvidenceLevel.PHRASE;
        }
        if (nonEmpty(m.enhancedCodes())) {
            return EvidenceLevel.ENHANCED_CODE;
        }
        return nonEmpty(m.codes()) ? EvidenceLevel.BASIC_CODE : EvidenceLevel.CLASS;
    }

    private static boolean wording(TableMatch m) {
        return nonEmpty(m.phrases()) || nonEmpty(m.allPhrases()) || nonEmpty(m.phraseGroups()) || m.regex() != null;
    }

    /** Whether a rule with these conditions may state this level: it needs a condition of the level's kind. */
    private static boolean allows(TableMatch m, EvidenceLevel level) {
        switch (level) {
            case VENDOR_TEMPLATE:
                return m.template() != null || nonEmpty(m.message());
            case PROVIDER_PHRASE:
            case PHRASE:
            case KEYWORD:
                return wording(m) || m.template() != null || nonEmpty(m.message());
            case ENHANCED_CODE:
                return nonEmpty(m.enhancedCodes());
            case BASIC_CODE:
                return nonEmpty(m.codes());
            default:
                return nonEmpty(m.classes());
        }
    }

    private static String needs(EvidenceLevel level) {
        switch (level) {
            case VENDOR_TEMPLATE:
                return "match.template or match.message";
            case ENHANCED_CODE:
                return "match.enhancedCodes";
            case BASIC_CODE:
                return "match.codes";
            case CLASS:
                return "match.classes";
            default:
                return "a template, phrases, a message or a regex";
        }
    }

    private static void validate(String pluginId, String resource, TableFile file, boolean userTable) {
        int version = VerdictContract.RULE_TABLE_SCHEMA_VERSION;
        if (file.schemaVersion() == null || file.schemaVersion() != version) {
            throw invalid(pluginId, resource, "$.schemaVersion", "must be " + version + ", is " + file.schemaVersion()
                    + (Integer.valueOf(1).equals(file.schemaVersion()) ? " (a version 1 table: outcome + outcomeFixed "
                    + "become one outcome field, level may be left out, rules gain a source and the table defaults; "
                    + "see docs/rule-table-format.md#from-version-1)" : ""));
        }
        if (file.plugin() != null && !file.plugin().equals(pluginId)) {
            throw invalid(pluginId, resource, "$.plugin", "names '" + file.plugin() + "' but the table belongs to '"
                    + pluginId + "'");
        }
        if (file.rules() == null) {
            throw invalid(pluginId, resource, "$.rules", "is missing");
        }
        if (file.categoryOverrides() != null && !userTable) {
            throw invalid(pluginId, resource, "$.categoryOverrides", "only user rule tables may remap categories");
        }
        if (file.categoryOverrides() != null) {
            for (int i = 0; i < file.categoryOverrides().size(); i++) {
                TableCategoryOverride o = file.categoryOverrides().get(i);
                String at = "$.categoryOverrides[" + i + "]";
                if (o == null || o.category() == null) {
                    throw invalid(pluginId, resource, at + ".category", "is missing");
                }
                if (o.outcome() == null && o.advice() == null && o.party() == null) {
                    throw invalid(pluginId, resource, at, "changes nothing: give outcome, advice or party");
                }
                if (o.outcome() == Outcome.DELIVERED && o.category().disposition() != Disposition.NOT_A_BOUNCE) {
                    throw invalid(pluginId, resource, at + ".outcome", "DELIVERED cannot go with " + o.category()
                            + ", a bounce category: a delivered verdict has none");
                }
                checkClasses(pluginId, resource, at + ".classes", o.classes());
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < file.rules().size(); i++) {
            TableRule r = file.rules().get(i);
            String at = "$.rules[" + i + "]";
            if (r == null) {
                throw invalid(pluginId, resource, at, "is null");
            }
            validateRule(pluginId, resource, at, r);
            if (!ids.add(r.id())) {
                throw error(TableException.Kind.DUPLICATE_RULE_ID, pluginId, resource, at + ".id",
                        "rule id '" + r.id() + "' is used twice", null);
            }
        }
    }

    private static void validateRule(String pluginId, String resource, String at, TableRule r) {
        if (r.id() == null) {
            throw invalid(pluginId, resource, at + ".id", "is missing");
        }
        String prefix = pluginId + ".";
        if (!Grammar.isRuleId(pluginId, r.id())) {
            throw invalid(pluginId, resource, at + ".id", "'" + r.id() + "' must be '" + prefix
                    + "' followed by lower-case letters, digits, '.', '-' or '_'");
        }
        at = at + " (" + r.id() + ")";
        TableMatch m = r.match();
        if (m == null) {
            throw invalid(pluginId, resource, at + ".match", "is missing");
        }
        boolean literal = nonEmpty(m.phrases()) || nonEmpty(m.allPhrases()) || nonEmpty(m.phraseGroups())
                || m.template() != null
                || nonEmpty(m.message());
        boolean any = literal || m.regex() != null || nonEmpty(m.codes()) || nonEmpty(m.classes())
                || nonEmpty(m.enhancedCodes()) || nonEmpty(m.stages()) || Boolean.TRUE.equals(m.noCode());
        if (!any) {
            throw invalid(pluginId, resource, at + ".match", "has no condition");
        }
        // The phrase conditions' phrases were checked as written when their lists were put in place (expand)
        if (m.phraseGroups() != null) {
            for (int g = 0; g < m.phraseGroups().size(); g++) {
                List<String> group = m.phraseGroups().get(g);
                if (group == null || group.isEmpty()) {
                    throw invalid(pluginId, resource, at + ".match.phraseGroups[" + g + "]",
                            "is empty: a group needs at least one phrase, of which one must occur");
                }
            }
        }
        checkPhrases(pluginId, resource, at + ".match.message", m.message());
        Template template = null;
        if (m.template() != null) {
            try {
                template = Template.compile(m.template());
            } catch (IllegalArgumentException e) {
                throw invalid(pluginId, resource, at + ".match.template", e.getMessage());
            }
            if (m.optionalTail() != null) {
                try {
                    Template.compile(m.template(), m.optionalTail());
                } catch (IllegalArgumentException e) {
                    throw invalid(pluginId, resource, at + ".match.optionalTail", e.getMessage());
                }
            }
            if (Boolean.FALSE.equals(m.anchored()) && !template.unanchorable()) {
                throw invalid(pluginId, resource, at + ".match.template", "a template with \"anchored\": false must "
                        + "start with literal text, or with a placeholder such as {DOMAIN} followed by literal text");
            }
        } else if (m.anchored() != null) {
            throw invalid(pluginId, resource, at + ".match.anchored", "only applies to a template");
        } else if (m.optionalTail() != null) {
            throw invalid(pluginId, resource, at + ".match.optionalTail", "only applies to a template");
        }
        if (m.regex() != null) {
            if (m.regex().length() > MAX_REGEX_LENGTH) {
                throw error(TableException.Kind.TABLE_BAD_REGEX, pluginId, resource, at + ".match.regex",
                        "is longer than " + MAX_REGEX_LENGTH + " characters", null);
            }
            int repeats = nestedRepeats(m.regex());
            if (repeats > MAX_NESTED_REPEATS) {
                throw error(TableException.Kind.TABLE_BAD_REGEX, pluginId, resource, at + ".match.regex",
                        "nested counted repetitions multiply to " + repeats + " copies (at most "
                        + MAX_NESTED_REPEATS + "); such a pattern would take minutes and gigabytes to compile", null);
            }
            try {
                Pattern.compile(m.regex(), Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw error(TableException.Kind.TABLE_BAD_REGEX, pluginId, resource, at + ".match.regex",
                        "not valid RE2 syntax (RE2 has no backreferences or lookaround): " + e.getMessage(), e);
            }
        }
        if (m.codes() != null) {
            for (int i = 0; i < m.codes().size(); i++) {
                Integer c = m.codes().get(i);
                if (c == null || c < 100 || c > 599) {
                    throw invalid(pluginId, resource, at + ".match.codes[" + i + "]", "must be a reply code 100-599");
                }
            }
        }
        checkClasses(pluginId, resource, at + ".match.classes", m.classes());
        if (m.enhancedCodes() != null) {
            for (int i = 0; i < m.enhancedCodes().size(); i++) {
                String e = m.enhancedCodes().get(i);
                if (!Grammar.isEnhancedCodeCondition(e)) {
                    throw invalid(pluginId, resource, at + ".match.enhancedCodes[" + i + "]",
                            "'" + e + "' must look like 5.1.1, X.1.1, 5.1.* or X.1.*");
                }
            }
        }
        if (m.stages() != null && m.stages().contains(null)) {
            throw invalid(pluginId, resource, at + ".match.stages", "holds null");
        }
        if (r.level() != null && !allows(m, r.level())) {
            throw invalid(pluginId, resource, at + ".level", r.level() + " needs " + needs(r.level())
                    + "; this rule's conditions allow at most " + derivedLevel(m)
                    + " (leave \"level\" out to take that)");
        }
        // The two flags need levels that exclude each other, so a rule can never carry both.
        EvidenceLevel level = r.level() != null ? r.level() : derivedLevel(m);
        if (Boolean.TRUE.equals(r.specific()) && level != EvidenceLevel.ENHANCED_CODE) {
            throw invalid(pluginId, resource, at + ".specific", "only an ENHANCED_CODE rule (match.enhancedCodes and no "
                    + "wording) can be specific; this rule is " + level);
        }
        if (Boolean.TRUE.equals(r.unspecific()) && level != EvidenceLevel.PHRASE && level != EvidenceLevel.KEYWORD
                && level != EvidenceLevel.ENHANCED_CODE) {
            throw invalid(pluginId, resource, at + ".unspecific", "only a PHRASE or KEYWORD rule (wording that "
                    + "names no cause) or an ENHANCED_CODE rule (a code that names none) can be unspecific; this rule is "
                    + level);
        }
        TableVerdict v = r.verdict();
        if (v == null) {
            throw invalid(pluginId, resource, at + ".verdict", "is missing");
        }
        if (v.explanation() == null || v.explanation().isBlank()) {
            throw invalid(pluginId, resource, at + ".verdict.explanation", "is missing: every rule explains itself");
        }
        boolean delivered = v.outcome() != null && v.outcome().value() == Outcome.DELIVERED;
        boolean inherits = template != null && template.placeholders().contains(io.smtpverdict.core.match.Placeholder.MESSAGE);
        if (delivered && v.category() != null && v.category().disposition() != Disposition.NOT_A_BOUNCE) {
            // an automatic reply follows a delivered message and may say so; a bounce category never does
            throw invalid(pluginId, resource, at + ".verdict.category", "a DELIVERED rule has no bounce category, and "
                    + v.category() + " is one");
        }
        if (!delivered && v.category() == null && !inherits) {
            throw invalid(pluginId, resource, at + ".verdict.category",
                    "is missing (only DELIVERED rules and {MESSAGE} templates may omit it)");
        }
        if (v.flags() != null) {
            for (Flag f : v.flags()) {
                if (f == null || f == Flag.TRUNCATED || f == Flag.CODE_MISMATCH) {
                    throw invalid(pluginId, resource, at + ".verdict.flags",
                            "only POSSIBLE_DUPLICATE and NOT_ATTEMPTED may be set by a rule");
                }
            }
        }
        if (v.reason() != null && !v.reason().matches("[a-z0-9_]+")) {
            throw invalid(pluginId, resource, at + ".verdict.reason", "must be lower_snake_case: " + v.reason());
        }
        if (r.source() != null && r.source().isBlank()) {
            throw invalid(pluginId, resource, at + ".source", "is blank: say where the wording is documented, or leave it out");
        }
        if (r.examples() != null && r.examples().contains(null)) {
            throw invalid(pluginId, resource, at + ".examples", "holds null");
        }
    }

    /**
     * How many copies of some piece the counted repetitions of a pattern make, nesting multiplied:
     * {@code ((a{100}){100})} makes 10,000. A conservative scan; RE2 checks each repetition alone.
     */
    static int nestedRepeats(String regex) {
        java.util.ArrayDeque<long[]> frames = new java.util.ArrayDeque<>();
        frames.push(new long[] {1});
        long last = 1;
        long worst = 1;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                last = 1;
            } else if (c == '[') {
                int j = i + 1;
                if (j < n && regex.charAt(j) == '^') {
                    j++;
                }
                if (j < n && regex.charAt(j) == ']') {
                    j++;
                }
                while (j < n && regex.charAt(j) != ']') {
                    j += regex.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
                last = 1;
            } else if (c == '(') {
                frames.push(new long[] {1});
            } else if (c == ')') {
                last = frames.size() > 1 ? frames.pop()[0] : 1;
            } else if (c == '{') {
                int close = regex.indexOf('}', i);
                String body = close < 0 ? "" : regex.substring(i + 1, close);
                if (body.matches("\\d{1,7}(,\\d{0,7})?")) {
                    String[] parts = body.split(",", -1);
                    long count = parts.length > 1 && !parts[1].isEmpty() ? Long.parseLong(parts[1]) : Long.parseLong(parts[0]);
                    last = Math.min(Integer.MAX_VALUE, last * Math.max(1, count));
                    worst = Math.max(worst, last);
                    i = close;
                } else {
                    last = 1;
                }
            } else {
                last = 1;
            }
            long[] frame = frames.peek();
            frame[0] = Math.max(frame[0], last);
        }
        return (int) Math.min(Integer.MAX_VALUE, worst);
    }

    private static void checkClasses(String pluginId, String resource, String at, List<Integer> classes) {
        if (classes == null) {
            return;
        }
        for (Integer c : classes) {
            if (c == null || (c != 2 && c != 4 && c != 5 && c != 1)) {
                throw invalid(pluginId, resource, at, "class digits are 2, 4 or 5: " + c);
            }
        }
    }

    private static void checkPhrases(String pluginId, String resource, String at, List<String> phrases) {
        if (phrases == null) {
            return;
        }
        for (int i = 0; i < phrases.size(); i++) {
            String p = phrases.get(i);
            if (p == null || Normalizer.normalize(p).length() < 2) {
                throw invalid(pluginId, resource, at + "[" + i + "]", "a phrase needs at least two characters");
            }
            if (p.contains("i\u0307")) {
                // String.toLowerCase writes Turkish capital dotted I as i and a combining dot above; the scan folds a
                // reply's \u0130 to a plain i, so a phrase with the dot could never match
                throw invalid(pluginId, resource, at + "[" + i + "]",
                        "write a plain 'i' for a capital dotted I: replies fold it to 'i', without a combining dot above");
            }
        }
    }

    private static boolean nonEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (e.getLocation() != null) {
            sb.append(" (line ").append(e.getLocation().getLineNr()).append(')');
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        Matcher m = java.util.regex.Pattern.compile(" \\(class [^)]*\\)").matcher(line);
        return m.replaceAll("");
    }

    private static TableException invalid(String pluginId, String resource, String at, String what) {
        return error(TableException.Kind.TABLE_INVALID, pluginId, resource, at, what, null);
    }

    private static TableException error(TableException.Kind kind, String pluginId, String resource, String at,
            String what, Throwable cause) {
        return new TableException(kind, pluginId, resource, at, what, cause);
    }
}
