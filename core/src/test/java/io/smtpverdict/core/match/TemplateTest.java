package io.smtpverdict.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.parse.Normalizer;
import org.junit.jupiter.api.Test;

final class TemplateTest {
    private static String bind(String template, String text, boolean anchored) {
        Template t = Template.compile(template);
        String n = Normalizer.normalize(text);
        int[] spans = new int[t.spanLength()];
        if (!t.match(n, 0, anchored, spans)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.placeholders().size(); i++) {
            sb.append(t.placeholders().get(i)).append('=').append(n, spans[2 * i], spans[2 * i + 1]).append(';');
        }
        return sb.toString();
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
}
