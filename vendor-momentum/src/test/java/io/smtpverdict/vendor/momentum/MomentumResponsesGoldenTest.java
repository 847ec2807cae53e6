package io.smtpverdict.vendor.momentum;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row of Momentum's "Message Responses" appendix, as Momentum logs it ("CODE ENH message"), as the bare
 * message where that is Momentum's own wording, and a few inside log context. The rows and their expected
 * verdicts are in {@code message-responses.txt} beside this class.
 */
final class MomentumResponsesGoldenTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new MomentumPlugin()).build();
    private static final List<Row> ROWS = readRows();

    /** One appendix row and the verdict it must get. */
    record Row(OptionalInt code, Optional<EnhancedStatusCode> enhancedCode, String message, Outcome outcome,
            Category category, Origin origin, Stage stage, int sparkpostClass, String ruleId, boolean bare) {
        /** The reply as Momentum logs it: basic code, enhanced code, message. */
        String logged() {
            StringBuilder sb = new StringBuilder();
            code.ifPresent(c -> sb.append(c).append(' '));
            enhancedCode.ifPresent(e -> sb.append(e).append(' '));
            return sb.append(message).toString();
        }

        @Override
        public String toString() {
            return logged();
        }
    }

    private static List<Row> readRows() {
        InputStream in = MomentumResponsesGoldenTest.class.getResourceAsStream("message-responses.txt");
        if (in == null) {
            throw new IllegalStateException("message-responses.txt is missing from the test resources");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(MomentumResponsesGoldenTest::parseRow)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row parseRow(String line) {
        String[] f = line.split(" \\| ", -1);
        if (f.length != 10) {
            throw new IllegalStateException("expected 10 columns: " + line);
        }
        OptionalInt code = f[0].equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[0]));
        Optional<EnhancedStatusCode> enhanced = f[1].equals("-") ? Optional.empty()
                : Optional.of(EnhancedStatusCode.parse(f[1]).orElseThrow());
        return new Row(code, enhanced, f[2], Outcome.valueOf(f[3]), Category.valueOf(f[4]), Origin.valueOf(f[5]),
                Stage.valueOf(f[6]), Integer.parseInt(f[7]), f[8], f[9].trim().equals("bare"));
    }

    static Stream<Row> rows() {
        return ROWS.stream();
    }

    static Stream<Row> bareRows() {
        return ROWS.stream().filter(Row::bare);
    }

    static Stream<Row> rowsWithoutBasicCode() {
        return ROWS.stream().filter(r -> r.code().isEmpty());
    }

    @Test
    void appendix_hasAll104Rows() {
        assertThat(ROWS).hasSize(104);
        assertThat(ROWS).filteredOn(r -> r.code().isEmpty()).hasSize(11);
        assertThat(ROWS).filteredOn(r -> r.enhancedCode().isEmpty()).hasSize(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void classify_loggedRow_matchesExpectedVerdict(Row row) {
        Verdict v = ENGINE.classify(row.logged());

        assertThat(v.code()).isEqualTo(row.code());
        assertThat(v.enhancedCode()).isEqualTo(row.enhancedCode());
        assertThat(v.outcome()).isEqualTo(row.outcome());
        assertThat(v.category()).contains(row.category());
        assertThat(v.origin()).isEqualTo(row.origin());
        assertThat(v.stage()).isEqualTo(row.stage());
        assertThat(v.rule()).contains(new RuleRef("momentum", row.ruleId(), EvidenceLevel.VENDOR_TEMPLATE));
        assertThat(v.compat()).hasValueSatisfying(c -> assertThat(c.sparkpostClass()).isEqualTo(row.sparkpostClass()));
        assertThat(v.explanation()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bareRows")
    void classify_bareMessage_isDecidedBySameRule(Row row) {
        Verdict v = ENGINE.classify(row.message());

        assertThat(v.category()).contains(row.category());
        assertThat(v.origin()).isEqualTo(row.origin());
        assertThat(v.rule().map(RuleRef::id)).contains(row.ruleId());
        if (row.code().isPresent()) {
            assertThat(v.outcome()).isEqualTo(row.outcome());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsWithoutBasicCode")
    void classify_rowWithoutBasicCode_takesOutcomeFromEnhancedClass(Row row) {
        Map<String, RuleInfo> rules = ENGINE.rules().stream()
                .collect(Collectors.toMap(RuleInfo::id, Function.identity()));

        Verdict v = ENGINE.classify(row.logged());

        assertThat(rules.get(row.ruleId()).outcome()).as("the rule itself states no outcome").isEmpty();
        assertThat(v.code()).isEmpty();
        assertThat(v.outcome()).isEqualTo(row.enhancedCode().orElseThrow().outcome());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "delivery to mx.example.com failed: 451 4.4.2 [internal] no banner | momentum.no-banner | DEFERRED",
        "mta1 bounce: user@example.com 554 5.4.7 [internal] exceeded max retries without delivery"
                + " | momentum.max-retries-exceeded | FAILED",
        "transient failure for example.org: 454 4.4.4 [internal] no MX or A for domain | momentum.no-mx-or-a | DEFERRED",
        "deferred: 421 4.4.5 Service unavailable, concurrency limit reached | momentum.concurrency-limit | DEFERRED",
        "permanent failure: 550 5.7.1 [internal] discarded by policy (rule spam-trap) | momentum.discarded-by-policy | FAILED"})
    void classify_rowInsideLogContext_isStillDecidedByMomentum(String line, String ruleId, Outcome outcome) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule().map(RuleRef::id)).contains(ruleId);
        assertThat(v.outcome()).isEqualTo(outcome);
    }

    @Test
    void classify_messageTimeoutWithLastTransfail_isExpiredAndKeepsTransfailAsInner() {
        Verdict v = ENGINE.classify(
                "554 5.4.7 [internal] message timeout (last transfail: 454 4.4.4 [internal] no MX or A for domain)");

        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.MESSAGE_EXPIRED);
        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
        assertThat(v.rule().map(RuleRef::id)).contains("momentum.message-timeout-last-transfail");
        assertThat(v.compat()).hasValueSatisfying(c -> assertThat(c.sparkpostClass()).isEqualTo(24));
        assertThat(v.bindings()).containsEntry("MESSAGE", "454 4.4.4 [internal] no MX or A for domain");
        assertThat(v.inner()).hasValueSatisfying(inner -> {
            assertThat(inner.outcome()).isEqualTo(Outcome.DEFERRED);
            assertThat(inner.category()).contains(Category.DNS_FAILURE);
            assertThat(inner.code()).hasValue(454);
            assertThat(inner.rule().map(RuleRef::id)).contains("momentum.no-mx-or-a");
        });
    }

    @Test
    void classify_messageTimeoutQuotingLongInternalPhrase_isStillExpired() {
        Verdict v = ENGINE.classify("554 5.4.7 [internal] message timeout (last transfail: "
                + "421 4.4.0 [internal] no MXs for this domain could be reached at this time)");

        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.MESSAGE_EXPIRED);
        assertThat(v.inner()).hasValueSatisfying(inner ->
                assertThat(inner.category()).contains(Category.NO_ANSWER_FROM_HOST));
    }

    @Test
    void classify_manuallyPurgedWithAndWithoutBasicCode_areLocalPolicyFailures() {
        Verdict console = ENGINE.classify("5.7.0 [internal] Message manually purged");
        Verdict purged = ENGINE.classify("554 5.7.0 [internal] Message manually purged");

        assertThat(console.rule().map(RuleRef::id)).contains("momentum.manually-failed-domain");
        assertThat(purged.rule().map(RuleRef::id)).contains("momentum.manually-purged");
        assertThat(List.of(console, purged)).allSatisfy(v -> {
            assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(v.category()).contains(Category.LOCAL_POLICY);
            assertThat(v.reason()).contains("manually_purged");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
        "550 5.1.1 unrecognized user",
        "421 4.7.0 Service unavailable - try again later",
        "550 5.7.1 Relaying denied. Proper authentication required.",
        "503 5.5.1 Bad sequence of commands, send MAIL first",
        "552 5.3.4 Message size limit exceeded (max 10485760 bytes)",
        "500 5.5.2 Unrecognized command 'FOO'",
        "451 4.3.0 Temporary transaction failed, please retry",
        "454 4.7.0 TLS not available due to local problem",
        "421 4.3.2 Service unavailable",
        "550 5.7.1 relaying denied for <user@example.com>"})
    void classify_genericReply_isNotDecidedByMomentum(String reply) {
        Verdict v = ENGINE.classify(reply);

        assertThat(v.rule().map(RuleRef::plugin)).isNotEqualTo(Optional.of("momentum"));
    }
}
