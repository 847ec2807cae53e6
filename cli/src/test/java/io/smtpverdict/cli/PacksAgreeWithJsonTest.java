package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.json.VerdictJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped plugins' rule packs give the verdicts their JSON tables give: an engine built from the packs (templates
 * compiled when first tried, under the keys the packs carry) and one built from the JSON alone agree on every example
 * of every rule, word for word.
 */
final class PacksAgreeWithJsonTest {
    @Test
    void classify_everyShippedExample_givesTheSameVerdictFromPacksAsFromJson() {
        VerdictEngine packs = VerdictEngine.builder().discoverPlugins().build();
        VerdictEngine json;
        System.setProperty("smtpverdict.ignoreRulePacks", "true");
        try {
            json = VerdictEngine.builder().discoverPlugins().build();
        } finally {
            System.clearProperty("smtpverdict.ignoreRulePacks");
        }
        assertThat(packs.rules()).hasSameSizeAs(json.rules());
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (RuleInfo rule : json.rules()) {
            for (String example : rule.examples()) {
                checked++;
                String fromPacks = VerdictJson.toJson(packs.classify(example));
                String fromJson = VerdictJson.toJson(json.classify(example));
                if (!fromPacks.equals(fromJson)) {
                    differences.add(example + "\n  packs: " + fromPacks + "\n  json:  " + fromJson);
                }
            }
        }
        assertThat(checked).isGreaterThan(1500);
        assertThat(differences).isEmpty();
    }
}
