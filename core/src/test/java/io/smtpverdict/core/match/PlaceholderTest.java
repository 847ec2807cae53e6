package io.smtpverdict.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PlaceholderTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IP        | [192.0.2.1]     | 192.0.2.1",
        "IP        | 192.0.2.153.    | 192.0.2.153",
        "EMAIL     | <bob@b.example> | bob@b.example",
        "HOSTNAME  | mx.b.example.   | mx.b.example",
        "DOMAIN    | b.example.      | b.example",
        "BLOCKLIST | zen.spamhaus.org | zen.spamhaus.org",
        "EMAIL     | bob@b.example.  | bob@b.example.",
        "WORD      | [x]             | [x]",
        "MESSAGE   | <550 no>        | <550 no>",
    })
    void unwrap_boundValue_losesOnlyItsOwnBracketsAndFullStop(Placeholder placeholder, String bound, String expected) {
        assertThat(placeholder.unwrap(bound)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HOSTNAME | mx-1.b_c.example | true",
        "HOSTNAME | mx.b.example:25  | false",
        "IP       | [2001:db8::1]    | true",
        "IP       | 192.0.2.x        | false",
        "NUMBER   | 4711             | true",
        "NUMBER   | 47a              | false",
        "WORD     | any-thing@else   | true",
    })
    void accepts_foldedCharacters_followTheClass(Placeholder placeholder, String text, boolean all) {
        assertThat(text.chars().allMatch(c -> placeholder.accepts((char) c))).isEqualTo(all);
    }

    @ParameterizedTest
    @CsvSource({"HOSTNAME,true", "IP,true", "TEXT,false", "MESSAGE,false"})
    void restricted_onlyClassPlaceholders_mayStartAnUnanchoredTemplate(Placeholder placeholder, boolean restricted) {
        assertThat(placeholder.restricted()).isEqualTo(restricted);
        assertThat(Template.compile("{" + placeholder + "} does not exist").unanchorable()).isEqualTo(restricted);
    }
}
