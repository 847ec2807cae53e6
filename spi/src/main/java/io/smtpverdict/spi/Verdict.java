package io.smtpverdict.spi;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a reply means and what to do about it: outcome, category, advice, responsible party, origin, stage,
 * an explanation, and which rule decided. Immutable and safe to share.
 */
public final class Verdict {
    // The outcome, category, advice, party, origin, stage and flags are packed into one int (ordinals; the
    // category's plus one, 0 for none; the flags as a bit mask): a verdict is made for every reply classified,
    // and six references fewer make it a third smaller.
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final Category[] CATEGORIES = Category.values();
    private static final Advice[] ADVICES = Advice.values();
    private static final Party[] PARTIES = Party.values();
    private static final Origin[] ORIGINS = Origin.values();
    private static final Stage[] STAGES = Stage.values();
    private static final int OUTCOME_SHIFT = 0;
    private static final int CATEGORY_SHIFT = 3;
    private static final int ADVICE_SHIFT = 10;
    private static final int PARTY_SHIFT = 14;
    private static final int ORIGIN_SHIFT = 19;
    private static final int STAGE_SHIFT = 22;
    private static final int FLAGS_SHIFT = 27;

    static {
        if (OUTCOMES.length > 1 << 3 || CATEGORIES.length + 1 > 1 << 7 || ADVICES.length > 1 << 4
                || PARTIES.length > 1 << 5 || ORIGINS.length > 1 << 3 || STAGES.length > 1 << 5
                || Flag.values().length > 5) {
            throw new IllegalStateException("an enum outgrew its bits in Verdict's packed fields");
        }
    }

    private final int packed;
    private final String reason;
    private final int code;
    private final EnhancedStatusCode enhancedCode;
    private final String explanation;
    private final int retryAfterSeconds;
    /**
     * The bindings (a Map), or a {@link Tail} with them when losing candidates are listed too: candidates are rare
     * (only when an explanation is asked for), and one field fewer keeps a verdict at 48 bytes.
     */
    private final Object tail;
    private final Verdict inner;
    private final RuleRef rule;

    private Verdict(Builder b) {
        this.packed = pack(b.outcome, b.category, b.advice, b.party, b.origin, b.stage,
                b.flags == null ? 0 : flagMask(b.flags));
        this.reason = b.reason;
        this.code = b.code;
        this.enhancedCode = b.enhancedCode;
        this.explanation = requireNonNull(b.explanation, "explanation is null");
        this.retryAfterSeconds = b.retryAfterSeconds;
        // the builder's collections are handed over, not copied: a builder changed after build() copies them first
        this.tail = tail(b.bindings == null || b.bindings.isEmpty() ? Map.of() : Collections.unmodifiableMap(b.bindings),
                List.copyOf(b.candidates));
        this.inner = b.inner;
        b.built = true;
        this.rule = b.rule;
    }

    /** The bindings and the losing candidates of a verdict, when it lists any. */
    private record Tail(Map<String, String> bindings, List<Candidate> candidates) {
    }

    private static Object tail(Map<String, String> bindings, List<Candidate> candidates) {
        return candidates.isEmpty() ? bindings : new Tail(bindings, candidates);
    }

    /** The packed enums and flags; checks the required ones and that a delivered verdict names no bounce category. */
    private static int pack(Outcome outcome, Category category, Advice advice, Party party, Origin origin, Stage stage,
            int flagMask) {
        requireNonNull(outcome, "outcome is null");
        requireNonNull(advice, "advice is null");
        requireNonNull(party, "party is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(stage, "stage is null");
        if (outcome == Outcome.DELIVERED && category != null && category.disposition() != Disposition.NOT_A_BOUNCE) {
            // an auto-reply or a complaint follows a delivered message; a bounce category never does
            throw new IllegalArgumentException("a delivered verdict has no bounce category: " + category);
        }
        return outcome.ordinal() << OUTCOME_SHIFT | (category == null ? 0 : category.ordinal() + 1) << CATEGORY_SHIFT
                | advice.ordinal() << ADVICE_SHIFT | party.ordinal() << PARTY_SHIFT | origin.ordinal() << ORIGIN_SHIFT
                | stage.ordinal() << STAGE_SHIFT | flagMask << FLAGS_SHIFT;
    }

    /** Every set of flags there can be, made once: index = bit mask of the flags' ordinals. */
    private static final Set<Flag>[] FLAG_SETS;
    private static final Flag[] FLAGS = Flag.values();

    static {
        Flag[] all = FLAGS;
        @SuppressWarnings("unchecked")
        Set<Flag>[] sets = new Set[1 << all.length];
        sets[0] = Set.of();
        for (int mask = 1; mask < sets.length; mask++) {
            EnumSet<Flag> set = EnumSet.noneOf(Flag.class);
            for (Flag f : all) {
                if ((mask & 1 << f.ordinal()) != 0) {
                    set.add(f);
                }
            }
            sets[mask] = Collections.unmodifiableSet(set);
        }
        FLAG_SETS = sets;
    }

    private Verdict(Outcome outcome, Category category, String reason, Advice advice, Party party, Origin origin,
            Stage stage, int code, EnhancedStatusCode enhancedCode, String explanation, int retryAfterSeconds,
            Map<String, String> bindings, Verdict inner, int flagMask, RuleRef rule, List<Candidate> candidates) {
        this.packed = pack(outcome, category, advice, party, origin, stage, flagMask);
        this.reason = reason;
        this.code = code;
        this.enhancedCode = enhancedCode;
        this.explanation = requireNonNull(explanation, "explanation is null");
        this.retryAfterSeconds = retryAfterSeconds;
        this.tail = tail(bindings, candidates);
        this.inner = inner;
        this.rule = rule;
    }

    /**
     * A verdict from its parts as it stores them, for an engine that makes many: the same verdict the
     * {@link #builder() builder} makes from the same values, without a builder or {@code Optional} wrappers.
     * Collections are copied where they could still change (flags map to shared immutable sets, an immutable
     * candidate list is kept as it is).
     *
     * @param outcome the outcome
     * @param category the category, or null (a delivered reply has none)
     * @param reason the finer reason, or null
     * @param advice the advice
     * @param party the responsible party
     * @param origin the origin
     * @param stage the stage
     * @param code the basic reply code, or 0 for none
     * @param enhancedCode the enhanced status code, or null
     * @param explanation the explanation
     * @param retryAfterSeconds the retry delay in seconds, or -1 for none
     * @param inner the verdict on an embedded reply, or null
     * @param flags the flags
     * @param rule the deciding rule, or null
     * @param candidates the losing candidates
     * @param bindings the bound values as name, value, name, value, ... in order (copied; a repeated name keeps
     *     its first place and takes the later value, as {@link Builder#binding} does)
     * @return the verdict
     * @throws NullPointerException when a required part, a flag or a binding is null
     * @throws IllegalArgumentException when a delivered verdict names a bounce category, or a binding lacks its value
     */
    public static Verdict of(Outcome outcome, Category category, String reason, Advice advice, Party party,
            Origin origin, Stage stage, int code, EnhancedStatusCode enhancedCode, String explanation,
            int retryAfterSeconds, Verdict inner, Set<Flag> flags, RuleRef rule, List<Candidate> candidates,
            String... bindings) {
        return of(outcome, category, reason, advice, party, origin, stage, code, enhancedCode, explanation,
                retryAfterSeconds, inner, flags, rule, candidates, bindings, bindings == null ? 0 : bindings.length);
    }

    /**
     * The same as {@link #of(Outcome, Category, String, Advice, Party, Origin, Stage, int, EnhancedStatusCode,
     * String, int, Verdict, Set, RuleRef, List, String...)}, with the bindings taken from the first
     * {@code bindingsLength} elements of {@code bindings} (name, value, ...; copied): a caller can fill the same
     * array for every verdict it makes.
     *
     * @param bindingsLength how many elements of {@code bindings} hold names and values (even)
     * @return the verdict
     * @throws NullPointerException when a required part, a flag or a binding is null
     * @throws IllegalArgumentException when a delivered verdict names a bounce category, or a binding lacks its value
     */
    public static Verdict of(Outcome outcome, Category category, String reason, Advice advice, Party party,
            Origin origin, Stage stage, int code, EnhancedStatusCode enhancedCode, String explanation,
            int retryAfterSeconds, Verdict inner, Set<Flag> flags, RuleRef rule, List<Candidate> candidates,
            String[] bindings, int bindingsLength) {
        return new Verdict(outcome, category, reason, advice, party, origin, stage, code < 0 ? 0 : code,
                enhancedCode, explanation, retryAfterSeconds < 0 ? -1 : retryAfterSeconds,
                bindingsLength <= 0 ? Map.of() : Bindings.of(bindings, bindingsLength), inner,
                flagMask(requireNonNull(flags, "flags is null")), rule,
                List.copyOf(requireNonNull(candidates, "candidates is null")));
    }

    /** The bit mask of the flags in {@code flags}, by their ordinals. */
    private static int flagMask(Set<Flag> flags) {
        if (flags.isEmpty()) {
            return 0;
        }
        int mask = 0;
        for (Flag f : FLAGS) {
            if (flags.contains(f)) {
                mask |= 1 << f.ordinal();
            }
        }
        if (Integer.bitCount(mask) != flags.size()) {
            // only a null can be in the set besides the flags
            for (Flag f : flags) {
                requireNonNull(f, "flag is null");
            }
        }
        return mask;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this verdict's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.outcome = outcome();
        b.category = categoryOrNull();
        b.reason = reason;
        b.advice = advice();
        b.party = party();
        b.origin = origin();
        b.stage = stage();
        b.code = code;
        b.enhancedCode = enhancedCode;
        b.explanation = explanation;
        b.retryAfterSeconds = retryAfterSeconds;
        if (!bindings().isEmpty()) {
            b.bindings = new LinkedHashMap<>(bindings());
        }
        b.inner = inner;
        if (flagMask() != 0) {
            b.flags = EnumSet.copyOf(flags());
        }
        b.rule = rule;
        b.candidates = candidates();
        return b;
    }

    /** Delivered, deferred, failed or unknown. */
    public Outcome outcome() {
        return OUTCOMES[packed >>> OUTCOME_SHIFT & 0x7];
    }

    /** The bounce category; absent for a delivered reply. */
    public Optional<Category> category() {
        return Optional.ofNullable(categoryOrNull());
    }

    private Category categoryOrNull() {
        int c = packed >>> CATEGORY_SHIFT & 0x7f;
        return c == 0 ? null : CATEGORIES[c - 1];
    }

    /** Finer detail a plugin may add, e.g. {@code mailbox_moved}. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** What to do next. */
    public Advice advice() {
        return ADVICES[packed >>> ADVICE_SHIFT & 0xf];
    }

    /** Who must act. */
    public Party party() {
        return PARTIES[packed >>> PARTY_SHIFT & 0x1f];
    }

    /** Whether the receiving server or the sending MTA wrote the text. */
    public Origin origin() {
        return ORIGINS[packed >>> ORIGIN_SHIFT & 0x7];
    }

    /** Where in delivery it happened. */
    public Stage stage() {
        return STAGES[packed >>> STAGE_SHIFT & 0x1f];
    }

    /** The basic reply code, if one was found. */
    public OptionalInt code() {
        return code == 0 ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** The enhanced status code, if one was found. */
    public Optional<EnhancedStatusCode> enhancedCode() {
        return Optional.ofNullable(enhancedCode);
    }

    /** A plain-language sentence saying what the reply means. */
    public String explanation() {
        return explanation;
    }

    /** How long the text asks the sender to wait before retrying, in seconds. */
    public OptionalInt retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalInt.empty() : OptionalInt.of(retryAfterSeconds);
    }

    /** Values bound by the rule's template, e.g. {@code HOSTNAME}, {@code IP}, {@code MESSAGE}, {@code BLOCKLIST}. */
    @SuppressWarnings("unchecked")
    public Map<String, String> bindings() {
        return tail instanceof Tail ? ((Tail) tail).bindings() : (Map<String, String>) tail;
    }

    /** The verdict on a remote reply embedded in a vendor message. */
    public Optional<Verdict> inner() {
        return Optional.ofNullable(inner);
    }

    /** Duplicate risk, no attempt made, code mismatch, truncation. */
    public Set<Flag> flags() {
        return FLAG_SETS[flagMask()];
    }

    private int flagMask() {
        return packed >>> FLAGS_SHIFT;
    }

    /** Whether a flag is set. */
    public boolean has(Flag flag) {
        return flag != null && (flagMask() & 1 << flag.ordinal()) != 0;
    }

    /** The rule that decided; absent when nothing at all matched. */
    public Optional<RuleRef> rule() {
        return Optional.ofNullable(rule);
    }

    /** The evidence level that decided, or empty when nothing matched. */
    public Optional<EvidenceLevel> level() {
        return rule == null ? Optional.empty() : Optional.of(rule.level());
    }

    /** The rules that matched and lost; filled only when an explanation was asked for. */
    public List<Candidate> candidates() {
        return tail instanceof Tail ? ((Tail) tail).candidates() : List.of();
    }

    /** The category in the SparkPost, PowerMTA, KumoMTA and Sisimai taxonomies; absent without a category. */
    public Optional<Compat> compat() {
        Category category = categoryOrNull();
        return category == null ? Optional.empty() : Optional.of(category.compat());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Verdict)) {
            return false;
        }
        Verdict v = (Verdict) o;
        return packed == v.packed && Objects.equals(reason, v.reason)
                && code == v.code && Objects.equals(enhancedCode, v.enhancedCode)
                && explanation.equals(v.explanation) && retryAfterSeconds == v.retryAfterSeconds
                && bindings().equals(v.bindings()) && Objects.equals(inner, v.inner)
                && Objects.equals(rule, v.rule) && candidates().equals(v.candidates());
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome(), categoryOrNull(), reason, advice(), party(), origin(), stage(), code, enhancedCode,
                explanation, retryAfterSeconds, bindings(), inner, flags(), rule, candidates());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Verdict[").append(outcome());
        Category category = categoryOrNull();
        if (category != null) {
            sb.append(' ').append(category);
        }
        sb.append(" advice=").append(advice()).append(" party=").append(party()).append(" origin=").append(origin())
                .append(" stage=").append(stage());
        if (code != 0) {
            sb.append(" code=").append(code);
        }
        if (enhancedCode != null) {
            sb.append(" enhancedCode=").append(enhancedCode);
        }
        if (flagMask() != 0) {
            sb.append(" flags=").append(flags());
        }
        if (rule != null) {
            sb.append(" rule=").append(rule.id()).append('@').append(rule.level());
        }
        if (inner != null) {
            sb.append(" inner=").append(inner);
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link Verdict}; outcome, advice, party, origin, stage and explanation are required. */
    public static final class Builder {
        private Outcome outcome = Outcome.UNKNOWN;
        private Category category;
        private String reason;
        private Advice advice = Advice.REVIEW;
        private Party party = Party.UNKNOWN;
        private Origin origin = Origin.UNKNOWN;
        private Stage stage = Stage.UNKNOWN;
        private int code;
        private EnhancedStatusCode enhancedCode;
        private String explanation = "";
        private int retryAfterSeconds = -1;
        private Map<String, String> bindings;
        private Verdict inner;
        private Set<Flag> flags;
        private RuleRef rule;
        private List<Candidate> candidates = List.of();
        /** Whether a verdict holds this builder's bindings and flags: they are copied before the next change. */
        private boolean built;

        private Builder() {
        }

        /** Gives this builder its own bindings and flags again when a verdict it built holds them. */
        private void unshare() {
            if (built) {
                bindings = bindings == null ? null : new LinkedHashMap<>(bindings);
                flags = flags == null ? null : EnumSet.copyOf(flags);
                built = false;
            }
        }

        /** Sets the outcome. */
        public Builder outcome(Outcome value) {
            this.outcome = requireNonNull(value, "outcome is null");
            return this;
        }

        /** Sets the category; empty for a delivered reply. */
        public Builder category(Optional<Category> value) {
            this.category = requireNonNull(value, "category is null").orElse(null);
            return this;
        }

        /** Sets the category. */
        public Builder category(Category value) {
            this.category = requireNonNull(value, "category is null");
            return this;
        }

        /** Sets the finer reason. */
        public Builder reason(Optional<String> value) {
            this.reason = requireNonNull(value, "reason is null").orElse(null);
            return this;
        }

        /** Sets the advice. */
        public Builder advice(Advice value) {
            this.advice = requireNonNull(value, "advice is null");
            return this;
        }

        /** Sets the responsible party. */
        public Builder party(Party value) {
            this.party = requireNonNull(value, "party is null");
            return this;
        }

        /** Sets the origin. */
        public Builder origin(Origin value) {
            this.origin = requireNonNull(value, "origin is null");
            return this;
        }

        /** Sets the stage. */
        public Builder stage(Stage value) {
            this.stage = requireNonNull(value, "stage is null");
            return this;
        }

        /** Sets the basic reply code. */
        public Builder code(OptionalInt value) {
            this.code = requireNonNull(value, "code is null").orElse(0);
            return this;
        }

        /** Sets the enhanced status code. */
        public Builder enhancedCode(Optional<EnhancedStatusCode> value) {
            this.enhancedCode = requireNonNull(value, "enhancedCode is null").orElse(null);
            return this;
        }

        /** Sets the explanation. */
        public Builder explanation(String value) {
            this.explanation = requireNonNull(value, "explanation is null");
            return this;
        }

        /** Sets the retry delay in seconds; empty when the text gives none. */
        public Builder retryAfterSeconds(OptionalInt value) {
            this.retryAfterSeconds = requireNonNull(value, "retryAfterSeconds is null").orElse(-1);
            return this;
        }

        /** Adds one binding. */
        public Builder binding(String name, String value) {
            unshare();
            if (bindings == null) {
                bindings = new LinkedHashMap<>(4);
            }
            bindings.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** Replaces the bindings. */
        public Builder bindings(Map<String, String> values) {
            unshare();
            bindings = null;
            values.forEach(this::binding);
            return this;
        }

        /** Sets the inner verdict. */
        public Builder inner(Optional<Verdict> value) {
            this.inner = requireNonNull(value, "inner is null").orElse(null);
            return this;
        }

        /** Adds a flag. */
        public Builder flag(Flag value) {
            unshare();
            if (flags == null) {
                flags = EnumSet.noneOf(Flag.class);
            }
            flags.add(requireNonNull(value, "flag is null"));
            return this;
        }

        /** Replaces the flags. */
        public Builder flags(Set<Flag> values) {
            unshare();
            flags = null;
            values.forEach(this::flag);
            return this;
        }

        /** Sets the deciding rule. */
        public Builder rule(Optional<RuleRef> value) {
            this.rule = requireNonNull(value, "rule is null").orElse(null);
            return this;
        }

        /** Sets the losing candidates. */
        public Builder candidates(List<Candidate> values) {
            this.candidates = requireNonNull(values, "candidates is null");
            return this;
        }

        /** Builds the verdict. */
        public Verdict build() {
            return new Verdict(this);
        }
    }
}
