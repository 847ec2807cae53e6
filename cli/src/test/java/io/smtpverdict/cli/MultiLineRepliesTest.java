package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reply means the same whether it came on one line or on several: RFC 5321 §4.2.1 has every line of a
 * multi-line reply repeat its codes ({@code 550-5.1.1 ... / 550 5.1.1 ...}), and MTAs quote such replies with
 * the lines joined by spaces (Postfix's "host ... said:"), kept on their own lines (Exim's "SMTP error from
 * remote mail server"), or each behind a transcript mark (Sendmail's {@code <<<}). Every shipped example that is
 * a one-line reply is split into lines of about 30 characters, as a narrow server would send it, and must get
 * the same outcome and category as when it is whole, in each of those forms.
 */
final class MultiLineRepliesTest {
    private static final Pattern REPLY = Pattern.compile("([245]\\d\\d) ((?:[245]\\.\\d{1,3}\\.\\d{1,3}) )?(.{40,})");
    private static final Pattern LATER_CODE = Pattern.compile("\\s[245]\\d\\d[ -]");

    private static VerdictEngine engine;
    private static List<Matcher> replies;

    @BeforeAll
    static void load() {
        engine = VerdictEngine.builder().discoverPlugins().build();
        Set<String> seen = new LinkedHashSet<>();
        replies = new ArrayList<>();
        for (RuleInfo rule : engine.rules()) {
            for (String example : rule.examples()) {
                Matcher m = REPLY.matcher(example);
                if (seen.add(example) && m.matches() && !example.contains("\n")
                        && !LATER_CODE.matcher(example).find()) {
                    replies.add(m);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"joined by spaces", "on separate lines", "quoted by Postfix", "quoted by Exim",
        "in a Sendmail transcript"})
    void classify_exampleSplitIntoReplyLines_meansTheSameAsWhole(String form) {
        assertThat(replies).hasSizeGreaterThan(200);
        UnaryOperator<String> quote = switch (form) {
            case "quoted by Postfix" -> t -> "host mx.example.com[192.0.2.1] said: " + t
                    + " (in reply to end of DATA command)";
            case "quoted by Exim" -> t -> "SMTP error from remote mail server after end of data:\n    " + t;
            case "in a Sendmail transcript" -> t -> "... while talking to mx.example.com.:\n>>> DATA\n"
                    + (t.startsWith("<<< ") ? t : "<<< " + t);
            default -> t -> t;
        };
        List<String> changed = new ArrayList<>();
        for (Matcher m : replies) {
            String whole = m.group(0);
            String split = split(m, form);
            Verdict a = engine.classify(quote.apply(whole));
            Verdict b = engine.classify(quote.apply(split));
            if (a.outcome() != b.outcome() || !a.category().equals(b.category())) {
                changed.add(split + " -> " + b.category().orElse(null) + " instead of " + a.category().orElse(null));
            }
        }
        assertThat(changed).as("replies whose meaning changed when split into lines").isEmpty();
    }

    private static String split(Matcher m, String form) {
        String code = m.group(1);
        String enhanced = m.group(2) == null ? "" : m.group(2);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : m.group(3).split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > 30) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        String mark = form.equals("in a Sendmail transcript") ? "<<< " : "";
        String separator = form.equals("joined by spaces") || form.equals("quoted by Postfix") ? " "
                : form.equals("quoted by Exim") ? "\n    " : "\n";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? "" : separator).append(mark).append(code).append(i == lines.size() - 1 ? ' ' : '-')
                    .append(enhanced).append(lines.get(i));
        }
        return out.toString();
    }
}
