package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.table.TableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class DiagnosticAnchorsTest {
    @Test
    void troubleshooting_hasAnAnchorForEveryDiagnostic() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "troubleshooting.md"));
        for (Diagnostic d : Diagnostic.values()) {
            assertThat(doc).as(d.name()).contains("\n## " + d.anchor() + "\n");
        }
        assertThat(doc).contains("\n## no-plugins\n").contains("\n## internal-error\n");
    }

    @Test
    void configuration_everyTableProblem_becomesTheDiagnosticOfItsName() {
        for (TableException.Kind kind : TableException.Kind.values()) {
            VerdictConfigurationException e =
                    EngineLoader.configuration(new TableException(kind, "acme", "acme-rules.json", "$", "broken", null));

            assertThat(e.diagnostic().name()).isEqualTo(kind.name());
            assertThat(e).hasMessageStartingWith("rule table of plugin 'acme', acme-rules.json, $: broken")
                    .hasMessageEndingWith("docs/troubleshooting.md#" + e.diagnostic().anchor() + ")");
        }
    }
}
