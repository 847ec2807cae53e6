package io.smtpverdict.vendor.greenarrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.vendor.greenarrow.GreenArrowSeed.Entry;
import io.smtpverdict.vendor.greenarrow.GreenArrowSeed.Fill;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How strictly the GreenArrow templates match: exact wording, both apostrophes, any line-break form. */
final class GreenArrowTemplateMatchingTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GreenArrowPlugin()).build();
    private static final Fill FILL = new Fill("198.51.100.7", "mx.example.net",
            "550-5.7.1 first line\n550 5.7.1 second line");

    @ParameterizedTest(name = "{0}")
    @MethodSource("entriesWithApostrophes")
    void classify_curlyOrStraightApostrophe_matchesTheSameRule(Entry entry) {
        String curly = entry.fill(FILL);
        String straight = curly.replace('\u2019', '\'');

        assertThat(straight).isNotEqualTo(curly);
        assertThat(ruleId(straight)).isPresent().isEqualTo(ruleId(curly));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("entriesWithLineBreaks")
    void classify_lineBreakAsSlashNewlineOrSpace_matchesTheSameRule(Entry entry, String lineBreak) {
        String asLogged = entry.fill(FILL);
        String variant = entry.template().replace("/", lineBreak)
                .replace("{IP}", FILL.ip())
                .replace("{MESSAGE}", FILL.message());

        assertThat(ruleId(variant)).isPresent().isEqualTo(ruleId(asLogged));
    }

    @Test
    void classify_greetingFailedWithNewlines_bindsTheRemoteReplyWithoutTheWrapper() {
        Verdict v = ENGINE.classify("Connected to 198.51.100.7 but greeting failed\nRemote host said: "
                + "421-4.3.2 Service not available\n421 4.3.2 Try again later");

        assertThat(v.rule()).map(RuleRef::id).contains("greenarrow.greeting-failed");
        assertThat(v.bindings()).containsEntry("IP", "198.51.100.7")
                .containsEntry("MESSAGE", "421-4.3.2 Service not available\n421 4.3.2 Try again later");
    }

    @Test
    void classify_hostNotFound_keepsTheHostnameAsWritten() {
        Verdict v = ENGINE.classify("Sorry, I couldn't find any host named Mail-1.Example.ORG. (#5.1.2)");

        assertThat(v.rule()).map(RuleRef::id).contains("greenarrow.host-not-found");
        assertThat(v.bindings()).containsEntry("HOSTNAME", "Mail-1.Example.ORG");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sorry, I could not locate any host named mail.example.org. (#5.1.2)",
            "Sorry, I couldn't find any host named mail.example.org. (#5.1.2) Please check the address.",
            "Sorry, I couldn't find any host named mail.example.org (#5.1.2)",
            "Sorry, I couldn't find any host named mail.example.org. (#5.1.3)",
            "Sorry, I wasn't able to establish an SMTP connection. (#4.4.1) Retrying in 10 minutes.",
            "Delivery failed: Sorry, I couldn't find any host by that name. (#4.1.2)",
            "All connection backlog slots used up for this domain. Next attempt in 5 minutes.",
            "All connection backlog slots used up for this host.",
            "Deliveries to this recipient domain are paused.",
            "Connected to mx.example.net but connection died. (#4.4.2)",
            "Connected to 198.51.100.7 but connection died. (#4.4.3)",
            "Connected to 198.51.100.7 but connection died. Possible duplicate? (#4.4.2)",
            "Connected to 198.51.100.7 but sender was refused./Remote host said: 553 5.1.8 Domain not found",
            "Sorry, an error was encountered while communicating with the GreenArrow proxy. (#4.4.1)",
            "550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown"
    })
    void classify_nearMiss_isNotDecidedByGreenArrow(String text) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.rule().map(RuleRef::plugin)).isNotEqualTo(Optional.of("greenarrow"));
    }

    static Stream<Entry> entriesWithApostrophes() {
        return GreenArrowSeed.entries().stream().filter(e -> e.template().indexOf('\u2019') >= 0);
    }

    static Stream<Arguments> entriesWithLineBreaks() {
        return GreenArrowSeed.entries().stream()
                .filter(e -> e.template().contains("/"))
                .flatMap(e -> Stream.of(
                        Arguments.of(e, Named.of("slash", "/")),
                        Arguments.of(e, Named.of("LF", "\n")),
                        Arguments.of(e, Named.of("CRLF", "\r\n")),
                        Arguments.of(e, Named.of("space", " "))));
    }

    private static Optional<String> ruleId(String text) {
        return ENGINE.classify(text).rule().filter(r -> r.plugin().equals("greenarrow")).map(RuleRef::id);
    }
}
