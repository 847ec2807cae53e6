package io.smtpverdict.core;

import com.google.re2j.Matcher;
import io.smtpverdict.core.match.AhoCorasick;
import io.smtpverdict.core.match.Placeholder;
import io.smtpverdict.core.parse.Normalizer;
import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.core.parse.ReplyParser;
import io.smtpverdict.core.table.TableCategoryOverride;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Candidate;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Disposition;
import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one verdict: scans the folded text once with the automaton, evaluates the rules the hits and
 * codes point at, picks the winner by evidence level and tie rules, and fills the verdict. Thread-safe:
 * per-call state lives in a thread-local scratch, one per recursion depth.
 */
final class Classifier {
    private static final Stage[] STAGES = Stage.values();
    private static final String[] NO_BINDINGS = {};
    /** Every set of flags, by the bit mask of their ordinals, made once. */
    @SuppressWarnings("unchecked")
    private static final Set<Flag>[] FLAG_SETS = new Set[1 << Flag.values().length];

    static {
        for (int mask = 0; mask < FLAG_SETS.length; mask++) {
            EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
            for (Flag f : Flag.values()) {
                if ((mask & 1 << f.ordinal()) != 0) {
                    flags.add(f);
                }
            }
            FLAG_SETS[mask] = Collections.unmodifiableSet(flags);
        }
    }
    private static final RuleRef[] CLASS_RULES = {
        null, null,
        new RuleRef("core", "core.class-2", EvidenceLevel.CLASS),
        null,
        new RuleRef("core", "core.class-4", EvidenceLevel.CLASS),
        new RuleRef("core", "core.class-5", EvidenceLevel.CLASS),
    };

    /** The most characters of an embedded {MESSAGE} reply that are classified. */
    static final int MAX_EMBEDDED = 8192;
    /**
     * How far from its phrase a regex rule's match may lie in a long text (see {@link #regexWindow}): wider than any
     * shipped regex's gaps (at most 300 characters) and than any real reply line that quotes its phrase.
     */
    static final int REGEX_REACH = 1024;
    /** How far a regex window is widened to reach the edges of the words it cuts. */
    private static final int WORD_REACH = 64;

    private final RuleSet set;
    private final int maxInput;
    private final int maxDepth;
    private final ThreadLocal<Scratch[]> scratch;
    /** The sizes of a {@link Scratch}: the rule set's keys, rules and longest span array. */
    private final int keys;
    private final int rules;
    private final int spanLength;

    Classifier(RuleSet set, int maxInput, int maxDepth) {
        this.set = set;
        this.maxInput = maxInput;
        this.maxDepth = maxDepth;
        this.keys = set.keyRules.length;
        this.rules = set.rules.length;
        this.spanLength = set.maxSpanLength;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch[maxDepth + 1]);
    }

    /**
     * This thread's scratch for a reply at {@code depth} (0 for the reply itself, 1 for a reply it quotes, ...), made
     * when first needed: each holds a few ints per key (about 0.4 MB for the shipped rules), and most threads never
     * read a quoted reply's quoted reply.
     */
    private Scratch scratch(int depth) {
        Scratch[] all = scratch.get();
        Scratch s = all[depth];
        if (s == null) {
            s = new Scratch(keys, rules, spanLength);
            all[depth] = s;
        }
        return s;
    }

    ParsedReply parse(String input) {
        return ReplyParser.parse(input, maxInput);
    }

    /** The SMTP stage the text itself names (the engine's stage cues), without weighing any rule; else UNKNOWN. */
    Stage stage(ParsedReply p) {
        Scratch s = scratch(0);
        s.begin(set);
        set.scan(p, s);
        return s.stage >= 0 ? STAGES[s.stage] : Stage.UNKNOWN;
    }

    /**
     * The last verdict with nothing bound that the fallback made for each reply class digit (see {@link Made}); a
     * race between threads loses a verdict at worst.
     */
    private final Made[] fallbackMade = new Made[6];

    /**
     * A verdict and the parts it was made from, to give it again for the same parts: verdicts are immutable, and
     * all fields here are final, so one thread may read what another stored without locks.
     */
    static final class Made {
        final Verdict verdict;
        final Outcome outcome;
        final Category category;
        final String reason;
        final Advice advice;
        final Party party;
        final Origin origin;
        final Stage stage;
        final int code;
        final EnhancedStatusCode enhanced;
        final String explanation;
        final int delay;
        final int flagMask;

        Made(Verdict verdict, Outcome outcome, Category category, String reason, Advice advice, Party party,
                Origin origin, Stage stage, int code, EnhancedStatusCode enhanced, String explanation, int delay,
                int flagMask) {
            this.verdict = verdict;
            this.outcome = outcome;
            this.category = category;
            this.reason = reason;
            this.advice = advice;
            this.party = party;
            this.origin = origin;
            this.stage = stage;
            this.code = code;
            this.enhanced = enhanced;
            this.explanation = explanation;
            this.delay = delay;
            this.flagMask = flagMask;
        }
    }

    /** Per-call state, reused across calls on one thread. */
    static final class Scratch implements AhoCorasick.HitSink {
        final int[] keyStamp;
        /** Where each key held (see {@link #keyStamp}) first ends in the folded text (keys are reported by end). */
        final int[] keyFirstEnd;
        /**
         * How long the text held each key held: its own length, or that of the other spelling found
         * ({@link RuleSet#keyAlso}), the longest when both; what a rule's evidence counts.
         */
        final int[] keyHeldLength;
        final int[] ruleStamp;
        int stamp;
        int[] hits = new int[64];
        int hitCount;
        int[] cands = new int[64];
        int candCount;
        /** The spans the template being evaluated bound, and those of the best template rule so far. */
        int[] spans;
        int[] bestSpans;
        private int[] offsets = new int[256];
        /** Longest text whose folding buffer is kept for reuse. */
        static final int MAX_REUSED = 16 * 1024;
        private char[] chars = new char[256];
        RuleSet set;
        long stageScore;
        int stage;
        /** Whether the text names RCPT TO anywhere (see {@link Classifier#senderSide}). */
        boolean rcptCue;
        int transientCue;
        int permanentCue;
        /** Give-ups after the fact ({@link Cues#FINAL}) and the sending side's announced next attempts. */
        int finalCue;
        int retryingCue;
        /** Whether the last temporary cue ({@link #transientStart}) is an announced next attempt. */
        boolean transientRetrying;
        /** Where the last temporary cue and the last negated one start and end ({@link Cues#NEGATED}); -1 for none. */
        int transientStart;
        int transientEnd;
        int negatedStart;
        int negatedEnd;
        int retryEnd;
        /** Where the last "in reply to" starts in the folded text, which may open a stage note; -1 for none. */
        int stageNoteKey;
        /** The reply being classified at this depth, parsed into again by each call. */
        final ParsedReply reply = new ParsedReply();
        /** The names and values the winning template bound, until its verdict is made (then cleared). */
        final String[] bound;
        /** The verdict of the embedded reply the last {@code bind} classified, until the caller takes it. */
        Verdict inner;
        /**
         * The parts of the verdict this depth made last, as it stores them: the caller that embedded the reply reads
         * them without the verdict's Optional getters.
         */
        RuleRef madeRule;
        Category madeCategory;
        String madeReason;
        int madeDelay;

        Scratch(int keys, int rules, int spanLength) {
            keyStamp = new int[keys];
            keyFirstEnd = new int[keys];
            keyHeldLength = new int[keys];
            ruleStamp = new int[rules];
            spans = new int[spanLength];
            bound = new String[spanLength];
            bestSpans = new int[spanLength];
        }

        /**
         * A buffer of at least {@code length} chars to fold the text through, reused across calls; null for a text
         * longer than {@link #MAX_REUSED} (a hostile one-off is not kept for the thread's lifetime).
         */
        char[] chars(int length) {
            if (chars.length < length) {
                if (length > MAX_REUSED) {
                    return null;
                }
                chars = new char[Math.max(length, Math.min(MAX_REUSED, chars.length * 2))];
            }
            return chars;
        }

        /** A buffer for folded-to-original offsets of at least {@code length}, reused across calls. */
        int[] offsets(int length) {
            if (offsets.length < length) {
                offsets = new int[Math.max(length, offsets.length * 2)];
            }
            return offsets;
        }

        void keepSpans() {
            int[] t = bestSpans;
            bestSpans = spans;
            spans = t;
        }

        void begin(RuleSet set) {
            this.set = set;
            stamp++;
            if (stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(keyStamp, 0);
                java.util.Arrays.fill(ruleStamp, 0);
                stamp = 1;
            }
            hitCount = 0;
            candCount = 0;
            stageScore = -1;
            stage = -1;
            rcptCue = false;
            transientCue = 0;
            permanentCue = 0;
            finalCue = 0;
            retryingCue = 0;
            transientRetrying = false;
            transientStart = -1;
            transientEnd = -1;
            negatedStart = -1;
            negatedEnd = -1;
            retryEnd = -1;
            stageNoteKey = -1;
        }

        @Override
        public void hit(int keyId, int end) {
            int length = set.keyLength[keyId];
            found(keyId, end, length);
            int[] also = set.keyAlso[keyId];
            if (also != null) {
                for (int k : also) {
                    found(k, end, length);
                }
            }
        }

        /** Records one occurrence of a key, {@code length} characters long in the text, and what it cues. */
        private void found(int keyId, int end, int length) {
            if (keyStamp[keyId] != stamp) {
                keyStamp[keyId] = stamp;
                keyFirstEnd[keyId] = end;
                keyHeldLength[keyId] = length;
                if (hitCount == hits.length) {
                    hits = java.util.Arrays.copyOf(hits, hitCount * 2);
                }
                hits[hitCount++] = keyId;
            } else if (length > keyHeldLength[keyId]) {
                keyHeldLength[keyId] = length;
            }
            int[] cue = set.keyCue[keyId];
            if (cue != null) {
                switch (cue[0]) {
                    case Cues.STAGE:
                        rcptCue |= cue[1] == RCPT;
                        long score = set.keyStrongCue[keyId]
                                ? 2_000_000_000L + set.keyLength[keyId] * 1_000_000L + end
                                : end;
                        if (score > stageScore) {
                            stageScore = score;
                            stage = cue[1];
                        }
                        break;
                    case Cues.NOTE:
                        stageNoteKey = end - set.keyLength[keyId]; // occurrences come by end: the last one stays
                        break;
                    case Cues.FINAL:
                        finalCue++;
                        permanentCue++;
                        break;
                    case Cues.OUTCOME:
                    case Cues.RETRYING:
                        if (cue[0] == Cues.OUTCOME && cue[1] != Outcome.DEFERRED.ordinal()) {
                            permanentCue++;
                        } else if (end > negatedEnd || end - set.keyLength[keyId] < negatedStart) {
                            transientCue++;
                            transientStart = end - set.keyLength[keyId];
                            transientEnd = end;
                            transientRetrying = cue[0] == Cues.RETRYING;
                            if (transientRetrying) {
                                retryingCue++;
                            }
                        }
                        if (cue.length > 2 && retryEnd < 0) {
                            retryEnd = end;
                        }
                        break;
                    case Cues.NEGATED:
                        // a negated temporary cue holds the temporary cue it negates ("no se reintentará",
                        // "повторная попытка не будет"); occurrences come by end, so the inner cue comes first or,
                        // when both end together, in either order
                        permanentCue++;
                        negatedStart = end - set.keyLength[keyId];
                        negatedEnd = end;
                        if (transientEnd >= 0 && transientStart >= negatedStart) {
                            transientCue--;
                            transientEnd = -1;
                            if (transientRetrying) {
                                retryingCue--;
                            }
                        }
                        break;
                    default:
                        if (retryEnd < 0) {
                            retryEnd = end;
                        }
                        break;
                }
            }
        }

        void candidate(int rule) {
            if (ruleStamp[rule] != stamp) {
                ruleStamp[rule] = stamp;
                if (candCount == cands.length) {
                    cands = java.util.Arrays.copyOf(cands, candCount * 2);
                }
                cands[candCount++] = rule;
            }
        }

        boolean has(int key) {
            return keyStamp[key] == stamp;
        }

        /**
         * Whether a rule may count the key as said: held before a trailing stage note, whose words name the command
         * the reply answered, not the reply ("... (in reply to RCPT TO command)" is no "rcpt" limit, no "command"
         * error). The keys that open such a note count wherever they stand: a rule may ask whether the note is there.
         */
        boolean held(int key) {
            return keyStamp[key] == stamp
                    && (keyFirstEnd[key] <= reply.stageNoteStart() || set.keyOpensStageNote[key]);
        }
    }

    Verdict classify(String input, Stage hint, boolean explain, int depth) {
        Scratch s = scratch(depth);
        ParsedReply p = ReplyParser.parse(input, maxInput, s.reply);
        s.begin(set);
        p.foldThrough(s.chars(p.text().length()));
        set.scan(p, s);
        if (s.stageNoteKey >= 0) {
            p.markStageNote(s.stageNoteKey);
        }
        Stage stage = s.stage >= 0 ? STAGES[s.stage] : hint;
        collect(s, p);
        CompiledRule best = null;
        int bestEvidence = -1;
        int bestSpec = -1;
        List<int[]> matched = explain ? new ArrayList<>() : null;
        for (int i = 0; i < s.candCount; i++) {
            CompiledRule r = set.rules[s.cands[i]];
            long m = evaluate(r, p, s, stage);
            if (m < 0) {
                continue;
            }
            int evidence = (int) (m >>> 8);
            int spec = (int) (m & 0xff);
            if (matched != null) {
                matched.add(new int[] {r.rank, evidence, spec});
            }
            if (best == null || better(r, evidence, spec, best, bestEvidence, bestSpec)) {
                best = r;
                bestEvidence = evidence;
                bestSpec = spec;
                if (r.templateSource != null) {
                    s.keepSpans();
                }
            }
        }
        List<Candidate> losers = matched != null && matched.size() > 1 ? candidates(matched, best) : List.of();
        return best == null ? fallback(p, stage, s, depth, losers) : decide(best, p, stage, s, explain, depth, losers);
    }

    private void collect(Scratch s, ParsedReply p) {
        for (int i = 0; i < s.hitCount; i++) {
            for (int r : set.keyRules[s.hits[i]]) {
                s.candidate(r);
            }
        }
        EnhancedStatusCode e = p.enhancedCode();
        if (e != null) {
            add(s, set.byEnhanced(e.classDigit(), e.subject(), e.detail()));
            add(s, set.byEnhanced(e.classDigit(), e.subject(), -1));
        }
        int code = p.basicCode();
        if (code > 0 && code < 600) {
            add(s, set.byBasic[code]);
        }
        int cl = p.classDigit();
        if (cl > 0) {
            add(s, set.byClass[cl]);
        }
        add(s, set.always);
    }

    private static void add(Scratch s, int[] rules) {
        if (rules != null) {
            for (int r : rules) {
                s.candidate(r);
            }
        }
    }

    /** Returns (evidence << 8 | specificity), or -1 when the rule does not match. */
    private long evaluate(CompiledRule r, ParsedReply p, Scratch s, Stage stage) {
        if (r.noCode && p.basicCode() != 0) {
            return -1;
        }
        int spec = r.staticSpecificity;
        if (r.codes != null && java.util.Arrays.binarySearch(r.codes, p.basicCode()) < 0) {
            return -1;
        }
        if (r.classMask != 0) {
            int cl = p.classDigit();
            if (cl == 0 || (r.classMask & (1 << cl)) == 0) {
                return -1;
            }
        }
        if (r.enhanced != null) {
            EnhancedStatusCode e = p.enhancedCode();
            if (e == null) {
                return -1;
            }
            int bestSpec = -1;
            for (int[] pat : r.enhanced) {
                if ((pat[0] == 0 || pat[0] == e.classDigit()) && pat[1] == e.subject()
                        && (pat[2] < 0 || pat[2] == e.detail())) {
                    bestSpec = Math.max(bestSpec, 2 + (pat[0] == 0 ? 0 : 1) + (pat[2] < 0 ? 0 : 3));
                }
            }
            if (bestSpec < 0) {
                return -1;
            }
            spec += bestSpec;
        }
        if (r.stageMask != 0 && (r.stageMask & (1 << stage.ordinal())) == 0) {
            return -1;
        }
        long evidence = 0;
        // All-of keys first: a keyword rule pairs one common word with a long list of alternatives, and is filed
        // under the alternatives, so most of its evaluations end at the one word it requires.
        if (r.allKeys != null) {
            for (int k : r.allKeys) {
                if (!s.held(k)) {
                    return -1;
                }
                evidence += s.keyHeldLength[k];
            }
        }
        if (r.groupKeys != null) {
            for (int[] group : r.groupKeys) {
                int longest = longestHeld(group, s);
                if (longest < 0) {
                    return -1;
                }
                evidence += longest;
            }
        }
        if (r.anyKeys != null) {
            int longest = longestHeld(r.anyKeys, s);
            if (longest < 0) {
                return -1;
            }
            evidence += longest;
        }
        if (r.notKeys != null) {
            for (int k : r.notKeys) {
                if (s.held(k)) {
                    return -1;
                }
            }
        }
        if (r.messages != null) {
            int matched = -1;
            for (int i = 0; i < r.messages.length; i++) {
                if (s.has(r.messageKeys[i]) && p.messageIs(r.messages[i], r.messageCodes[i], r.messageEnhanced[i])) {
                    matched = Math.max(matched, r.messages[i].length());
                }
            }
            if (matched < 0) {
                return -1;
            }
            evidence += matched;
        }
        if (r.templateSource != null) {
            int matched = r.template().evidence(p.folded(), p.bodyStart(), r.anchored, s.spans);
            if (matched < 0 && r.anchored && p.hasStageNote()) {
                // a template of the whole reply reaches the end of the reply, before the note of its command
                matched = r.template().evidence(p.beforeStageNote(), p.bodyStart(), true, s.spans);
            }
            if (matched < 0) {
                return -1;
            }
            evidence += matched;
        }
        // the regex last: a regex search costs more than any other condition, and a rule with both a template and a
        // regex is a candidate wherever the template's key occurs, so its template turns most texts away first
        if (r.regexSource != null) {
            CharSequence text = p.folded();
            long window = regexWindow(r, text, s);
            int start = (int) (window >>> 32);
            int end = (int) window;
            Matcher m = start == 0 && end == text.length() ? r.regex().matcher(text)
                    : r.regex(start > 0, end < text.length()).matcher(text.subSequence(start, end));
            if (!m.find()) {
                return -1;
            }
            evidence += m.end() - m.start();
        }
        return evidence << 8 | Math.min(spec, 255);
    }

    /**
     * Where a rule's regex is searched, as (start << 32 | end): the whole text when it is short, else
     * {@link #REGEX_REACH} characters either side of the first place one of the rule's phrases occurs, widened to
     * whole words (so that {@code \b} and {@code \S+} see the same edges as in the whole text). Without it, every
     * regex rule whose phrase a long text holds searched all of it: a text of every shipped literal cut at the input
     * limit cost most of a second. A regex's anchors at the text's start and end match nowhere in a window that does
     * not reach them ({@link CompiledRule#regex(boolean, boolean)}); a multi-line regex, whose anchors also mean a
     * line's edges, and a rule tried for its codes alone are searched in the whole text.
     */
    static long regexWindow(CompiledRule r, CharSequence text, Scratch s) {
        int length = text.length();
        if (length <= 2 * REGEX_REACH || r.regexMultiLine) {
            return length;
        }
        long earliest = earliest(r.allKeys, s, earliest(r.anyKeys, s, Long.MAX_VALUE));
        if (r.groupKeys != null) {
            for (int[] keys : r.groupKeys) {
                earliest = earliest(keys, s, earliest);
            }
        }
        if (earliest == Long.MAX_VALUE) {
            return length; // a rule tried for its codes alone: a user's table may have one
        }
        int first = Math.min(length, (int) (earliest >>> 32));
        int firstLength = (int) earliest;
        int start = Math.max(0, first - firstLength - REGEX_REACH);
        int end = Math.min(length, first + REGEX_REACH);
        int startLimit = Math.max(0, start - WORD_REACH);
        while (start > startLimit && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        int endLimit = Math.min(length, end + WORD_REACH);
        while (end < endLimit && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return (long) start << 32 | end;
    }

    /** The earliest first occurrence of these keys the text holds, as (end << 32 | length), else {@code best}. */
    private static long earliest(int[] keys, Scratch s, long best) {
        if (keys != null) {
            for (int k : keys) {
                if (s.held(k) && s.keyFirstEnd[k] < (int) (best >>> 32)) {
                    best = (long) s.keyFirstEnd[k] << 32 | s.keyHeldLength[k];
                }
            }
        }
        return best;
    }

    /**
     * The length of the longest of these keys the reply holds, or -1 when it holds none. The keys are stored longest
     * first (RuleSet), so the first one held is the longest (as the text spells it: another spelling may be shorter).
     */
    private int longestHeld(int[] keys, Scratch s) {
        for (int k : keys) {
            if (s.held(k)) {
                return s.keyHeldLength[k];
            }
        }
        return -1;
    }

    private static boolean better(CompiledRule r, int ev, int spec, CompiledRule b, int bev, int bspec) {
        if (r.tier != b.tier) {
            return r.tier < b.tier;
        }
        if (r.user != b.user) {
            return r.user;
        }
        if (ev != bev) {
            return ev > bev;
        }
        if (spec != bspec) {
            return spec > bspec;
        }
        return r.rank < b.rank;
    }

    private List<Candidate> candidates(List<int[]> matched, CompiledRule winner) {
        matched.sort((a, b) -> {
            CompiledRule ra = set.rules[a[0]];
            CompiledRule rb = set.rules[b[0]];
            if (better(ra, a[1], a[2], rb, b[1], b[2])) {
                return -1;
            }
            return better(rb, b[1], b[2], ra, a[1], a[2]) ? 1 : 0;
        });
        List<Candidate> out = new ArrayList<>(matched.size() - 1);
        for (int[] m : matched) {
            CompiledRule r = set.rules[m[0]];
            if (r != winner) {
                out.add(new Candidate(r.plugin, r.id, r.level, Optional.ofNullable(r.category)));
            }
        }
        return out;
    }

    private Verdict fallback(ParsedReply p, Stage stage, Scratch s, int depth, List<Candidate> losers) {
        int cl = p.classDigit();
        Outcome outcome = Outcome.ofClassDigit(cl);
        Category category;
        String explanation;
        boolean codeless = outcome == Outcome.UNKNOWN;
        if (codeless) {
            outcome = cueOutcome(s);
        }
        if (codeless && outcome == Outcome.DEFERRED) {
            // as a bare 4xx below: the text says only that the failure is temporary
            category = Category.TRANSIENT_OTHER;
            explanation = "The text reports a temporary failure without saying more, and carries no reply code; the"
                    + " message will be retried.";
        } else if (codeless) {
            category = Category.UNCLASSIFIED;
            explanation = "Nothing in the text says what happened; no rule matched and it carries no reply code.";
        } else if (outcome == Outcome.DELIVERED) {
            category = null;
            explanation = "The server accepted the message or command (2xx reply).";
        } else if (outcome == Outcome.DEFERRED) {
            category = Category.TRANSIENT_OTHER;
            explanation = "The server reported a temporary failure (4xx) without saying more; the message will be retried.";
        } else {
            category = Category.UNCLASSIFIED;
            explanation = "The server reported a permanent failure (5xx) that no rule recognises; a person should look at it.";
        }
        Advice advice = category == null ? Advice.NONE : adviceFor(category, outcome);
        Party party = category == null ? Party.NONE : category.defaultParty();
        RuleRef rule = cl >= 2 && cl <= 5 ? CLASS_RULES[cl] : null;
        return verdict(p, s, null, outcome, category, null, advice, party, origin(p, depth), stage, explanation, -1,
                null, 0, rule, losers, NO_BINDINGS, 0);
    }

    private static Advice adviceFor(Category category, Outcome outcome) {
        if (outcome == Outcome.DELIVERED) {
            return Advice.NONE;
        }
        Advice a = category.defaultAdvice(outcome);
        if (outcome == Outcome.DEFERRED && a == Advice.SUPPRESS_RECIPIENT) {
            return Advice.RETRY;
        }
        return a;
    }

    /**
     * The outcome the wording states when no code does. Temporary wording wins over final wording
     * ("was rejected, please try again later" is a deferral); final wording alone means the attempt failed.
     */
    private static Outcome cueOutcome(Scratch s) {
        if (s.finalCue > 0) {
            return Outcome.FAILED;
        }
        if (s.transientCue > 0) {
            return Outcome.DEFERRED;
        }
        if (s.permanentCue > 0) {
            return Outcome.FAILED;
        }
        return Outcome.UNKNOWN;
    }

    /**
     * The verdict from its parts, with what every verdict carries added from the parsed reply (codes, flags, the
     * retry delay the text states, else {@code innerDelay}) and the table's category overrides applied.
     */
    private Verdict verdict(ParsedReply p, Scratch s, CompiledRule decided, Outcome outcome, Category category,
            String reason, Advice advice,
            Party party, Origin origin, Stage stage, String explanation, int innerDelay, Verdict inner, int flagMask,
            RuleRef rule, List<Candidate> losers, String[] bindings, int bindingsLength) {
        int mask = flagMask;
        if (p.truncated()) {
            mask |= 1 << Flag.TRUNCATED.ordinal();
        }
        EnhancedStatusCode enhanced = p.enhancedCode();
        int code = p.basicCode();
        if (code >= 200 && enhanced != null && code / 100 != enhanced.classDigit()) {
            mask |= 1 << Flag.CODE_MISMATCH.ordinal();
        }
        int delay = s.retryEnd >= 0 ? Cues.parseDelay(p.folded(), s.retryEnd) : -1;
        if (delay < 0) {
            delay = innerDelay;
        }
        if (category != null && !set.overrides.isEmpty()) {
            int classDigit = p.classDigit();
            for (TableCategoryOverride o : set.overrides) {
                if (o.category() != category
                        || (o.classes() != null && !o.classes().isEmpty() && !o.classes().contains(classDigit))) {
                    continue;
                }
                if (o.outcome() != null) {
                    outcome = o.outcome();
                }
                if (o.advice() != null) {
                    advice = o.advice();
                }
                if (o.party() != null) {
                    party = o.party(); // the loader refuses a DELIVERED outcome for a bounce category
                }
            }
        }
        // A verdict with no bound values, embedded reply or candidates depends on nothing but the parts compared
        // below: the last one each rule (or reply class, for the fallback) made is given again when they agree.
        boolean reusable = inner == null && bindingsLength == 0 && losers.isEmpty();
        int slot = p.classDigit();
        Made last = !reusable ? null : decided != null ? decided.lastMade
                : slot >= 0 && slot < fallbackMade.length ? fallbackMade[slot] : null;
        Verdict v;
        if (last != null && last.outcome == outcome && last.category == category && last.reason == reason
                && last.advice == advice && last.party == party && last.origin == origin && last.stage == stage
                && last.code == code && Objects.equals(last.enhanced, enhanced) && last.explanation == explanation
                && last.delay == delay && last.flagMask == mask) {
            // the rule is the same too: the deciding rule's own, or the fallback's for the class digit of the slot
            v = last.verdict;
        } else {
            v = Verdict.of(outcome, category, reason, advice, party, origin, stage, code, enhanced, explanation, delay,
                    inner, FLAG_SETS[mask], rule, losers, bindings, bindingsLength);
            java.util.Arrays.fill(bindings, 0, bindingsLength, null);
            if (reusable) {
                Made made = new Made(v, outcome, category, reason, advice, party, origin, stage, code, enhanced,
                        explanation, delay, mask);
                if (decided != null) {
                    decided.lastMade = made;
                } else if (slot >= 0 && slot < fallbackMade.length) {
                    fallbackMade[slot] = made;
                }
            }
        }
        s.madeRule = rule;
        s.madeCategory = category;
        s.madeReason = reason;
        s.madeDelay = delay;
        return v;
    }

    /**
     * The verdict of the winning rule, in four steps: the values its template bound (and the verdict of an
     * embedded reply), the category, the outcome, then advice and party.
     */
    private Verdict decide(CompiledRule r, ParsedReply p, Stage parsedStage, Scratch s, boolean explain, int depth,
            List<Candidate> losers) {
        Stage stage = r.stage != null ? r.stage : parsedStage;
        int bound = 0;
        Verdict inner = null;
        RuleRef innerRule = null;
        Category innerCategory = null;
        String innerReason = null;
        int innerDelay = -1;
        int innerCode = -1;
        if (r.templateSource != null && !r.template().placeholders().isEmpty()) {
            bound = bind(r, p, s, stage, explain, depth);
            inner = s.inner;
            s.inner = null;
            if (inner != null) {
                Scratch in = scratch(depth + 1);
                innerRule = in.madeRule;
                innerCategory = in.madeCategory;
                innerReason = in.madeReason;
                innerDelay = in.madeDelay;
                innerCode = in.reply.basicCode();
            }
        }
        // an embedded reply decided by no more than its class digit says nothing the rule does not
        boolean inherit = r.inherit && innerRule != null && innerRule.level() != EvidenceLevel.CLASS;
        if (inherit && r.stage == null && stage == Stage.UNKNOWN) {
            // a notice that names no stage reports the failure its quoted report describes, at that report's stage
            stage = inner.stage();
        }
        Category category = category(r, inner, innerCategory, inherit);
        boolean sendersAddress = depth == 0
                && (inherit ? innerRule.level() : r.level).compareTo(EvidenceLevel.KEYWORD) <= 0
                && senderSide(r, category, stage, p, s);
        if (sendersAddress) {
            category = Category.INVALID_SENDER;
        }
        Outcome outcome = outcome(r, inner, innerCode, p, s, category);
        if (outcome == Outcome.DELIVERED && !(r.outcome == Outcome.DELIVERED && category != null
                && category.disposition() == Disposition.NOT_A_BOUNCE)) {
            // a delivered reply has no category; an automatic reply that says the message arrived keeps its own
            category = null;
        } else if (category == null) {
            category = Category.UNCLASSIFIED;
        }
        Advice advice;
        Party party;
        if (category == null) {
            advice = Advice.NONE;
            party = Party.NONE;
        } else if (sendersAddress) {
            advice = adviceFor(category, outcome);
            party = category.defaultParty();
        } else if (inherit && innerCategory == category && outcome == inner.outcome()) {
            // the embedded reply was understood: its advice and party hold; the rule's own are its fallback
            advice = inner.advice();
            party = inner.party();
        } else {
            advice = r.advice != null ? r.advice : adviceFor(category, outcome);
            party = r.party != null ? r.party : category.defaultParty();
        }
        String reason = sendersAddress ? null : inherit && r.reason == null ? innerReason : r.reason;
        Origin origin = r.origin != null ? r.origin : origin(p, depth);
        String explanation = sendersAddress ? SENDER_SIDE
                : inherit ? r.inheritedExplanation(inner.explanation()) : r.explanation;
        return verdict(p, s, r, outcome, category, reason, advice, party, origin, stage, explanation, innerDelay, inner,
                r.flagMask, r.ref, losers, s.bound, bound);
    }

    /**
     * Binds the values of the winning template's placeholders, from the spans found while matching, as the input
     * wrote them, as name, value pairs in the scratch's {@code bound}; returns how many elements it filled, and leaves
     * the verdict of the embedded reply in the scratch's {@code inner} when the template has a {MESSAGE}.
     */
    private int bind(CompiledRule r, ParsedReply p, Scratch s, Stage stage, boolean explain, int depth) {
        int[] spans = s.bestSpans;
        Verdict inner = null;
        List<Placeholder> placeholders = r.template().placeholders();
        // where each folded character came from, so that values are bound as the input wrote them
        int[] offsets = s.offsets(p.text().length() + 1);
        Normalizer.offsets(p.text(), p.skips(), offsets);
        String[] out = s.bound;
        int n = 0;
        for (int i = 0; i < placeholders.size(); i++) {
            int from = spans[2 * i];
            if (from < 0) {
                continue;
            }
            Placeholder ph = placeholders.get(i);
            // the value stripped of white space and unwrapped, then cut out of the text once
            String text = p.text();
            int start = offsets[from];
            int end = offsets[spans[2 * i + 1] - 1] + 1;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            long range = ph.unwrap(text, start, end);
            String value = text.substring((int) (range >>> 32), (int) range);
            out[n++] = ph.name();
            out[n++] = value;
            if (ph == Placeholder.MESSAGE && depth < maxDepth && !value.isEmpty()) {
                inner = embedded(value, stage, explain, depth);
            }
        }
        s.inner = inner;
        return n;
    }

    /** The verdict of a reply embedded in a vendor's message: said by the remote server unless it says otherwise. */
    private Verdict embedded(String reply, Stage stage, boolean explain, int depth) {
        // a real embedded reply is short: classifying a hostile one in full at every depth would multiply the
        // work by the depth
        boolean cut = reply.length() > MAX_EMBEDDED;
        Verdict inner = classify(cut ? reply.substring(0, MAX_EMBEDDED) : reply, stage, explain, depth + 1);
        if (cut) {
            inner = inner.toBuilder().flag(Flag.TRUNCATED).build();
        }
        return inner;
    }

    /**
     * Who wrote a text no rule names the writer of: a reply with a code, or one embedded in a vendor's message, is
     * the remote server's; anything else cannot be told.
     */
    private static Origin origin(ParsedReply p, int depth) {
        return p.basicCode() != 0 || depth > 0 ? Origin.REMOTE : Origin.UNKNOWN;
    }

    /**
     * Whether words about a missing address or domain answer the envelope sender: said in reply to MAIL FROM (RFC
     * 5321 §3.3: that command gives the reverse-path, the recipients come later) or under RFC 3463's sender codes
     * X.1.7 (bad sender's mailbox syntax) and X.1.8 (bad sender's system address), "user unknown" or "domain not
     * found" name the sender, not a recipient. A rule that names its stages has said what it means, and a text that
     * also names RCPT TO (a pipelined transcript: MAIL, RCPT and DATA sent together, the replies after them) may be
     * answering the recipient. Only the whole text is weighed: a quoted reply is read in the stage its wrapper names,
     * and only the wrapper sees whether the rest of the text names RCPT TO. Only words are read so: a verdict that
     * rests on a code alone comes from the code tables, which weigh the stage against the code's own detail (X.1.1
     * names the destination mailbox whatever the stage).
     */
    private static boolean senderSide(CompiledRule r, Category category, Stage stage, ParsedReply p, Scratch s) {
        if ((category != Category.INVALID_RECIPIENT && category != Category.BAD_DOMAIN) || r.stageMask != 0) {
            return false;
        }
        // a sender status code names the sender whatever the command: Postfix rejects a sender only after RCPT by
        // default (smtpd_delay_reject), so "550 5.1.8 ... (in reply to RCPT TO command)" is still about the sender
        EnhancedStatusCode e = p.enhancedCode();
        if (e != null && e.subject() == 1 && (e.detail() == 7 || e.detail() == 8)) {
            return true;
        }
        return stage == Stage.MAIL && !s.rcptCue;
    }

    private static final int RCPT = Stage.RCPT.ordinal();

    private static final String SENDER_SIDE = "The receiving server refused the envelope sender: in reply to MAIL FROM,"
            + " or under a sender status code, the address or domain it does not know or accept is the sender's, so the"
            + " sender address or its domain must be fixed; the recipient is not at fault.";

    /**
     * Whether {@code r} is a wrapper that names a failure of its own (a category, an outcome that is no delivery)
     * around an embedded reply that reads as delivered: an application's failed login quoting the server's
     * greeting ({@code AuthenticationException: 220 ...}). The positive reply is not what happened to the message.
     */
    private static boolean deliveredInsideAFailure(CompiledRule r, Verdict inner) {
        return inner != null && inner.outcome() == Outcome.DELIVERED && r.category != null
                && r.outcome != Outcome.DELIVERED;
    }

    /**
     * The category: the embedded reply's when the rule inherits it (the rule's own where that reply reads as delivered
     * inside a failure the rule names), else the rule's own, else the embedded one's.
     */
    private static Category category(CompiledRule r, Verdict inner, Category innerCategory, boolean inherit) {
        if (inherit && deliveredInsideAFailure(r, inner)) {
            // a wrapper that names a failure quotes a delivered reply (a greeting in a failed login): no bounce
            // category comes from the reply, so the wrapper's own names what failed
            return r.category;
        }
        if (inherit) {
            return innerCategory;
        }
        if (r.category != null) {
            return r.category;
        }
        return inner != null ? innerCategory : null;
    }

    /**
     * The outcome policy of the verdict model: a rule's fixed outcome; else the embedded reply's; else the basic
     * code's class; else the enhanced code's; else the rule's stated outcome; else, for a category that is no
     * bounce (an automatic reply, an opt-out), the category's default; else what the wording says; else the
     * category's default.
     */
    private static Outcome outcome(CompiledRule r, Verdict inner, int innerCode, ParsedReply p, Scratch s,
            Category category) {
        if (r.outcomeFixed) {
            return r.outcome;
        }
        if (r.inherit && deliveredInsideAFailure(r, inner) && r.outcome != null) {
            return r.outcome;
        }
        // a reply that quotes another under a code of its own (Postfix's 450 around an address probe's 550) is
        // acted on by its own code; a wrapper without one takes the quoted reply's outcome
        boolean ownCode = p.basicCode() >= 200 && p.basicCode() != innerCode;
        if (r.inherit && inner != null && inner.outcome() != Outcome.UNKNOWN && !ownCode) {
            return inner.outcome();
        }
        // a greeting, a goodbye or a login accepted (220, 221, 235) before the words of a failure is a step of the
        // session that went well, not the server accepting the message: the failure's words decide; so is any 2xx
        // that the sending side's own failure report quotes from its session (an EHLO's 250 before a read timeout)
        boolean notAnAcceptance = p.basicCode() / 100 == 2 && category != null
                && category.disposition() != Disposition.NOT_A_BOUNCE
                && (!acceptsMessage(p.basicCode()) || r.origin == Origin.LOCAL);
        if (p.basicCode() >= 200 && !notAnAcceptance) {
            return Outcome.ofClassDigit(p.basicCode() / 100);
        }
        if (p.enhancedCode() != null && !(notAnAcceptance && p.enhancedCode().outcome() == Outcome.DELIVERED)) {
            return p.enhancedCode().outcome();
        }
        // a failed outcome the rule states for its meaning gives way when the sending side says it will try again
        // ("mailbox full, retrying later") and has not given up since
        if (r.outcome != null && !(r.outcome == Outcome.FAILED && s.retryingCue > 0 && s.finalCue == 0)) {
            return r.outcome;
        }
        if (category != null && category.disposition() == Disposition.NOT_A_BOUNCE) {
            // "temporarily" in an out-of-office notice is about the person, not about a delivery attempt
            return category.defaultOutcome();
        }
        Outcome cue = cueOutcome(s);
        if (cue != Outcome.UNKNOWN) {
            return cue;
        }
        if (category == null) {
            return Outcome.UNKNOWN;
        }
        Outcome byCategory = category.defaultOutcome();
        return byCategory == Outcome.UNKNOWN && REFUSALS.contains(category) ? Outcome.FAILED : byCategory;
    }

    /** Whether a 2xx reply code says the server took a message or recipient (RFC 5321 §4.2.2: 250, 251, 252). */
    private static boolean acceptsMessage(int code) {
        return code == 250 || code == 251 || code == 252;
    }

    /**
     * Categories that can go either way by their code, but which, named in words with no code and no word of
     * a temporary failure, report a refusal: a receiver that wants the message tried again says so ("try again
     * later", "temporarily", "deferred"), while a refusal of the sender, the content or the mailbox given as words
     * alone is the receiver's last word. Failures of systems and routes (server errors, routing, TLS, the sending
     * MTA's own rules) are left out: they are as often transient as not.
     */
    private static final Set<Category> REFUSALS = EnumSet.of(Category.MAILBOX_INACTIVE,
            Category.AUTH_FAILURE, Category.INVALID_SENDER, Category.REPUTATION_BLOCK, Category.SPAM_CONTENT,
            Category.POLICY_BLOCK);
}
