package io.smtpverdict.core;

import com.google.re2j.Matcher;
import io.smtpverdict.core.match.AhoCorasick;
import io.smtpverdict.core.parse.Normalizer;
import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.core.parse.ReplyParser;
import io.smtpverdict.core.table.TableCategoryOverride;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Candidate;
import io.smtpverdict.spi.Category;
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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides one verdict: scans the folded text once with the automaton, evaluates the rules the hits and
 * codes point at, picks the winner by evidence level and tie rules, and fills the verdict. Thread-safe:
 * per-call state lives in a thread-local scratch, one per recursion depth.
 */
final class Classifier {
    private static final Stage[] STAGES = Stage.values();
    private static final RuleRef[] CLASS_RULES = {
        null, null,
        new RuleRef("core", "core.class-2", EvidenceLevel.CLASS),
        null,
        new RuleRef("core", "core.class-4", EvidenceLevel.CLASS),
        new RuleRef("core", "core.class-5", EvidenceLevel.CLASS),
    };

    /** The most characters of an embedded {MESSAGE} reply that are classified. */
    static final int MAX_EMBEDDED = 8192;

    private final RuleSet set;
    private final int maxInput;
    private final int maxDepth;
    private final ThreadLocal<Scratch[]> scratch;

    Classifier(RuleSet set, int maxInput, int maxDepth) {
        this.set = set;
        this.maxInput = maxInput;
        this.maxDepth = maxDepth;
        int keys = set.keyRules.length;
        int rules = set.rules.length;
        this.scratch = ThreadLocal.withInitial(() -> {
            Scratch[] s = new Scratch[maxDepth + 1];
            for (int i = 0; i < s.length; i++) {
                s[i] = new Scratch(keys, rules);
            }
            return s;
        });
    }

    ParsedReply parse(String input) {
        return ReplyParser.parse(input, maxInput);
    }

    /** Per-call state, reused across calls on one thread. */
    static final class Scratch implements AhoCorasick.HitSink {
        final int[] keyStamp;
        final int[] ruleStamp;
        int stamp;
        int[] hits = new int[64];
        int hitCount;
        int[] cands = new int[64];
        int candCount;
        RuleSet set;
        long stageScore;
        int stage;
        int transientCue;
        int permanentCue;
        int retryEnd;

        Scratch(int keys, int rules) {
            keyStamp = new int[keys];
            ruleStamp = new int[rules];
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
            transientCue = 0;
            permanentCue = 0;
            retryEnd = -1;
        }

        @Override
        public void hit(int keyId, int end) {
            if (keyStamp[keyId] != stamp) {
                keyStamp[keyId] = stamp;
                if (hitCount == hits.length) {
                    hits = java.util.Arrays.copyOf(hits, hitCount * 2);
                }
                hits[hitCount++] = keyId;
            }
            int[] cue = set.keyCue[keyId];
            if (cue != null) {
                switch (cue[0]) {
                    case Cues.STAGE:
                        long score = set.keyStrongCue[keyId]
                                ? 2_000_000_000L + set.keyLength[keyId] * 1_000_000L + end
                                : end;
                        if (score > stageScore) {
                            stageScore = score;
                            stage = cue[1];
                        }
                        break;
                    case Cues.OUTCOME:
                        if (cue[1] == Outcome.DEFERRED.ordinal()) {
                            transientCue++;
                        } else {
                            permanentCue++;
                        }
                        if (cue.length > 2 && retryEnd < 0) {
                            retryEnd = end;
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
    }

    Verdict classify(String input, Stage hint, boolean explain, int depth) {
        ParsedReply p = ReplyParser.parse(input, maxInput);
        Scratch s = scratch.get()[depth];
        s.begin(set);
        set.automaton.scanFolding(p.text(), s);
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
            }
        }
        Verdict v = best == null ? fallback(p, stage, s) : decide(best, p, stage, s, explain, depth);
        if (matched != null && matched.size() > 1) {
            v = v.toBuilder().candidates(candidates(matched, best)).build();
        }
        return v;
    }

    private void collect(Scratch s, ParsedReply p) {
        for (int i = 0; i < s.hitCount; i++) {
            for (int r : set.keyRules[s.hits[i]]) {
                s.candidate(r);
            }
        }
        EnhancedStatusCode e = p.enhancedCode();
        if (e != null) {
            add(s, set.byEnhanced.get(RuleSet.enhancedKey(e.classDigit(), e.subject(), e.detail())));
            add(s, set.byEnhanced.get(RuleSet.enhancedKey(e.classDigit(), e.subject(), -1)));
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
        if (r.anyKeys != null) {
            int longest = -1;
            for (int k : r.anyKeys) {
                if (s.has(k) && set.keyLength[k] > longest) {
                    longest = set.keyLength[k];
                }
            }
            if (longest < 0) {
                return -1;
            }
            evidence += longest;
        }
        if (r.allKeys != null) {
            for (int k : r.allKeys) {
                if (!s.has(k)) {
                    return -1;
                }
                evidence += set.keyLength[k];
            }
        }
        if (r.notKeys != null) {
            for (int k : r.notKeys) {
                if (s.has(k)) {
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
        if (r.regex != null) {
            Matcher m = r.regex.matcher(p.normalized());
            if (!m.find()) {
                return -1;
            }
            evidence += m.end() - m.start();
        }
        if (r.template != null) {
            int[] spans = r.template.match(p.normalized(), p.bodyStart(), r.anchored);
            if (spans == null) {
                return -1;
            }
            evidence += r.template.evidence(spans);
        }
        return evidence << 8 | Math.min(spec, 255);
    }

    private static boolean better(CompiledRule r, int ev, int spec, CompiledRule b, int bev, int bspec) {
        if (r.level != b.level) {
            return r.level.ordinal() < b.level.ordinal();
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

    private Verdict fallback(ParsedReply p, Stage stage, Scratch s) {
        int cl = p.classDigit();
        Outcome outcome = Outcome.ofClassDigit(cl);
        Verdict.Builder b = Verdict.builder();
        Category category;
        if (outcome == Outcome.UNKNOWN) {
            outcome = cueOutcome(s);
            category = Category.UNCLASSIFIED;
            b.explanation("Nothing in the text says what happened; no rule matched and it carries no reply code.");
        } else if (outcome == Outcome.DELIVERED) {
            category = null;
            b.explanation("The server accepted the message or command (2xx reply).");
        } else if (outcome == Outcome.DEFERRED) {
            category = Category.TRANSIENT_OTHER;
            b.explanation("The server reported a temporary failure (4xx) without saying more; the message will be retried.");
        } else {
            category = Category.UNCLASSIFIED;
            b.explanation("The server reported a permanent failure (5xx) that no rule recognises; a person should look at it.");
        }
        b.outcome(outcome).category(Optional.ofNullable(category)).stage(stage)
                .origin(p.basicCode() != 0 ? Origin.REMOTE : Origin.UNKNOWN);
        if (category == null) {
            b.advice(Advice.NONE).party(Party.NONE);
        } else {
            b.advice(adviceFor(category, outcome)).party(category.defaultParty());
        }
        if (cl >= 2 && cl <= 5 && CLASS_RULES[cl] != null) {
            b.rule(Optional.of(CLASS_RULES[cl]));
        }
        common(b, p, s);
        return applyOverrides(b.build(), cl);
    }

    /**
     * The verdict with the outcome the reporting MTA stated: a delivered outcome drops the category; a deferral
     * never advises suppression; a failure of a text read as temporary takes the category's permanent advice.
     * Flags {@link Flag#CODE_MISMATCH} when the text stated another outcome itself.
     */
    static Verdict withStatedOutcome(Verdict v, Outcome stated) {
        Verdict.Builder b = v.toBuilder().outcome(stated);
        if (v.outcome() != Outcome.UNKNOWN) {
            b.flag(Flag.CODE_MISMATCH);
        }
        String said;
        if (stated == Outcome.DELIVERED) {
            b.category(Optional.empty()).advice(Advice.NONE).party(Party.NONE);
            said = "delivered";
        } else {
            Category category = v.category().orElse(stated == Outcome.DEFERRED ? Category.TRANSIENT_OTHER
                    : Category.UNCLASSIFIED);
            b.category(category);
            if (v.category().isEmpty()) {
                b.party(category.defaultParty());
            }
            if (v.category().isEmpty() || v.outcome() != Outcome.FAILED) {
                b.advice(adviceFor(category, stated));
            } else if (stated == Outcome.DEFERRED && v.advice() == Advice.SUPPRESS_RECIPIENT) {
                b.advice(Advice.RETRY);
            }
            said = stated == Outcome.DEFERRED ? "deferred and will be retried" : "failed for good";
        }
        return b.explanation(v.explanation() + " The reporting MTA itself states the delivery " + said + ".").build();
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
        if (s.transientCue > 0) {
            return Outcome.DEFERRED;
        }
        if (s.permanentCue > 0) {
            return Outcome.FAILED;
        }
        return Outcome.UNKNOWN;
    }

    /** Fills the parts every verdict has; returns the retry delay the text states, or -1. */
    private int common(Verdict.Builder b, ParsedReply p, Scratch s) {
        b.code(p.basicCode() == 0 ? OptionalInt.empty() : OptionalInt.of(p.basicCode()))
                .enhancedCode(Optional.ofNullable(p.enhancedCode()));
        if (p.truncated()) {
            b.flag(Flag.TRUNCATED);
        }
        if (p.basicCode() >= 200 && p.enhancedCode() != null && p.basicCode() / 100 != p.enhancedCode().classDigit()) {
            b.flag(Flag.CODE_MISMATCH);
        }
        int delay = s.retryEnd >= 0 ? Cues.parseDelay(p.normalized(), s.retryEnd) : -1;
        if (delay >= 0) {
            b.retryAfterSeconds(OptionalInt.of(delay));
        }
        return delay;
    }

    private Verdict decide(CompiledRule r, ParsedReply p, Stage parsedStage, Scratch s, boolean explain, int depth) {
        Verdict.Builder b = Verdict.builder();
        Verdict inner = null;
        Stage stage = r.stage != null ? r.stage : parsedStage;
        if (r.template != null && !r.template.placeholders().isEmpty()) {
            int[] spans = r.template.match(p.normalized(), p.bodyStart(), r.anchored);
            if (spans != null) {
                int[] offsets = new int[p.text().length() + 1];
                Normalizer.normalize(p.text(), offsets);
                List<String> names = r.template.placeholders();
                for (int i = 0; i < names.size(); i++) {
                    int from = spans[2 * i];
                    int to = spans[2 * i + 1];
                    if (from < 0) {
                        continue;
                    }
                    String value = unwrap(names.get(i), p.text().substring(offsets[from], offsets[to - 1] + 1).strip());
                    b.binding(names.get(i), value);
                    if (names.get(i).equals("MESSAGE") && depth < maxDepth && !value.isEmpty()) {
                        // a real embedded reply is short: classifying a hostile one in full at every depth
                        // would multiply the work by the depth
                        boolean cut = value.length() > MAX_EMBEDDED;
                        inner = classify(cut ? value.substring(0, MAX_EMBEDDED) : value, stage, explain, depth + 1);
                        if (cut) {
                            inner = inner.toBuilder().flag(Flag.TRUNCATED).build();
                        }
                        if (inner.origin() == Origin.UNKNOWN) {
                            inner = inner.toBuilder().origin(Origin.REMOTE).build();
                        }
                    }
                }
            }
        }
        boolean innerMeaningful = inner != null && inner.rule().isPresent()
                && inner.rule().get().level() != EvidenceLevel.CLASS;
        boolean inherit = r.inherit && innerMeaningful;
        Category category;
        if (inherit) {
            category = inner.category().orElse(null);
        } else if (r.category != null) {
            category = r.category;
        } else {
            category = inner != null ? inner.category().orElse(null) : null;
        }
        Outcome outcome;
        if (r.outcomeFixed) {
            outcome = r.outcome;
        } else if (r.inherit && inner != null && inner.outcome() != Outcome.UNKNOWN) {
            outcome = inner.outcome();
        } else if (p.basicCode() >= 200) {
            outcome = Outcome.ofClassDigit(p.basicCode() / 100);
        } else if (p.enhancedCode() != null) {
            outcome = p.enhancedCode().outcome();
        } else if (r.outcome != null) {
            outcome = r.outcome;
        } else if (cueOutcome(s) != Outcome.UNKNOWN) {
            outcome = cueOutcome(s);
        } else if (category != null) {
            outcome = category.defaultOutcome();
        } else {
            outcome = Outcome.UNKNOWN;
        }
        if (outcome == Outcome.DELIVERED) {
            category = null;
        } else if (category == null) {
            category = Category.UNCLASSIFIED;
        }
        b.outcome(outcome).category(Optional.ofNullable(category));
        if (category == null) {
            b.advice(Advice.NONE).party(Party.NONE);
        } else if (inherit && inner.category().orElse(null) == category) {
            // the embedded reply was understood: its advice and party hold; the rule's own are its fallback
            b.advice(inner.advice()).party(inner.party());
        } else {
            b.advice(r.advice != null ? r.advice : adviceFor(category, outcome))
                    .party(r.party != null ? r.party : category.defaultParty());
        }
        b.reason(Optional.ofNullable(inherit && r.reason == null ? inner.reason().orElse(null) : r.reason));
        b.origin(r.origin != null ? r.origin : p.basicCode() != 0 ? Origin.REMOTE : Origin.UNKNOWN);
        b.stage(stage);
        b.explanation(inherit ? r.explanation + " " + inner.explanation() : r.explanation);
        b.inner(Optional.ofNullable(inner));
        for (Flag f : r.flags) {
            b.flag(f);
        }
        b.rule(Optional.of(r.ref));
        if (common(b, p, s) < 0 && inner != null && inner.retryAfterSeconds().isPresent()) {
            b.retryAfterSeconds(inner.retryAfterSeconds());
        }
        return applyOverrides(b.build(), p.classDigit());
    }

    /**
     * An address binds without the brackets around it ({@code [192.0.2.1]}, {@code <a@b.example>}) and without
     * the full stop of a sentence it ends ("Giving up on 192.0.2.153.").
     */
    private static String unwrap(String name, String value) {
        if ((name.equals("IP") || name.equals("HOSTNAME") || name.equals("DOMAIN") || name.equals("BLOCKLIST"))
                && value.length() > 1 && value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.length() > 2 && ((name.equals("IP") && value.startsWith("[") && value.endsWith("]"))
                || (name.equals("EMAIL") && value.startsWith("<") && value.endsWith(">")))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private Verdict applyOverrides(Verdict v, int classDigit) {
        if (set.overrides.isEmpty() || v.category().isEmpty()) {
            return v;
        }
        Verdict out = v;
        for (TableCategoryOverride o : set.overrides) {
            if (o.category() != v.category().get()) {
                continue;
            }
            if (o.classes() != null && !o.classes().isEmpty() && !o.classes().contains(classDigit)) {
                continue;
            }
            Verdict.Builder b = out.toBuilder();
            if (o.outcome() != null) {
                b.outcome(o.outcome());
            }
            if (o.advice() != null) {
                b.advice(o.advice());
            }
            if (o.party() != null) {
                b.party(o.party());
            }
            out = b.build();
        }
        return out;
    }
}
