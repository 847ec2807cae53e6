package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The spi's builder-free factory makes the verdict the builder makes from the same values, and as immutable. */
final class VerdictFactoryTest {
    private static final RuleRef RULE = new RuleRef("p", "p.rule", EvidenceLevel.PHRASE);

    @Test
    void of_sameValuesAsTheBuilder_isEqualWithTheSameHashAndOrder() {
        Verdict inner = Verdict.builder().outcome(Outcome.FAILED).category(Category.INVALID_RECIPIENT)
                .advice(Advice.SUPPRESS_RECIPIENT).party(Party.RECIPIENT).explanation("inner").build();
        Verdict built = Verdict.builder().outcome(Outcome.DEFERRED).category(Category.TRANSIENT_OTHER)
                .reason(Optional.of("busy")).advice(Advice.RETRY).party(Party.RECEIVING_SYSTEM).origin(Origin.REMOTE)
                .stage(Stage.RCPT).code(OptionalInt.of(451)).enhancedCode(EnhancedStatusCode.parse("4.3.0"))
                .explanation("x").retryAfterSeconds(OptionalInt.of(60)).binding("HOSTNAME", "mx.b.example")
                .binding("IP", "192.0.2.1").inner(Optional.of(inner)).flag(Flag.TRUNCATED).flag(Flag.CODE_MISMATCH)
                .rule(Optional.of(RULE)).build();

        Verdict made = Verdict.of(Outcome.DEFERRED, Category.TRANSIENT_OTHER, "busy", Advice.RETRY, Party.RECEIVING_SYSTEM,
                Origin.REMOTE, Stage.RCPT, 451, EnhancedStatusCode.of(4, 3, 0), "x", 60, inner,
                EnumSet.of(Flag.CODE_MISMATCH, Flag.TRUNCATED), RULE, List.of(), "HOSTNAME", "mx.b.example", "IP",
                "192.0.2.1");

        assertThat(made).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(built).isEqualTo(made);
        assertThat(made.bindings()).containsExactly(Map.entry("HOSTNAME", "mx.b.example"), Map.entry("IP", "192.0.2.1"));
        assertThat(made.flags()).containsExactlyElementsOf(built.flags());
        assertThat(made.code()).hasValue(451);
        assertThat(made.retryAfterSeconds()).hasValue(60);
        assertThat(made.toString()).isEqualTo(built.toString());
    }

    @Test
    void of_noneValues_areEmpty() {
        Verdict made = Verdict.of(Outcome.DELIVERED, null, null, Advice.NONE, Party.NONE, Origin.UNKNOWN,
                Stage.UNKNOWN, 0, null, "ok", -1, null, Set.of(), null, List.of());

        assertThat(made).isEqualTo(Verdict.builder().outcome(Outcome.DELIVERED).advice(Advice.NONE).party(Party.NONE)
                .explanation("ok").build());
        assertThat(made.code()).isEmpty();
        assertThat(made.retryAfterSeconds()).isEmpty();
        assertThat(made.bindings()).isEmpty();
        assertThat(made.flags()).isEmpty();
    }

    @Test
    void of_changeTheArgumentsAfterwards_leavesTheVerdictAsItWas() {
        String[] bindings = {"IP", "192.0.2.1"};
        Set<Flag> flags = EnumSet.of(Flag.TRUNCATED);
        Verdict made = Verdict.of(Outcome.FAILED, Category.UNCLASSIFIED, null, Advice.REVIEW, Party.UNKNOWN,
                Origin.UNKNOWN, Stage.UNKNOWN, 550, null, "x", -1, null, flags, null, List.of(), bindings);

        bindings[1] = "192.0.2.2";
        flags.add(Flag.CODE_MISMATCH);

        assertThat(made.bindings()).containsExactly(Map.entry("IP", "192.0.2.1"));
        assertThat(made.flags()).containsExactly(Flag.TRUNCATED);
        assertThatThrownBy(() -> made.bindings().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> made.bindings().entrySet().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> made.flags().add(Flag.CODE_MISMATCH)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void of_repeatedBindingName_keepsItsFirstPlaceWithTheLastValue_asTheBuilderDoes() {
        Verdict made = Verdict.of(Outcome.FAILED, Category.UNCLASSIFIED, null, Advice.REVIEW, Party.UNKNOWN,
                Origin.UNKNOWN, Stage.UNKNOWN, 0, null, "x", -1, null, Set.of(), null, List.of(), "IP", "192.0.2.1",
                "HOSTNAME", "mx.b.example", "IP", "192.0.2.9");
        Verdict built = Verdict.builder().outcome(Outcome.FAILED).category(Category.UNCLASSIFIED).explanation("x")
                .binding("IP", "192.0.2.1").binding("HOSTNAME", "mx.b.example").binding("IP", "192.0.2.9").build();

        assertThat(made.bindings()).containsExactly(Map.entry("IP", "192.0.2.9"), Map.entry("HOSTNAME", "mx.b.example"));
        assertThat(made.bindings()).containsExactlyEntriesOf(built.bindings());
        assertThat(made.bindings().get("HOSTNAME")).isEqualTo("mx.b.example");
        assertThat(made.bindings().get("MESSAGE")).isNull();
    }

    @Test
    void of_badParts_areRefusedAsByTheBuilder() {
        assertThatThrownBy(() -> Verdict.of(Outcome.DELIVERED, Category.INVALID_RECIPIENT, null, Advice.NONE, Party.NONE,
                Origin.UNKNOWN, Stage.UNKNOWN, 250, null, "x", -1, null, Set.of(), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verdict.of(Outcome.FAILED, null, null, Advice.NONE, Party.NONE, Origin.UNKNOWN,
                Stage.UNKNOWN, 0, null, null, -1, null, Set.of(), null, List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Verdict.of(Outcome.FAILED, null, null, Advice.NONE, Party.NONE, Origin.UNKNOWN,
                Stage.UNKNOWN, 0, null, "x", -1, null, Set.of(), null, List.of(), "IP"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void of_bindingsFromAReusedArray_takesTheFirstElementsOnly() {
        String[] reused = {"IP", "192.0.2.1", "HOSTNAME", "left.over.example", null, null};

        Verdict made = Verdict.of(Outcome.FAILED, Category.UNCLASSIFIED, null, Advice.REVIEW, Party.UNKNOWN,
                Origin.UNKNOWN, Stage.UNKNOWN, 0, null, "x", -1, null, Set.of(), null, List.of(), reused, 2);
        reused[1] = "192.0.2.2";

        assertThat(made.bindings()).containsExactly(Map.entry("IP", "192.0.2.1"));
    }

    @Test
    void gettersOfEveryValue_returnWhatWasGiven() {
        for (Category category : Category.values()) {
            for (Stage stage : Stage.values()) {
                Outcome outcome = category.disposition() == io.smtpverdict.spi.Disposition.NOT_A_BOUNCE
                        ? Outcome.DELIVERED : Outcome.FAILED;
                Verdict v = Verdict.of(outcome, category, null, Advice.values()[stage.ordinal() % Advice.values().length],
                        Party.values()[category.ordinal() % Party.values().length],
                        Origin.values()[stage.ordinal() % Origin.values().length], stage, 0, null, "x", -1, null,
                        EnumSet.of(Flag.values()[stage.ordinal() % Flag.values().length]), null, List.of());

                assertThat(v.outcome()).isEqualTo(outcome);
                assertThat(v.category()).contains(category);
                assertThat(v.advice()).isEqualTo(Advice.values()[stage.ordinal() % Advice.values().length]);
                assertThat(v.party()).isEqualTo(Party.values()[category.ordinal() % Party.values().length]);
                assertThat(v.origin()).isEqualTo(Origin.values()[stage.ordinal() % Origin.values().length]);
                assertThat(v.stage()).isEqualTo(stage);
                assertThat(v.flags()).containsExactly(Flag.values()[stage.ordinal() % Flag.values().length]);
                assertThat(v.has(Flag.values()[stage.ordinal() % Flag.values().length])).isTrue();
                assertThat(v.toBuilder().build()).isEqualTo(v).hasSameHashCodeAs(v);
            }
        }
        for (Flag flag : Flag.values()) {
            Verdict v = Verdict.builder().explanation("x").flag(flag).flag(Flag.TRUNCATED).build();
            assertThat(v.flags()).containsExactlyInAnyOrderElementsOf(EnumSet.of(flag, Flag.TRUNCATED));
            assertThat(v.has(flag)).isTrue();
        }
    }

    @Test
    void of_candidatesAndBindings_bothKeptAndEqualToTheBuilders() {
        List<Candidate> losers = List.of(new Candidate("p", "p.other", EvidenceLevel.CLASS, Optional.empty()));
        Verdict made = Verdict.of(Outcome.FAILED, Category.UNCLASSIFIED, null, Advice.REVIEW, Party.UNKNOWN,
                Origin.UNKNOWN, Stage.UNKNOWN, 550, null, "x", -1, null, Set.of(), RULE, losers, "IP", "192.0.2.1");
        Verdict built = Verdict.builder().outcome(Outcome.FAILED).category(Category.UNCLASSIFIED).code(OptionalInt.of(550))
                .explanation("x").rule(Optional.of(RULE)).candidates(losers).binding("IP", "192.0.2.1").build();

        assertThat(made.candidates()).isEqualTo(losers);
        assertThat(made.bindings()).containsExactly(Map.entry("IP", "192.0.2.1"));
        assertThat(made).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(made.toBuilder().candidates(List.of()).build().candidates()).isEmpty();
        assertThat(made.toBuilder().candidates(List.of()).build().bindings()).isEqualTo(made.bindings());
    }
}
