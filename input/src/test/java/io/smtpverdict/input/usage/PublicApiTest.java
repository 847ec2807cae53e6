package io.smtpverdict.input.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.input.InputFormat;
import io.smtpverdict.input.InputRecord;
import io.smtpverdict.input.ReadOptions;
import io.smtpverdict.input.Readers;
import io.smtpverdict.input.RecordSource;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What a project that depends only on smtp-verdict-input (and a vendor jar at run time) can do: this test lives
 * outside the readers' package, so it sees only their public API, as the user guide's example does.
 */
final class PublicApiTest {
    private final VerdictEngine engine = VerdictEngine.builder().discoverPlugins().ignorePluginPathVariable().build();

    @Test
    void readers_gzippedPostfixLog_streamRecordsTheEngineClassifiesWithTheMtasDecision() throws IOException {
        String log = "Nov 29 10:00:01 mx1 postfix/smtp[2345]: 4Xb1Kq2Hv3z9: to=<alice@example.net>, relay=none, "
                + "delay=0.5, delays=0.01/0.01/0.48/0, dsn=4.4.3, status=deferred (Host or domain name not found. "
                + "Name service error for name=example.net type=MX: Host not found, try again)\n"
                + "Nov 29 10:00:02 mx1 postfix/qmgr[123]: 4Xb1Kq2Hv3zC: removed\n";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(log.getBytes(StandardCharsets.UTF_8));
        }
        List<InputRecord> records = new ArrayList<>();
        try (RecordSource source = Readers.open(new ByteArrayInputStream(gz.toByteArray()), Optional.of("mail.log.gz"),
                ReadOptions.DEFAULT)) {
            for (Optional<InputRecord> r = source.next(); r.isPresent(); r = source.next()) {
                records.add(r.get());
            }
        }
        assertThat(records).extracting(InputRecord::number).containsExactly(1L, 2L);
        InputRecord first = records.get(0);
        Verdict v = engine.classify(first.reply().orElseThrow(), first.mta());
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(first.context()).containsEntry("recipient", "alice@example.net").containsEntry("queueId",
                "4Xb1Kq2Hv3z9");
        assertThat(records.get(1).skipped()).isPresent();
    }

    @Test
    void readers_oneTextInAGivenFormat_givesItsRecords() {
        List<InputRecord> records = Readers.text("550 5.1.1 user unknown", 1, ReadOptions.DEFAULT
                .withFormat(InputFormat.RAW));
        assertThat(records).singleElement().satisfies(r -> assertThat(r.reply()).contains("550 5.1.1 user unknown"));
    }
}
