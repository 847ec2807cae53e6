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
}
