package io.smtpverdict.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.parse.FoldedText;
import io.smtpverdict.core.parse.Normalizer;
import org.junit.jupiter.api.Test;

final class TemplateTest {
    private static String bind(String template, String text, boolean anchored) {
        return bind(Template.compile(template), text, anchored);
    }

    private static String bind(Template t, String text, boolean anchored) {
        String n = Normalizer.normalize(text);
        int[] spans = new int[t.spanLength()];
        if (!t.match(n, 0, anchored, spans)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.placeholders().size(); i++) {
            sb.append(t.placeholders().get(i)).append('=');
            if (spans[2 * i] < 0) {
                sb.append('-');
            } else {
                sb.append(n, spans[2 * i], spans[2 * i + 1]);
            }
            sb.append(';');
        }
        return sb.toString();
    }

    private static int evidence(Template t, String text) {
        return t.evidence(FoldedText.of(Normalizer.normalize(text)), 0, false, new int[t.spanLength()]);
    }

    @Test
    void optionalTail_endsTheMessageWhereTheTextHasIt_andLetsItRunToTheEndWhereNot() {
        Template t = Template.compile("reject: RCPT from {TEXT}: {MESSAGE}", "; {WORD}=");
        assertThat(bind(t, "NOQUEUE: reject: RCPT from c[192.0.2.7]: 554 5.7.1 Service unavailable; Client host "
                + "blocked; from=<a@example.org> to=<b@example.com>", false))
                .isEqualTo("TEXT=c[192.0.2.7];MESSAGE=554 5.7.1 service unavailable; client host blocked;WORD=from;");
        assertThat(bind(t, "NOQUEUE: reject: RCPT from c[192.0.2.7]: 554 5.7.1 Service unavailable; Client host "
                + "blocked", false))
                .isEqualTo("TEXT=c[192.0.2.7];MESSAGE=554 5.7.1 service unavailable; client host blocked;WORD=-;");
        assertThat(bind(t, "NOQUEUE: reject: MAIL from c[192.0.2.7]: 553 no", false)).isNull();
    }

    @Test
    void optionalTail_leftOut_countsOnlyTheTemplatesOwnLiterals() {
        Template t = Template.compile("{IP} does not like recipient.", "/Remote host said: {MESSAGE}");
        assertThat(bind(t, "<jane@example.org>:\n192.0.2.25 does not like recipient.\nRemote host said: 550 5.1.1 "
                + "unknown", false)).isEqualTo("IP=192.0.2.25;MESSAGE=550 5.1.1 unknown;");
        assertThat(bind(t, "<jane@example.org>:\n192.0.2.25 does not like recipient.", false))
                .isEqualTo("IP=192.0.2.25;MESSAGE=-;");
        int head = "does not like recipient.".length() + 1;
        assertThat(evidence(t, "192.0.2.25 does not like recipient.")).isEqualTo(head);
        assertThat(evidence(t, "192.0.2.25 does not like recipient. Remote host said: 550 no"))
                .isEqualTo(head + "remote host said: ".length() + "550 no".length());
        assertThat(t.longestLiteral()).isEqualTo(" does not like recipient.");
        assertThatThrownBy(() -> Template.compile("{IP} does not like recipient.", " ")).hasMessageContaining("text");
        assertThatThrownBy(() -> Template.compile("host {IP}", "{MESSAGE}")).hasMessageContaining("side by side");
    }

    @Test
    void match_email_bindsOnlyAnAddressOrTheNullSender() {
        assertThat(bind("Sender rejected: {EMAIL}", "517 Sender rejected: news@example.com", false))
                .isEqualTo("EMAIL=news@example.com;");
        assertThat(bind("Sender rejected: {EMAIL}", "550 Sender rejected: <>", false)).isEqualTo("EMAIL=<>;");
        // a word is no address: "Sender rejected: your IP is listed" names no sender
        assertThat(bind("Sender rejected: {EMAIL}", "550 5.7.1 Sender rejected: your IP is listed", false)).isNull();
        assertThat(bind("{EMAIL}... User unknown", "550 5.1.1 postmaster... User unknown", false)).isNull();
        assertThat(bind("{EMAIL}... User unknown", "550 5.1.1 <jane@example.org>... User unknown", false))
                .isEqualTo("EMAIL=<jane@example.org>;");
    }

    @Test
    void match_ip_bindsOnlyAValueWithADigitOrAColon() {
        assertThat(bind("HELO {HOSTNAME} does not match {IP}", "517 HELO mail.example.com does not match 192.0.2.7",
                false)).isEqualTo("HOSTNAME=mail.example.com;IP=192.0.2.7;");
        assertThat(bind("connect to {IP}", "connect to [2001:db8::1]", false)).isEqualTo("IP=[2001:db8::1];");
        // the hex letters of a word are no address: Exim's "HELO argument does not match calling host"
        assertThat(bind("HELO {HOSTNAME} does not match {IP}", "550 HELO argument does not match calling host",
                false)).isNull();
    }

    @Test
    void match_hostNameBeforeAFullStop_bindsTheNameOnly() {
        assertThat(bind("Sorry, I couldn’t find any host named {HOSTNAME}. (#5.1.2)",
                "Sorry, I couldn't find any host named mx.b.example. (#5.1.2)", true))
                .isEqualTo("HOSTNAME=mx.b.example;");
    }

    @Test
    void match_slash_acceptsSlashNewlineOrSpace() {
        String t = "Connected to {IP} but sender was rejected./Remote host said: {MESSAGE}";
        assertThat(bind(t, "Connected to 192.0.2.7 but sender was rejected./Remote host said: 553 no", true))
                .isEqualTo("IP=192.0.2.7;MESSAGE=553 no;");
        assertThat(bind(t, "Connected to 192.0.2.7 but sender was rejected.\nRemote host said: 553 no", true))
                .isNotNull();
        assertThat(bind(t, "Connected to 192.0.2.7 but sender was rejected. Remote host said: 553 no", true))
                .isNotNull();
        assertThat(bind(t, "Connected to 192.0.2.7 but sender was rejected.Remote host said: 553 no", true)).isNull();
    }

    @Test
    void match_slashAtEitherEnd_isTheVendorsOwnSlash() {
        Template t = Template.compile("/SECURITY=REQUIRED set, but TLS is not available");
        assertThat(t.unanchorable()).isTrue();
        assertThat(bind("/SECURITY=REQUIRED set, but {TEXT}", "/SECURITY=REQUIRED set, but TLS is not available", true))
                .isEqualTo("TEXT=tls is not available;");
        assertThat(bind("/SECURITY=REQUIRED set, but {TEXT}", "SECURITY=REQUIRED set, but no TLS", true)).isNull();
        assertThat(bind("route {TEXT} ends in /", "route a.example ends in /", true)).isEqualTo("TEXT=a.example;");
        assertThat(bind("/SECURITY set", "esmtp: /SECURITY set, but TLS is not available", false)).isNotNull();
    }

    @Test
    void match_messageBeforeTrailingLiteral_isGreedy() {
        assertThat(bind("{IP} does not like recipient./Remote host said: {MESSAGE}/Giving up on {IP}",
                "2001:db8::1 does not like recipient./Remote host said: 550 giving up on x/Giving up on 2001:db8::1",
                true)).isEqualTo("IP=2001:db8::1;MESSAGE=550 giving up on x;");
    }

    @Test
    void match_anchored_rejectsTextAppendedAfterTheEnd() {
        assertThat(bind("Sorry, address must include host name. (#5.1.3)",
                "Sorry, address must include host name. (#5.1.3) and more", true)).isNull();
        assertThat(bind("Sorry, address must include host name. (#5.1.3)",
                "  Sorry, address must include host name. (#5.1.3)  ", true)).isEqualTo("");
    }

    @Test
    void match_unanchored_findsTheTemplateInsideText() {
        assertThat(bind("blocked using {BLOCKLIST}",
                "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; see x", false))
                .isEqualTo("BLOCKLIST=zen.spamhaus.org;");
    }

    @Test
    void match_unanchoredHostAtTheEndOfASentence_leavesTheFullStop() {
        assertThat(bind("blocked using {BLOCKLIST}",
                "550 5.7.1 Client host [198.51.100.9] blocked using Spamhaus. To request removal see x", false))
                .isEqualTo("BLOCKLIST=spamhaus;");
    }

    @Test
    void match_unanchoredTemplateStartingWithADomain_takesTheNameBeforeTheLiteral() {
        assertThat(bind("{DOMAIN} does not exist", "550 5.1.2 <a@b>: mx.no-such.example does not exist", false))
                .isEqualTo("DOMAIN=mx.no-such.example;");
        assertThat(bind("{DOMAIN} does not exist", "550 5.1.1 user does not exist", false)).isNull();
        assertThat(bind("{DOMAIN} does not exist", "does not exist", false)).isNull();
    }

    @Test
    void compile_badTemplates_areRejectedWithTheReason() {
        assertThatThrownBy(() -> Template.compile("host {HOST}")).hasMessageContaining("unknown placeholder");
        assertThatThrownBy(() -> Template.compile("{IP}{MESSAGE}")).hasMessageContaining("side by side");
        assertThatThrownBy(() -> Template.compile("{MESSAGE}")).hasMessageContaining("literal text");
        assertThatThrownBy(() -> Template.compile("host {IP")).hasMessageContaining("unclosed");
    }

    @Test
    void match_hostileText_staysLinear() {
        Template t = Template.compile("Sorry, I couldn't find any host named {HOSTNAME}. (#5.1.2)");
        String hostile = "sorry, i couldn't find any host named " + "a.".repeat(200_000);
        long start = System.nanoTime();
        assertThat(t.match(hostile, 0, true, new int[t.spanLength()])).isFalse();
        // generous bound, only to catch quadratic behaviour (400k chars squared would take minutes)
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void match_unanchoredLeadingHost_neverTakesTheDomainOfAnAddress() {
        assertThat(bind("{DOMAIN} does not exist", "553 b.example does not exist", false)).isEqualTo("DOMAIN=b.example;");
        assertThat(bind("{DOMAIN} does not exist", "Domain b.example does not exist", false))
                .isEqualTo("DOMAIN=b.example;");
        assertThat(bind("{DOMAIN} does not exist", "550 user@b.example does not exist", false)).isNull();
        assertThat(bind("{HOSTNAME} idle too long", "mx.b.example idle too long", false))
                .isEqualTo("HOSTNAME=mx.b.example;");
        assertThat(bind("{HOSTNAME} idle too long", "postmaster@mx.b.example idle too long", false)).isNull();
    }

    @Test
    void messageBeforeALineOfAPlaceholderAndLiteral_endsBeforeTheLastSuchLine() {
        // Sendmail's delay warning: the quoted reply, its own "Deferred:" line, then the warning's words
        String text = "<<< 451 4.3.0 <jane@example.org>: Temporary lookup failure\n"
                + "<jane@example.org>... Deferred: 451 4.3.0 <jane@example.org>: Temporary lookup failure\n"
                + "Warning: message still undelivered after 4 hours";
        assertThat(bind("<<< {MESSAGE}/{EMAIL}... Deferred: {TEXT}", text, false))
                .startsWith("MESSAGE=451 4.3.0 <jane@example.org>: temporary lookup failure;EMAIL=<jane@example.org>;");
        // no such line: no match
        assertThat(bind("<<< {MESSAGE}/{EMAIL}... Deferred: {TEXT}", "<<< 451 4.3.0 busy", false)).isNull();
    }
}
