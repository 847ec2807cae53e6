package io.smtpverdict.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SyntheticRulesTest {
    @Test
    void phrases_areDistinctMultiWordAndDeterministic() {
        List<String> phrases = SyntheticRules.phrases(5000, 1);
        assertThat(phrases).hasSize(5000).doesNotHaveDuplicates().isEqualTo(SyntheticRules.phrases(5000, 1));
        assertThat(phrases).allSatisfy(p -> assertThat(p.split(" ")).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void phrases_tooManyRequested_isRejected() {
        assertThatThrownBy(() -> SyntheticRules.phrases(10_000_000, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_tableLoadsAsUserRules(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("synthetic.json");
        SyntheticRules.write(table, 1000, Workload.SEED);
        VerdictEngine plain = VerdictEngine.builder().discoverPlugins().build();
        VerdictEngine engine = VerdictEngine.builder().discoverPlugins().ruleTable(table).build();
        List<RuleInfo> user = engine.rules().stream().filter(r -> r.plugin().equals("user")).toList();
        assertThat(user).hasSize(1000);
        assertThat(engine.rules()).hasSize(plain.rules().size() + 1000);
        String phrase = SyntheticRules.phrases(1, Workload.SEED).get(0);
        assertThat(engine.classify("550 5.7.1 " + phrase).rule()).hasValueSatisfying(
                r -> assertThat(r.id()).isEqualTo("user.synthetic-000000"));
    }

    @Test
    void phrases_seldomOccurInTheMix() {
        List<String> phrases = SyntheticRules.phrases(10_000, Workload.SEED);
        long hit = Workload.of(Workload.Mix.ALL).stream().map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> phrases.stream().anyMatch(s::contains)).count();
        assertThat(hit).as("replies containing a synthetic phrase").isLessThan(9);
    }
}
