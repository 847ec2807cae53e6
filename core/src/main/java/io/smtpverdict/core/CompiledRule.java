package io.smtpverdict.core;

import com.google.re2j.Pattern;
import io.smtpverdict.core.match.Template;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** One rule compiled for matching: key ids into the automaton, code sets as arrays, the verdict to give. */
final class CompiledRule {
    final String plugin;
    final String id;
    final EvidenceLevel level;
    final boolean user;
    final int order;
    final RuleRef ref;
    /** {@link #ref} wrapped once, for the verdicts it decides. */
    final java.util.Optional<RuleRef> refOptional;
    int rank;
    /**
     * Where the rule ranks among the others, lower first: twice its level's ordinal, so that an enhanced code
     * marked specific in its table can sit just above the phrase levels (see {@link #tierOf}).
     */
    int tier;

    // conditions
    /** The rule's template and optional tail as written, or null; compiled by {@link #template()}. */
    String templateSource;
    String templateTail;
    /** The template's longest literal, folded: the key the rule is indexed under. Null when it has no template. */
    String templateKey;
    private volatile Template template;
    boolean anchored = true;
    int[] anyKeys;
    int[] allKeys;
    int[] notKeys;
    /** Each group's keys, longest first; the reply must hold one key of every group. */
    int[][] groupKeys;
    int[] messageKeys;
    String[] messages;
    int[] messageCodes;
    io.smtpverdict.spi.EnhancedStatusCode[] messageEnhanced;
    /** The rule's regex as written, or null; compiled by {@link #regex()} when the rule is first tried. */
    String regexSource;
    /** Whether the regex anchors at the text's start or end: see {@link #regex(boolean, boolean)}. */
    boolean regexAtEdge;
    /** Whether the regex is multi-line ({@link #multiLine}), and so searched in the whole text. */
    boolean regexMultiLine;
    private volatile Pattern regex;
    /** The regex without the anchors a window cuts off, by variant; made when first needed. */
    private volatile AtomicReferenceArray<Pattern> cutRegex;
    int[] codes;
    int classMask;
    int[][] enhanced;
    int stageMask;
    boolean noCode;
    int staticSpecificity;

    // verdict
    Category category;
    Outcome outcome;
    boolean outcomeFixed;
    Advice advice;
    Party party;
    Origin origin;
    Stage stage;
    String reason;
    /** The flags to set, as a bit mask of their ordinals (the verdict's flag set is looked up by it). */
    int flagMask;
    /** The last verdict this rule made with nothing bound, given again for the same parts; see Classifier.Made. */
    Classifier.Made lastMade;
    boolean inherit = true;
    String explanation;
    /**
     * The explanations this rule gives when it inherits an embedded reply's verdict, by the embedded verdict's
     * explanation: the same few pairs recur, so each is joined once.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, String> inherited =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** The most joined explanations a rule keeps (each embedded verdict's explanation is one of a few). */
    static final int MAX_INHERITED = 64;
    List<String> examples = List.of();
    String source;
    /** The conditions as written, for {@link #info()}'s summary. */
    io.smtpverdict.core.table.TableMatch match;
    List<Integer> codeList = List.of();
    List<String> enhancedList = List.of();
    List<Stage> stageList = List.of();

    CompiledRule(String plugin, String id, EvidenceLevel level, boolean user, int order) {
        this.plugin = plugin;
        this.id = id;
        this.level = level;
        this.user = user;
        this.order = order;
        this.ref = new RuleRef(plugin, id, level);
        this.refOptional = java.util.Optional.of(ref);
        this.tier = tierOf(level, false, false);
    }

    /**
     * The rank of a level in the contest between matching rules. A specific enhanced code (one whose detail
     * names a single cause, such as 5.7.26 or 5.2.2, as its table says) ranks between PROVIDER_PHRASE and
     * PHRASE: it beats generic wording and single keywords that only restate the class, and still yields to a
     * provider's or vendor's own text. An unspecific phrase or keyword (wording that says a message was refused but
     * not why) ranks just below KEYWORD: any word that names the cause beats it, and it still beats an enhanced code
     * that is not specific. An unspecific enhanced code (one that names no cause, such as X.0.0 "other undefined
     * status") ranks just below BASIC_CODE: the basic code's own meaning decides where it has one.
     */
    static int tierOf(EvidenceLevel level, boolean specific, boolean unspecific) {
        if (specific && level == EvidenceLevel.ENHANCED_CODE) {
            return 2 * EvidenceLevel.PHRASE.ordinal() - 1;
        }
        if (unspecific && (level == EvidenceLevel.PHRASE || level == EvidenceLevel.KEYWORD)) {
            return 2 * EvidenceLevel.KEYWORD.ordinal() + 1;
        }
        if (unspecific && level == EvidenceLevel.ENHANCED_CODE) {
            return 2 * EvidenceLevel.BASIC_CODE.ordinal() + 1;
        }
        return 2 * level.ordinal();
    }


    /** This rule's explanation followed by the embedded reply's, joined once per distinct embedded explanation. */
    String inheritedExplanation(String innerExplanation) {
        String joined = inherited.get(innerExplanation);
        if (joined == null) {
            joined = explanation + " " + innerExplanation;
            if (inherited.size() < MAX_INHERITED) {
                inherited.put(innerExplanation, joined);
            }
        }
        return joined;
    }

    /** What a regex anchor that cannot match becomes: a word boundary that is none, matched nowhere. */
    private static final String NEVER = "(?:\\b\\B)";

    /**
     * Whether a regex has {@code ^}, {@code $}, {@code \A} or {@code \z} outside a character class: an anchor at the
     * text's start or end, which a search window cut from the middle of a text would otherwise move to its own edges.
     */
    static boolean anchorsAtEdge(String regex) {
        return !withoutEdges(regex, true, true).equals(regex);
    }

    /**
     * The regex with its anchors at the text's start ({@code ^}, {@code \A}) and end ({@code $}, {@code \z}) made to
     * match nowhere, as they do in a window cut from inside a text: no position of such a window is the text's start
     * or end. Characters inside a class ({@code [^']}) and escaped ones ({@code \$}) are kept.
     */
    static String withoutEdges(String regex, boolean start, boolean end) {
        StringBuilder out = null;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            int skip = 0;
            boolean anchor = false;
            if (c == '\\') {
                char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
                anchor = !inClass && (next == 'A' && start || next == 'z' && end);
                skip = 1;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                // a ']' first in a class (after any '^') is a literal one
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    skip++;
                }
                if (i + skip + 1 < regex.length() && regex.charAt(i + skip + 1) == ']') {
                    skip++;
                }
            } else {
                anchor = c == '^' && start || c == '$' && end;
            }
            if (anchor && out == null) {
                out = new StringBuilder(regex.length() + 16).append(regex, 0, i);
            }
            if (anchor) {
                out.append(NEVER);
            } else if (out != null) {
                out.append(regex, i, Math.min(regex.length(), i + skip + 1));
            }
            i += anchor && c == '\\' ? 1 : skip;
        }
        return out == null ? regex : out.toString();
    }

    /** Whether a regex sets the multi-line flag ({@code (?m)}), under which its anchors also mean a line's edges. */
    static boolean multiLine(String regex) {
        for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 2)) {
            for (int j = i + 2; j < regex.length(); j++) {
                char c = regex.charAt(j);
                if (c == 'm') {
                    return true;
                }
                if (!Character.isLetter(c) && c != '-') {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * The compiled regex for a window cut from a longer text ({@link Classifier#regexWindow}): without the anchors at
     * the text's start when the window does not start the text, and at its end when it does not end it.
     */
    Pattern regex(boolean startCut, boolean endCut) {
        if (!regexAtEdge || !startCut && !endCut) {
            return regex();
        }
        AtomicReferenceArray<Pattern> cut = cutRegex;
        if (cut == null) {
            cut = new AtomicReferenceArray<>(4); // two threads may each make one: a pattern compiled twice, no more
            cutRegex = cut;
        }
        int variant = (startCut ? 1 : 0) | (endCut ? 2 : 0);
        Pattern p = cut.get(variant);
        if (p == null) {
            p = Pattern.compile(withoutEdges(regexSource, startCut, endCut), Pattern.CASE_INSENSITIVE);
            cut.set(variant, p);
        }
        return p;
    }

    /**
     * The compiled regex. Compiling every regex while the engine is built cost a one-shot run the regex library's
     * start-up although few replies reach a regex rule; a table's regexes are checked when it is read or packed.
     */
    Pattern regex() {
        Pattern p = regex;
        if (p == null) {
            p = Pattern.compile(regexSource, Pattern.CASE_INSENSITIVE);
            regex = p;
        }
        return p;
    }

    /**
     * The compiled template, or null when the rule has none. A pack gives each template's key, so a one-shot run
     * compiles only the templates of the rules its reply makes candidates (of 800 and more); a table's templates are
     * checked when it is read or packed.
     */
    Template template() {
        Template t = template;
        if (t == null && templateSource != null) {
            t = Template.compile(templateSource, templateTail);
            template = t;
        }
        return t;
    }

    RuleInfo info() {
        return new RuleInfo(plugin, id, level, RuleSet.summary(this), java.util.Optional.ofNullable(category),
                java.util.Optional.ofNullable(outcome), outcomeFixed, java.util.Optional.ofNullable(advice),
                explanation, java.util.Optional.ofNullable(source), examples, order, codeList, enhancedList, stageList);
    }
}
