package io.smtpverdict.core;

import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.Verdict;
import java.util.Locale;
import java.util.Optional;

/**
 * The one step that weighs what the MTA reported against what the text says, after the text has been classified.
 * The MTA's own decision is final for the outcome: a deferral stays DEFERRED, a bounce FAILED, a sent line
 * DELIVERED (unless the 2xx it logged is itself read as a failure: a filter's discard), an expiry FAILED with
 * MESSAGE_EXPIRED. Where the text says otherwise, the category still comes from
 * the text and the advice is made to agree with the outcome; when the text's reply code is what says otherwise,
 * the verdict is flagged CODE_MISMATCH. The logged status code stands in for the text's when the text alone says
 * nothing.
 */
final class MtaDecisionPolicy {
    private MtaDecisionPolicy() {
    }

    /**
     * @param text the verdict of the text alone
     * @param context what the MTA reported
     * @param fromStatus the verdict of the logged status code alone, or null when none was logged
     */
    static Verdict apply(Verdict text, ClassifyContext context, Verdict fromStatus) {
        Verdict v = withStatusEvidence(text, fromStatus);
        Outcome expected = context.decision().map(MtaDecision::outcome)
                .or(() -> context.status().map(s -> s.outcome())).orElse(Outcome.UNKNOWN);
        if (expected == Outcome.UNKNOWN) {
            return v;
        }
        String who = context.reportedBy().orElseGet(() -> context.decision()
                .map(d -> "The MTA's decision (" + d.name().toLowerCase(Locale.ROOT) + ")")
                .orElseGet(() -> "The MTA's status code " + context.status().get()));
        if (context.decision().orElse(null) == MtaDecision.EXPIRED) {
            return expired(text, v, who);
        }
        if (expected == Outcome.DELIVERED && v.outcome() == Outcome.FAILED
                && v.code().orElse(0) / 100 == 2) {
            // The text's own 2xx says failed: a rule read the hand-over the MTA logged as sent as a delivery to
            // nowhere (a content filter's "250 2.7.0 Ok, discarded, ... INFECTED"), which the MTA cannot know.
            return v;
        }
        if (v.outcome() == expected) {
            if (expected == Outcome.DEFERRED && v.advice() == Advice.SUPPRESS_RECIPIENT) {
                return v.toBuilder().advice(Advice.RETRY).build();
            }
            return v;
        }
        // Only a reply code can contradict the MTA: without one the text's outcome is a rule's reading of
        // its words, which the MTA's decision settles rather than contradicts.
        boolean contradicted = v.outcome() != Outcome.UNKNOWN && (v.code().isPresent() || v.enhancedCode().isPresent());
        Verdict.Builder b = v.toBuilder().outcome(expected);
        Category category = v.category().orElse(null);
        switch (expected) {
            case DELIVERED:
                b.category(Optional.empty()).reason(Optional.empty()).advice(Advice.NONE).party(Party.NONE);
                break;
            case DEFERRED: {
                Category c = category == null ? Category.TRANSIENT_OTHER : transientCounterpart(category);
                b.category(Optional.of(c));
                if (c != category || v.advice() == Advice.NONE || v.advice() == Advice.SUPPRESS_RECIPIENT) {
                    b.advice(adviceWhenDeferred(c));
                }
                if (c != category || v.party() == Party.NONE) {
                    b.party(c.defaultParty());
                }
                break;
            }
            default: {
                Category c = category == null ? Category.UNCLASSIFIED : category;
                b.category(Optional.of(c));
                if (category == null || v.advice() == Advice.NONE) {
                    b.advice(c.defaultAdvice(Outcome.FAILED));
                }
                if (category == null || v.party() == Party.NONE) {
                    b.party(c.defaultParty());
                }
                break;
            }
        }
        if (contradicted) {
            b.flag(Flag.CODE_MISMATCH);
        }
        b.explanation(v.explanation() + " " + who + " says the delivery " + phrase(expected)
                + "; that decision stands" + (contradicted ? " although the text reads otherwise." : "."));
        return b.build();
    }

    /** When the text alone is not understood, the status code the MTA logged classifies the reply instead. */
    private static Verdict withStatusEvidence(Verdict text, Verdict fromStatus) {
        if (fromStatus == null || fromStatus.category().isEmpty() || fromStatus.category().get() == Category.UNCLASSIFIED) {
            return text;
        }
        boolean understood = text.category().isPresent() && text.category().get() != Category.UNCLASSIFIED
                || text.outcome() == Outcome.DELIVERED && text.rule().isPresent()
                        && text.rule().get().level() != EvidenceLevel.CLASS;
        if (understood) {
            return text;
        }
        return text.toBuilder()
                .outcome(text.outcome() == Outcome.UNKNOWN ? fromStatus.outcome() : text.outcome())
                .category(fromStatus.category()).advice(fromStatus.advice()).party(fromStatus.party())
                .reason(fromStatus.reason()).rule(fromStatus.rule())
                .explanation(fromStatus.explanation() + " (The text says nothing more; this comes from the status code "
                        + "the MTA logged.)")
                .build();
    }

    private static Verdict expired(Verdict text, Verdict v, String who) {
        Category c = Category.MESSAGE_EXPIRED;
        Verdict.Builder b = v.toBuilder().outcome(Outcome.FAILED).category(Optional.of(c)).reason(Optional.empty())
                .advice(c.defaultAdvice(Outcome.FAILED)).party(c.defaultParty())
                .explanation(who + " says the message stayed in the queue past its lifetime and was returned "
                        + "undelivered.");
        if (text.rule().isPresent()) {
            // what the last attempt was told, kept for whoever wants to know why it never got through
            b.inner(Optional.of(v));
        }
        return b.build();
    }

    /**
     * A category that says the failure is final, read under a deferral: a domain that cannot be found right now is
     * a failed lookup, not a verdict on the domain.
     */
    private static Category transientCounterpart(Category category) {
        return category == Category.BAD_DOMAIN ? Category.DNS_FAILURE : category;
    }

    private static Advice adviceWhenDeferred(Category c) {
        Advice a = c.defaultAdvice(Outcome.DEFERRED);
        return a == Advice.SUPPRESS_RECIPIENT || a == Advice.NONE ? Advice.RETRY : a;
    }

    private static String phrase(Outcome o) {
        switch (o) {
            case DELIVERED:
                return "went through";
            case DEFERRED:
                return "was deferred and will be retried";
            default:
                return "failed for good";
        }
    }
}
