package io.smtpverdict.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests of {@link Normalizer}'s character tests. */
class NormalizerTest {
    @Test
    void whiteSpaceIsJavasWhiteSpacePlusTheNoBreakSpace() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            boolean expected = Character.isWhitespace(c) && c != 0x1C && c != 0x1D && c != 0x1E && c != 0x1F
                    || c == 0x00A0;
            assertThat(Normalizer.isSpace((char) c)).as("U+%04X", c).isEqualTo(expected);
        }
    }

    @Test
    void theWideTableFoldsAsTheCharacterTestsDo() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            assertThat(Normalizer.foldOrSpace(ch)).as("U+%04X", c).isEqualTo(Normalizer.isSpace(ch) ? ' ' : Normalizer.fold(ch));
        }
    }

    @Test
    void textAlreadyFoldedComesBackAsItIsAndAnythingElseIsFolded() {
        String folded = "550 5.1.1 user unknown: no such mailbox";
        assertThat(Normalizer.normalize(folded)).isSameAs(folded);
        assertThat(Normalizer.normalize("")).isEmpty();
        assertThat(Normalizer.normalize("User Unknown")).isEqualTo("user unknown");
        assertThat(Normalizer.normalize(" user unknown")).isEqualTo("user unknown");
        assertThat(Normalizer.normalize("user unknown ")).isEqualTo("user unknown");
        assertThat(Normalizer.normalize("user  unknown")).isEqualTo("user unknown");
        assertThat(Normalizer.normalize("user\tunknown")).isEqualTo("user unknown");
        assertThat(Normalizer.normalize("user\u00A0unknown")).isEqualTo("user unknown");
        assertThat(Normalizer.normalize("don\u2019t")).isEqualTo("don't");
        assertThat(Normalizer.normalize("E\u2011Mails")).isEqualTo("e-mails");
        assertThat(Normalizer.normalize("550 \u2013 rejected \u2014 policy")).isEqualTo("550 - rejected - policy");
        assertThat(Normalizer.normalize("\uFF0D\u2212\u2010")).isEqualTo("---");
        assertThat(Normalizer.normalize("UNBEKANNT \u00DC")).isEqualTo("unbekannt \u00FC");
        String japanese = "\u5b58\u5728\u3057\u307e\u305b\u3093";
        assertThat(Normalizer.normalize(japanese)).isSameAs(japanese);
        assertThat(Normalizer.normalize("\u5b58\u3000\u5728")).isEqualTo("\u5b58 \u5728");
    }

    @Test
    void theShortCutAgreesWithTheFullFoldOnEveryShortText() {
        char[] alphabet = {' ', 'a', 'Z', '\t', '\u00A0', '\u00C9', '\u00E9', '\u2019', '.', '\u007F', '\u0001',
            '\u3000', '\u3042', '\u0416', '\u0436', '\u2011', '-', '\u200C', '\u00AD'};
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(7); n > 0; n--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            char[] out = new char[text.length()];
            String slow = new String(out, 0, Normalizer.fold(text, null, out));
            assertThat(Normalizer.normalize(text)).as("'%s'", text).isEqualTo(slow);
        }
    }

    @Test
    void turkishDotlessIAndItsUpperCaseFoldAlike() {
        assertThat(Normalizer.normalize("GÜNLÜK SMTP GEÇIŞ SINIRI AŞILDI"))
                .isEqualTo(Normalizer.normalize("günlük smtp geçiş sınırı aşıldı"));
    }

    @Test
    void zeroWidthCharactersAndSoftHyphensAreDroppedSoTheWordsMeetWithoutThem() {
        assertThat(Normalizer.normalize("Mail\u00ADbox  \u200Bfull")).isEqualTo("mailbox full");
        assertThat(Normalizer.normalize("\u0635\u0646\u062F\u0648\u0642\u200C\u067E\u0633\u062A\u06CC"))
                .isEqualTo(Normalizer.normalize("\u0635\u0646\u062F\u0648\u0642\u067E\u0633\u062A\u06CC"));
        assertThat(Normalizer.normalize("user \u200D unknown\uFEFF")).isEqualTo("user unknown");
        assertThat(Normalizer.normalize("\u2060\u200B")).isEmpty();
        int[] offsets = new int[8];
        assertThat(Normalizer.offsets("a\u200Bb c", null, offsets)).isEqualTo(4);
        assertThat(offsets).startsWith(0, 2, 3, 4, 5);
    }
}
