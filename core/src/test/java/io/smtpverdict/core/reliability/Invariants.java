package io.smtpverdict.core.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smtpverdict.core.json.VerdictJson;
import io.smtpverdict.core.parse.Normalizer;
import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.core.parse.ReplyParser;
import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What must hold for every input, whatever it is. Plain checks that throw {@link AssertionError} with the input
 * escaped, so the fuzzers (which count any throwable as a finding) and the tests share them.
 */
public final class Invariants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Invariants() {
    }

    /** Checks the parser's view of {@code input} cut at {@code max}. */
    static void parsed(String input, int max) {
        ParsedReply p = ReplyParser.parse(input, max);
        String text = p.text();
        check(input, p.truncated() == input.length() > max, "truncated flag disagrees with the length");
        // the parser only cuts, except that it reads a qmail report's underscores as spaces
        String read = input.startsWith(text) ? input : input.replace('_', ' ');
        check(input, read.startsWith(text), "the text is not a prefix of the input");
        // the text is the input, or its first max characters when it is longer; or less, where the parser leaves out
        // a returned message's copy, an exception's stack frames or qmail's closing line: then the shorter text must
        // come back unchanged when parsed again
        boolean whole = p.truncated() ? text.length() >= max - 1 && text.length() <= max : text.equals(read);
        check(input, text.length() <= Math.min(max, input.length())
                && (whole || ReplyParser.parse(text, max).text().equals(text)),
                "the text was cut wrongly: " + text.length() + " of " + input.length());
        check(input, !p.truncated() || text.isEmpty() || !Character.isHighSurrogate(text.charAt(text.length() - 1))
                || !Character.isLowSurrogate(input.charAt(text.length())), "the cut split a surrogate pair");
        int code = p.basicCode();
        check(input, code == 0 || code == 101 || code == 111 || (code >= 200 && code <= 599),
                "basic code out of range: " + code);
        check(input, code == 0 || text.contains(Integer.toString(code)), "basic code " + code + " is not in the text");
        EnhancedStatusCode e = p.enhancedCode();
        if (e != null) {
            check(input, e.classDigit() == 2 || e.classDigit() == 4 || e.classDigit() == 5, "enhanced class " + e);
            check(input, e.subject() >= 0 && e.subject() <= 999 && e.detail() >= 0 && e.detail() <= 999,
                    "enhanced code out of range: " + e);
            check(input, text.contains(e.toString()), "enhanced code " + e + " is not in the text");
        }
        String n = p.folded().toString();
        // the repeated codes of a multi-line reply's later lines fold as white space (ParsedReply.skips)
        StringBuilder spaced = new StringBuilder(text);
        int[] skips = p.skips();
        if (skips != null) {
            check(input, skips.length >= 2 && skips.length % 2 == 0, "skip ranges do not come in pairs");
            int last = 0;
            for (int k = 0; k < skips.length; k += 2) {
                check(input, skips[k] >= last && skips[k] < skips[k + 1] && skips[k + 1] <= text.length(),
                        "skip ranges out of order or out of the text");
                last = skips[k + 1];
                for (int i = skips[k]; i < skips[k + 1]; i++) {
                    spaced.setCharAt(i, ' ');
                }
            }
        }
        check(input, n.equals(Normalizer.normalize(spaced)), "normalized text is not the folded text");
        check(input, !n.startsWith(" ") && !n.endsWith(" ") && !n.contains("  "), "white space not folded");
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            check(input, c == ' ' || !Normalizer.isSpace(c), "white space left at " + i);
            check(input, c < 'A' || c > 'Z', "upper case left at " + i);
        }
        check(input, p.bodyStart() >= 0 && p.bodyStart() <= n.length(), "body start out of range " + p.bodyStart());
        check(input, p.classDigit() == (code != 0 ? code / 100 : e == null ? 0 : e.classDigit()), "class digit");
        ParsedReply again = ReplyParser.parse(input, max);
        check(input, again.basicCode() == code && java.util.Objects.equals(again.enhancedCode(), e)
                && again.folded().toString().equals(n) && again.bodyStart() == p.bodyStart(), "parsing is not repeatable");
    }

    /** Checks a verdict of {@code input} from an engine with these limits. */
    static void verdict(String input, Verdict v, int maxInput, int maxDepth) {
        notInternal(input, v);
        ParsedReply p = ReplyParser.parse(input, maxInput);
        check(input, v.code().equals(p.basicCode() == 0 ? OptionalInt.empty() : OptionalInt.of(p.basicCode())),
                "verdict code " + v.code() + " is not the parsed code " + p.basicCode());
        check(input, v.enhancedCode().equals(java.util.Optional.ofNullable(p.enhancedCode())),
                "verdict enhanced code " + v.enhancedCode() + " is not the parsed " + p.enhancedCode());
        check(input, v.has(Flag.TRUNCATED) == input.length() > maxInput, "TRUNCATED flag disagrees with the length");
        check(input, depth(v) <= maxDepth, "inner verdicts nest deeper than " + maxDepth);
        for (Map.Entry<String, String> b : v.bindings().entrySet()) {
            check(input, p.text().contains(b.getValue()), "binding " + b + " is not a piece of the input");
        }
        for (var c : v.candidates()) {
            check(input, !c.id().equals(v.rule().map(r -> r.id()).orElse("")), "the winner is listed as a loser");
        }
        try {
            JsonNode node = JSON.readTree(VerdictJson.toJson(v));
            check(input, node.isObject() && node.path("outcome").asText().equals(v.outcome().name()),
                    "the JSON does not say the outcome");
        } catch (IOException e) {
            throw new AssertionError("the JSON of the verdict of " + escape(input) + " is not JSON", e);
        }
    }

    /**
     * Checks what every verdict in the chain keeps: it is not the engine's internal-error verdict, and only a delivered
     * one lacks a category (a delivered one never names a bounce category).
     */
    public static void notInternal(String input, Verdict v) {
        for (Verdict at = v; at != null; at = at.inner().orElse(null)) {
            // the verdict classify returns when the engine itself failed names this rule
            // (docs/troubleshooting.md#internal-error); it is always a bug
            check(input, !at.rule().equals(java.util.Optional.of(io.smtpverdict.core.VerdictEngine.INTERNAL_ERROR)),
                    "internal error: " + at.explanation());
            check(input, at.outcome() == Outcome.DELIVERED
                    ? at.category().map(c -> c.disposition() == io.smtpverdict.spi.Disposition.NOT_A_BOUNCE).orElse(true)
                    : at.category().isPresent(),
                    "a delivered verdict must have no bounce category, and only it may lack one: " + at.outcome() + " "
                            + at.category());
        }
    }

    /** The verdict without its losing candidates, at every depth. */
    static Verdict withoutCandidates(Verdict v) {
        Verdict.Builder b = v.toBuilder().candidates(List.of());
        v.inner().ifPresent(inner -> b.inner(java.util.Optional.of(withoutCandidates(inner))));
        return b.build();
    }

    /** How many inner verdicts are nested in {@code v}. */
    static int depth(Verdict v) {
        int depth = 0;
        for (Verdict at = v; at.inner().isPresent(); at = at.inner().get()) {
            depth++;
        }
        return depth;
    }

    static void check(String input, boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what + " for input " + escape(input));
        }
    }

    /** The input as a Java string literal (cut after 300 chars), so a failure can be pasted into a test. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(s.length(), 300);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        sb.append('"');
        if (s.length() > n) {
            sb.append(" ... (").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }

    /** Collects {@code count} items cycled from {@code items}. */
    static <T> List<T> cycle(List<T> items, int count) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(items.get(i % items.size()));
        }
        return out;
    }
}
