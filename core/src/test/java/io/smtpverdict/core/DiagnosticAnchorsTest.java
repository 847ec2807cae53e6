package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

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
}
