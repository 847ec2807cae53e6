package io.smtpverdict.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WorkloadTest {
    @Test
    void corpus_holdsEveryDiagnostic() {
        assertThat(Workload.corpus()).hasSize(248).allSatisfy(d -> assertThat(d).isNotBlank());
    }

    @Test
    void seeds_holdEverySeedMessageWithTemplatesFilled() {
        List<String> seeds = Workload.seeds();
        assertThat(seeds).hasSize(39 + 14 + 23 + 104);
        assertThat(seeds).noneMatch(s -> s.contains("{IP}") || s.contains("{HOSTNAME}") || s.contains("{MESSAGE}"));
        assertThat(seeds).contains("Sorry, I couldn’t find any host named mx.b.example. (#5.1.2)",
                "421 4.4.5 System rule canceled connection.", "451 4.4.2 [internal] no banner");
    }

    @Test
    void common_isDeterministicForASeedAndFilled() {
        List<String> first = Workload.common(50, 7);
        assertThat(first).hasSize(50).isEqualTo(Workload.common(50, 7));
        assertThat(first).noneMatch(s -> s.matches("(?s).*\\{[A-Z]+\\}.*"));
        assertThat(Workload.common(50, 8)).isNotEqualTo(first);
    }

    @Test
    void all_isEveryPartShuffledTogether() {
        List<String> all = Workload.of(Workload.Mix.ALL);
        List<String> parts = new ArrayList<>(Workload.of(Workload.Mix.CORPUS));
        parts.addAll(Workload.of(Workload.Mix.SEEDS));
        parts.addAll(Workload.of(Workload.Mix.COMMON));
        assertThat(all).hasSize(248 + 180 + Workload.COMMON_COUNT).containsExactlyInAnyOrderElementsOf(parts)
                .isNotEqualTo(parts);
    }
}
