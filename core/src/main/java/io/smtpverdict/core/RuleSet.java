package io.smtpverdict.core;

import io.smtpverdict.core.match.AhoCorasick;
import io.smtpverdict.core.match.KeySearch;
import io.smtpverdict.core.match.Spellings;
import io.smtpverdict.core.match.Template;
import io.smtpverdict.core.parse.Normalizer;
import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.core.table.RulePack;
import io.smtpverdict.core.table.TableCategoryOverride;
import io.smtpverdict.core.table.TableMatch;
import io.smtpverdict.core.table.TableRule;
import io.smtpverdict.core.table.TableVerdict;
import io.smtpverdict.spi.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every rule of every plugin compiled together: the literal keys (rule phrases, template literals and the engine's
 * own cues) with a search over them and an automaton built when first needed, and indexes from enhanced code,
 * basic code and class digit to rules. Immutable after construction but for the automaton and each rule's compiled
 * template and regex, each made once when first needed.
 */
final class RuleSet {
    final CompiledRule[] rules;
    /** Every literal key, folded; its index is the key's id. */
    private final List<String> keyNames;
    /** Made when first needed (see {@link #scan}); null until then. */
    private volatile AhoCorasick automaton;
    private final KeySearch search;
    /** How many replies the key search has taken; past {@link #searches} the automaton is built. */
    private final AtomicInteger searched = new AtomicInteger();
    final int[][] keyRules;
    final int[] keyLength;
    /**
     * For a key that is another spelling of rules' keys ({@link Spellings}), those keys: a hit on it counts as a hit
     * on each of them; null for every other key.
     */
    final int[][] keyAlso;
    final int[][] keyCue;
    final boolean[] keyStrongCue;
    /**
     * Keys that begin with the words of Postfix's note of the command a reply answered ("in reply to", "in reply to
     * starttls command"): rules read only the words before such a note at the end of a text (see {@link Classifier}),
     * but a rule that names the note itself still finds it.
     */
    final boolean[] keyOpensStageNote;
    /** Enhanced-code index: sorted keys ({@link #enhancedKey}) and the rules under each. */
    final int[] enhancedKeys;
    final int[][] enhancedRules;
    final int[][] byBasic = new int[600][];
    final int[][] byClass = new int[10][];
    final int[] always;
    final List<TableCategoryOverride> overrides;
    /** The longest span array a template of the set fills. */
    final int maxSpanLength;

    /**
     * How many short replies are searched key by key before the automaton is built (see
     * {@link VerdictEngine.Builder#keySearches}); 0 when it was built with the set.
     */
    private final int searches;
    /** The longest reply searched key by key: a search's cost grows with the text, the automaton's barely. */
    static final int SEARCH_MAX_LENGTH = 2048;

    /**
     * Reports every key occurrence in the reply's folded text to {@code sink}, by end (the longer key first at one
     * end): with the automaton once it is built or the reply is long, else key by key (see {@link #searches}).
     */
    void scan(ParsedReply p, AhoCorasick.HitSink sink) {
        AhoCorasick a = automaton;
        if (a == null) {
            if (p.text().length() <= SEARCH_MAX_LENGTH && searched.getAndIncrement() < searches) {
                search.scan(p.folded(), sink);
                return;
            }
            a = automaton();
        }
        char[] out = p.pendingFoldBuffer();
        int length = a.scanFolding(p.text(), p.skips(), sink, out);
        if (out != null) {
            p.foldedInto(length); // about half the replies need the folded copy; the scan has just made it
        }
    }

    /** The automaton over every key, built on first call. */
    AhoCorasick automaton() {
        AhoCorasick a = automaton;
        if (a == null) {
            synchronized (this) {
                a = automaton;
                if (a == null) {
                    a = AhoCorasick.build(keyNames);
                    automaton = a;
                }
            }
        }
        return a;
    }

    /**
     * A rule as read, with where it comes from.
     *
     * @param templateKey the folded longest literal of the rule's template when its pack gave it (the template is then
     *     compiled when the rule is first tried), else null
     * @param spellings the other spellings of its table's phrases when the table came from a pack
     *     ({@link RulePack.Result#spellings}), else null: the engine then finds them
     */
    record Source(String plugin, int priority, boolean user, TableRule rule, int order, String templateKey,
            RulePack.PhraseSpellings spellings) {
    }

    RuleSet(List<Source> sources, List<TableCategoryOverride> overrides, int searches) {
        this.searches = searches;
        this.overrides = List.copyOf(overrides);
        List<Source> sorted = new ArrayList<>(sources);
        sorted.sort(RuleSet::rankOrder);
        rules = new CompiledRule[sorted.size()];
        Keys keys = new Keys();
        Map<Integer, List<Integer>> enhanced = new HashMap<>();
        List<List<Integer>> basic = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            basic.add(null);
        }
        List<List<Integer>> cls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cls.add(new ArrayList<>());
        }
        List<Integer> alwaysList = new ArrayList<>();
        for (int r = 0; r < sorted.size(); r++) {
            Source s = sorted.get(r);
            keys.packed = s.spellings();
            CompiledRule c = compile(s, keys);
            c.rank = r;
            rules[r] = c;
            // index: literal keys first, else codes, else always
            int[] index = c.messageKeys != null ? c.messageKeys : c.anyKeys != null ? c.anyKeys
                    : c.groupKeys != null ? keys.rarest(c.groupKeys) : c.allKeys != null ? new int[] {keys.longest(c.allKeys)}
                    : c.templateKey != null ? new int[] {keys.id(c.templateKey)} : null;
            if (index != null) {
                for (int k : index) {
                    keys.rules.get(k).add(r);
                }
            } else if (c.enhanced != null) {
                for (int[] e : c.enhanced) {
                    int[] classes = e[0] == 0 ? new int[] {2, 4, 5} : new int[] {e[0]};
                    for (int cl : classes) {
                        enhanced.computeIfAbsent(enhancedKey(cl, e[1], e[2]), x -> new ArrayList<>()).add(r);
                    }
                }
            } else if (c.codes != null) {
                for (int code : c.codes) {
                    if (basic.get(code) == null) {
                        basic.set(code, new ArrayList<>());
                    }
                    basic.get(code).add(r);
                }
            } else if (c.classMask != 0) {
                for (int d = 1; d <= 5; d++) {
                    if ((c.classMask & (1 << d)) != 0) {
                        cls.get(d).add(r);
                    }
                }
            } else {
                alwaysList.add(r);
            }
        }
        // the engine's own cues share the automaton
        for (String cue : Cues.ALL.keySet()) {
            keys.id(cue);
        }
        // and every other spelling of each phrase and cue, found as that key (a template's or message's key only
        // points at a rule that compares the exact wording): as its rule pack gives them, else found here
        int named = keys.names.size();
        int[][] also = new int[named * 5 / 4][];
        for (int k = 0; k < named; k++) {
            also = spellings(keys, k, keys.find[k] ? Spellings.of(keys.names.get(k)) : keys.given[k], also);
        }
        for (String cue : Cues.ALL.keySet()) {
            int k = keys.ids.get(cue);
            if (!keys.find[k] && keys.given[k] == null) {
                also = spellings(keys, k, Spellings.of(cue), also);
            }
        }
        List<String> keyList = keys.names;
        // the key list is complete (and no longer changes): an automaton wanted now is built on a second processor,
        // where there is one, while this thread files the rest (the automaton takes most of the build)
        SharedWork<AhoCorasick> built = searches == 0 ? SharedWork.start(1, i -> AhoCorasick.build(keyList)) : null;
        int keyCount = keyList.size();
        keyAlso = Arrays.copyOf(also, keyCount);
        keyRules = new int[keyCount][];
        keyLength = Arrays.copyOf(keys.lengths, keyCount);
        keyCue = new int[keyCount][];
        keyStrongCue = new boolean[keyCount];
        keyOpensStageNote = new boolean[keyCount];
        for (int k = 0; k < keyCount; k++) {
            keyRules[k] = ints(keys.rules.get(k));
            String name = keyList.get(k);
            int[] cue = Cues.ALL.get(name);
            keyCue[k] = cue;
            keyStrongCue[k] = cue != null && Cues.strong(name);
            keyOpensStageNote[k] = name.startsWith(Cues.NOTE_WORDS);
        }
        keyNames = keyList;
        search = KeySearch.of(keyList);
        enhancedKeys = enhanced.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        enhancedRules = new int[enhancedKeys.length][];
        for (int i = 0; i < enhancedKeys.length; i++) {
            enhancedRules[i] = ints(enhanced.get(enhancedKeys[i]));
        }
        for (int i = 0; i < 600; i++) {
            if (basic.get(i) != null) {
                byBasic[i] = ints(basic.get(i));
            }
        }
        for (int i = 0; i < 10; i++) {
            byClass[i] = ints(cls.get(i));
        }
        always = ints(alwaysList);
        int spans = 0;
        for (CompiledRule c : rules) {
            if (c.templateKey != null) {
                spans = Math.max(spans, Template.maxSpanLength(c.templateSource, c.templateTail));
            }
        }
        maxSpanLength = spans;
        if (built != null) {
            automaton = built.get(0);
        }
    }

    /**
     * The order rules rank in: user rules first, then by plugin priority (highest first), plugin id and table order.
     * One plain method rather than a chain of comparators: a cold JVM interprets every comparison of the sort.
     */
    private static int rankOrder(Source a, Source b) {
        if (a.user() != b.user()) {
            return a.user() ? -1 : 1;
        }
        if (a.priority() != b.priority()) {
            return Integer.compare(b.priority(), a.priority());
        }
        int byPlugin = a.plugin().compareTo(b.plugin());
        return byPlugin != 0 ? byPlugin : Integer.compare(a.order(), b.order());
    }

    /** Files each of key {@code k}'s other spellings (null for none) as a key whose hits count as {@code k}'s. */
    private static int[][] spellings(Keys keys, int k, List<String> spellings, int[][] also) {
        if (spellings == null) {
            return also;
        }
        for (String spelling : spellings) {
            int id = keys.id(spelling);
            if (id >= also.length) {
                also = Arrays.copyOf(also, id * 2);
            }
            int[] ks = also[id];
            if (ks == null) {
                also[id] = new int[] {k};
            } else {
                ks = Arrays.copyOf(ks, ks.length + 1);
                ks[ks.length - 1] = k;
                also[id] = ks;
            }
        }
        return also;
    }

    private static int[] ints(List<Integer> list) {
        int[] a = new int[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i);
        }
        return a;
    }

    /** Folded literal keys with their ids and the rules indexed under each. */
    private static final class Keys {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> names = new ArrayList<>();
        final List<List<Integer>> rules = new ArrayList<>();

        /** Each key's length, by id: the sorts below read it without a call per comparison. */
        int[] lengths = new int[4096];
        /** {@link #of}'s marks, by id: a key already in the list being read carries the list's number. */
        int[] marks = new int[4096];
        /**
         * The other spellings of the rule phrases being read (by {@link #of}) as their table's pack gives them; null
         * when the table was read from JSON. Set for each rule.
         */
        RulePack.PhraseSpellings packed;
        /** Whether a key is a phrase whose other spellings the engine must find itself ({@link Spellings#of}), by id. */
        boolean[] find = new boolean[4096];
        /** A phrase's other spellings as a pack gave them, by id; null for none or not given. */
        @SuppressWarnings("unchecked")
        List<String>[] given = new List[4096];
        int listNumber;

        int id(String folded) {
            Integer id = ids.get(folded);
            if (id == null) {
                id = names.size();
                ids.put(folded, id);
                names.add(folded);
                rules.add(new ArrayList<>());
                if (id == lengths.length) {
                    lengths = Arrays.copyOf(lengths, id * 2);
                    marks = Arrays.copyOf(marks, id * 2);
                    find = Arrays.copyOf(find, id * 2);
                    given = Arrays.copyOf(given, id * 2);
                }
                lengths[id] = folded.length();
            }
            return id;
        }

        int longest(int[] keys) {
            int best = keys[0];
            for (int k : keys) {
                if (lengths[k] > lengths[best]) {
                    best = k;
                }
            }
            return best;
        }

        /**
         * The group a rule of phrase groups is filed under: the one whose shortest key is longest, as the longer a key
         * the fewer replies hold it (a group of subjects such as "user" is held by many, its predicates by few).
         */
        int[] rarest(int[][] groups) {
            int[] best = groups[0];
            int bestShortest = -1;
            for (int[] g : groups) {
                int shortest = Integer.MAX_VALUE;
                for (int k : g) {
                    shortest = Math.min(shortest, lengths[k]);
                }
                if (shortest > bestShortest) {
                    best = g;
                    bestShortest = shortest;
                }
            }
            return best;
        }

        /** The same keys, longest first, so that the first one a reply holds is the longest it holds. */
        int[] longestFirst(int[] keys) {
            if (keys == null || keys.length < 2) {
                return keys;
            }
            int[] sorted = keys.clone();
            // Insertion sort, stable: the lists are short, and a cold JVM builds no comparator for it.
            for (int i = 1; i < sorted.length; i++) {
                int k = sorted[i];
                int len = lengths[k];
                int j = i - 1;
                while (j >= 0 && lengths[sorted[j]] < len) {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = k;
            }
            return sorted;
        }

        int[] of(List<String> phrases) {
            if (phrases == null || phrases.isEmpty()) {
                return null;
            }
            // A list named in several places of a rule may repeat a phrase: each key is kept once, in first order.
            int number = ++listNumber;
            int[] ids = new int[phrases.size()];
            int n = 0;
            for (String p : phrases) {
                String folded = Normalizer.normalize(p);
                int id = id(folded);
                if (packed == null) {
                    find[id] = true;
                } else {
                    List<String> spellings = packed.get(folded);
                    if (spellings != null) {
                        given[id] = spellings;
                    } else if (packed.leftToEngine(folded)) {
                        find[id] = true;
                    }
                }
                if (marks[id] != number) {
                    marks[id] = number;
                    ids[n++] = id;
                }
            }
            return n == ids.length ? ids : Arrays.copyOf(ids, n);
        }
    }

    /** The rules indexed under an enhanced code (or its subject, with detail -1), or null. */
    int[] byEnhanced(int cl, int subject, int detail) {
        int i = Arrays.binarySearch(enhancedKeys, enhancedKey(cl, subject, detail));
        return i >= 0 ? enhancedRules[i] : null;
    }

    static int enhancedKey(int cl, int subject, int detail) {
        return cl * 1_000_000 + subject * 1000 + (detail < 0 ? 999 : detail);
    }

    private static CompiledRule compile(Source s, Keys keys) {
        TableRule t = s.rule();
        CompiledRule c = new CompiledRule(s.plugin(), t.id(), t.level(), s.user(), s.order());
        c.tier = CompiledRule.tierOf(t.level(), Boolean.TRUE.equals(t.specific()), Boolean.TRUE.equals(t.unspecific()));
        TableMatch m = t.match();
        int spec = 0;
        if (m.template() != null) {
            c.templateSource = m.template();
            c.templateTail = m.optionalTail();
            c.templateKey = s.templateKey();
            if (c.templateKey == null) {
                c.templateKey = c.template().longestLiteral();
            }
            c.anchored = !Boolean.FALSE.equals(m.anchored());
            keys.id(c.templateKey);
        }
        c.anyKeys = keys.longestFirst(keys.of(m.phrases()));
        c.allKeys = keys.of(m.allPhrases());
        c.notKeys = keys.of(m.notPhrases());
        if (m.phraseGroups() != null && !m.phraseGroups().isEmpty()) {
            c.groupKeys = new int[m.phraseGroups().size()][];
            for (int g = 0; g < c.groupKeys.length; g++) {
                c.groupKeys[g] = keys.longestFirst(keys.of(m.phraseGroups().get(g)));
            }
        }
        if (m.message() != null && !m.message().isEmpty()) {
            List<String> ms = m.message().stream().distinct().toList();
            c.messages = new String[ms.size()];
            c.messageCodes = new int[ms.size()];
            c.messageEnhanced = new io.smtpverdict.spi.EnhancedStatusCode[ms.size()];
            c.messageKeys = new int[ms.size()];
            for (int i = 0; i < ms.size(); i++) {
                String f = Normalizer.normalize(ms.get(i));
                if (f.length() > 4 && Character.isDigit(f.charAt(0)) && Character.isDigit(f.charAt(1))
                        && Character.isDigit(f.charAt(2)) && f.charAt(3) == ' ') {
                    c.messageCodes[i] = Integer.parseInt(f.substring(0, 3));
                    f = f.substring(4);
                }
                int sp = f.indexOf(' ');
                if (sp > 0) {
                    java.util.Optional<io.smtpverdict.spi.EnhancedStatusCode> e =
                            io.smtpverdict.spi.EnhancedStatusCode.parse(f.substring(0, sp));
                    if (e.isPresent()) {
                        c.messageEnhanced[i] = e.get();
                        f = f.substring(sp + 1);
                    }
                }
                c.messages[i] = f.endsWith(".") ? f.substring(0, f.length() - 1).strip() : f;
                c.messageKeys[i] = keys.id(c.messages[i]);
            }
        }
        // compiled on first use: a table's regexes were checked when it was read (JSON) or packed
        c.regexSource = m.regex();
        c.regexAtEdge = c.regexSource != null && CompiledRule.anchorsAtEdge(c.regexSource);
        c.regexMultiLine = c.regexSource != null && CompiledRule.multiLine(c.regexSource);
        if (m.codes() != null && !m.codes().isEmpty()) {
            c.codes = m.codes().stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
            c.codeList = List.copyOf(m.codes());
            spec += 2;
        }
        if (m.classes() != null && !m.classes().isEmpty()) {
            for (int d : m.classes()) {
                c.classMask |= 1 << d;
            }
            spec += 1;
        }
        if (m.enhancedCodes() != null && !m.enhancedCodes().isEmpty()) {
            c.enhanced = new int[m.enhancedCodes().size()][];
            c.enhancedList = List.copyOf(m.enhancedCodes());
            for (int i = 0; i < c.enhanced.length; i++) {
                String[] parts = m.enhancedCodes().get(i).split("\\.");
                int cl = parts[0].equals("X") ? 0 : Integer.parseInt(parts[0]);
                int detail = parts[2].equals("*") ? -1 : Integer.parseInt(parts[2]);
                c.enhanced[i] = new int[] {cl, Integer.parseInt(parts[1]), detail};
            }
        }
        if (m.stages() != null && !m.stages().isEmpty()) {
            EnumSet<Stage> stages = EnumSet.copyOf(m.stages());
            c.stageList = List.copyOf(stages);
            for (Stage st : stages) {
                c.stageMask |= 1 << st.ordinal();
            }
            spec += 1;
        }
        if (Boolean.TRUE.equals(m.noCode())) {
            c.noCode = true;
        }
        c.staticSpecificity = spec;
        c.match = m;
        TableVerdict v = t.verdict();
        c.category = v.category();
        c.outcome = v.outcome() == null ? null : v.outcome().value();
        c.outcomeFixed = v.outcome() != null && v.outcome().fixed();
        c.advice = v.advice();
        c.party = v.party();
        c.origin = v.origin();
        c.stage = v.stage();
        c.reason = v.reason();
        if (v.flags() != null) {
            for (io.smtpverdict.spi.Flag f : v.flags()) {
                c.flagMask |= 1 << f.ordinal();
            }
        }
        c.inherit = !Boolean.FALSE.equals(v.inherit());
        c.explanation = v.explanation().strip();
        // unmodifiable as read (a pack's are decoded when first read): not copied, so not decoded here
        c.examples = t.examples() == null ? List.of() : t.examples();
        c.source = t.source();
        return c;
    }

    /** A one-line summary of a rule's conditions, as {@link RuleInfo#matches()} gives it. */
    static String summary(CompiledRule c) {
        TableMatch m = c.match;
        StringBuilder summary = new StringBuilder();
        if (m.template() != null) {
            summary.append(Boolean.FALSE.equals(m.anchored()) ? "text containing \"" : "template \"")
                    .append(m.template()).append('"');
            if (m.optionalTail() != null) {
                summary.append(" optionally followed by \"").append(m.optionalTail()).append('"');
            }
        }
        if (m.message() != null && !m.message().isEmpty()) {
            append(summary, "message is " + quoted(m.message()));
        }
        if (m.phrases() != null) {
            append(summary, "any of " + quoted(m.phrases()));
        }
        if (m.allPhrases() != null) {
            append(summary, "all of " + quoted(m.allPhrases()));
        }
        if (m.phraseGroups() != null) {
            for (List<String> group : m.phraseGroups()) {
                append(summary, "one of " + quoted(group));
            }
        }
        if (m.notPhrases() != null) {
            append(summary, "none of " + quoted(m.notPhrases()));
        }
        if (m.regex() != null) {
            append(summary, "regex /" + m.regex() + "/");
        }
        if (c.codes != null) {
            append(summary, "code " + joined(c.codes));
        }
        if (m.classes() != null && !m.classes().isEmpty()) {
            append(summary, "class " + m.classes() + "xx");
        }
        if (m.enhancedCodes() != null && !m.enhancedCodes().isEmpty()) {
            append(summary, "enhanced code " + String.join(", ", m.enhancedCodes()));
        }
        if (!c.stageList.isEmpty()) {
            append(summary, "at " + c.stageList);
        }
        if (Boolean.TRUE.equals(m.noCode())) {
            append(summary, "no reply code");
        }
        return summary.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append("; ");
        }
        sb.append(s);
    }

    private static String quoted(List<String> phrases) {
        StringBuilder sb = new StringBuilder();
        for (String p : phrases) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('"').append(p).append('"');
        }
        return sb.toString();
    }

    private static String joined(int[] values) {
        return Arrays.toString(values).replace("[", "").replace("]", "");
    }
}
