package io.smtpverdict.core.match;

import io.smtpverdict.core.parse.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A vendor message with placeholders, compiled for matching against folded text.
 *
 * <p>Matching is deterministic and linear in the text for a given template: every placeholder picks one
 * extent without backtracking. Restricted placeholders ({HOSTNAME}, {IP}, ...) and {TEXT} end at the first
 * place where the following literal matches; {MESSAGE} ends at the last such place. A {@code /} in the
 * template is a line break of the vendor's log and matches {@code /}, a line break or a space.
 */
public final class Template {
    /** The placeholder names a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("HOSTNAME", "DOMAIN", "BLOCKLIST", "IP", "EMAIL",
            "NUMBER", "WORD", "TYPE", "TEXT", "MESSAGE");

    private static final int LIT = 0;
    private static final int BREAK = 1;
    private static final int PH = 2;

    private final int[] kinds;
    private final String[] values;
    private final String longestLiteral;
    private final int literalLength;
    private final List<String> placeholders;

    private Template(int[] kinds, String[] values) {
        this.kinds = kinds;
        this.values = values;
        String longest = "";
        int total = 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == LIT) {
                total += values[i].length();
                if (values[i].length() > longest.length()) {
                    longest = values[i];
                }
            } else if (kinds[i] == PH && !names.contains(values[i])) {
                names.add(values[i]);
            }
        }
        this.longestLiteral = longest;
        this.literalLength = total;
        this.placeholders = Collections.unmodifiableList(names);
    }

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException naming the problem: unknown or unclosed placeholder, two placeholders
     *     side by side, no literal text at all
     */
    public static Template compile(String source) {
        List<Integer> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '{') {
                int close = source.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed placeholder at " + i);
                }
                String name = source.substring(i + 1, close);
                if (!PLACEHOLDERS.contains(name)) {
                    throw new IllegalArgumentException("unknown placeholder {" + name + "}; known: "
                            + new java.util.TreeSet<>(PLACEHOLDERS));
                }
                flushLiteral(lit, kinds, values);
                if (!kinds.isEmpty() && kinds.get(kinds.size() - 1) == PH) {
                    throw new IllegalArgumentException("placeholders side by side at " + i
                            + ": put literal text between them");
                }
                kinds.add(PH);
                values.add(name);
                i = close;
            } else if (c == '/') {
                flushLiteral(lit, kinds, values);
                if (!kinds.isEmpty() && kinds.get(kinds.size() - 1) == BREAK) {
                    continue;
                }
                kinds.add(BREAK);
                values.add("/");
            } else if (Normalizer.isSpace(c)) {
                if (lit.length() > 0 && lit.charAt(lit.length() - 1) != ' ') {
                    lit.append(' ');
                } else if (lit.length() == 0 && (kinds.isEmpty() || kinds.get(kinds.size() - 1) == PH)) {
                    lit.append(' ');
                }
            } else {
                lit.append(Normalizer.fold(c));
            }
        }
        flushLiteral(lit, kinds, values);
        // Trim spaces around breaks and at both ends: a break absorbs adjacent white space.
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) != LIT) {
                continue;
            }
            String v = values.get(i);
            if (i == 0 || kinds.get(i - 1) == BREAK) {
                v = stripLeading(v);
            }
            if (i == kinds.size() - 1 || kinds.get(i + 1) == BREAK) {
                v = stripTrailing(v);
            }
            values.set(i, v);
        }
        for (int i = kinds.size() - 1; i >= 0; i--) {
            if (kinds.get(i) == LIT && values.get(i).isEmpty()) {
                kinds.remove(i);
                values.remove(i);
            }
        }
        boolean anyLiteral = false;
        for (int k : kinds) {
            anyLiteral |= k == LIT;
        }
        if (!anyLiteral) {
            throw new IllegalArgumentException("a template needs literal text");
        }
        int[] k = new int[kinds.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = kinds.get(i);
        }
        return new Template(k, values.toArray(new String[0]));
    }

    private static void flushLiteral(StringBuilder lit, List<Integer> kinds, List<String> values) {
        if (lit.length() > 0) {
            kinds.add(LIT);
            values.add(lit.toString());
            lit.setLength(0);
        }
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailing(String s) {
        int i = s.length();
        while (i > 0 && s.charAt(i - 1) == ' ') {
            i--;
        }
        return s.substring(0, i);
    }

    /** The longest literal piece, folded: the key the prefilter looks for. */
    public String longestLiteral() {
        return longestLiteral;
    }

    /**
     * The evidence length of a match: the literal characters plus the text bound to {MESSAGE}, which the
     * template explains as an embedded reply. A phrase found inside that reply is therefore never stronger
     * evidence than the template around it.
     */
    public int evidence(int[] spans) {
        int slot = placeholders.indexOf("MESSAGE");
        if (slot < 0 || spans[2 * slot] < 0) {
            return literalLength;
        }
        return literalLength + spans[2 * slot + 1] - spans[2 * slot];
    }

    /** The distinct placeholder names, in order of first use. */
    public List<String> placeholders() {
        return placeholders;
    }

    /**
     * Matches against folded text. Returns the placeholder spans as {@code [start0, end0, start1, end1, ...]}
     * in the order of {@link #placeholders()} (first occurrence of each), or null when there is no match.
     *
     * @param text folded text
     * @param from where the reply proper starts
     * @param anchored whether the template must cover the text from {@code from} to the end
     */
    public int[] match(String text, int from, boolean anchored) {
        if (anchored) {
            return matchAt(text, from, true);
        }
        if (kinds[0] == PH) {
            // "{DOMAIN} does not exist": find the literal, then take the placeholder's characters before it
            String literal = values[1];
            int at = text.indexOf(literal, from);
            for (int tries = 0; at >= 0 && tries < 16; tries++) {
                int start = at;
                while (start > from && inClass(values[0], text.charAt(start - 1))) {
                    start--;
                }
                if (start < at) {
                    int[] spans = matchAt(text, start, false);
                    if (spans != null) {
                        return spans;
                    }
                }
                at = text.indexOf(literal, at + 1);
            }
            return null;
        }
        String first = values[0];
        int at = text.indexOf(first, from);
        for (int tries = 0; at >= 0 && tries < 16; tries++) {
            int[] spans = matchAt(text, at, false);
            if (spans != null) {
                return spans;
            }
            at = text.indexOf(first, at + 1);
        }
        return null;
    }

    /**
     * Whether this template may stand anywhere in a text: it starts with literal text, or with a restricted
     * placeholder ({HOSTNAME}, {DOMAIN}, {IP}, ...) directly followed by literal text.
     */
    public boolean unanchorable() {
        if (kinds[0] == LIT) {
            return true;
        }
        return kinds.length > 1 && kinds[1] == LIT && !values[0].equals("MESSAGE") && !values[0].equals("TEXT");
    }

    private int[] matchAt(String t, int start, boolean anchored) {
        int end = t.length();
        int[] spans = new int[placeholders.size() * 2];
        java.util.Arrays.fill(spans, -1);
        int pos = start;
        for (int i = 0; i < kinds.length; i++) {
            int kind = kinds[i];
            if (kind == LIT) {
                if (!t.startsWith(values[i], pos)) {
                    return null;
                }
                pos += values[i].length();
            } else if (kind == BREAK) {
                int p = pos;
                while (p < end && (t.charAt(p) == ' ' || t.charAt(p) == '/')) {
                    p++;
                }
                if (p == pos) {
                    return null;
                }
                pos = p;
            } else {
                String name = values[i];
                int stop = placeholderEnd(t, pos, end, i, anchored);
                if (stop <= pos) {
                    return null;
                }
                if (name.equals("DOMAIN") && t.lastIndexOf('.', stop - 1) < pos) {
                    return null; // a domain name has at least one dot
                }
                int slot = placeholders.indexOf(name) * 2;
                if (spans[slot] < 0) {
                    spans[slot] = pos;
                    spans[slot + 1] = stop;
                }
                pos = stop;
            }
        }
        if (anchored && pos != end) {
            return null;
        }
        return spans;
    }

    /** Where the placeholder at token {@code i} starting at {@code pos} ends, or -1. */
    private int placeholderEnd(String t, int pos, int end, int i, boolean anchored) {
        String name = values[i];
        boolean last = i == kinds.length - 1;
        if (last) {
            if (name.equals("MESSAGE") || name.equals("TEXT")) {
                return end;
            }
            int p = pos;
            while (p < end && inClass(name, t.charAt(p))) {
                p++;
            }
            if (anchored && p != end) {
                return -1;
            }
            if (!anchored && isHostClass(name)) {
                // a host name that ends a sentence does not own the sentence's full stop
                while (p > pos + 1 && (t.charAt(p - 1) == '.' || t.charAt(p - 1) == '-')) {
                    p--;
                }
            }
            return p;
        }
        // The anchor: the next literal, skipping a break.
        int next = i + 1;
        boolean breakFirst = kinds[next] == BREAK;
        if (breakFirst) {
            next++;
        }
        String anchor = next < kinds.length && kinds[next] == LIT ? values[next] : null;
        if (name.equals("MESSAGE")) {
            if (anchor == null) {
                return breakFirst ? lastBreakStart(t, pos, end) : -1;
            }
            int at = t.lastIndexOf(anchor);
            while (at > pos) {
                int stop = breakFirst ? breakStartBefore(t, pos, at) : at;
                if (stop > pos) {
                    return stop;
                }
                at = t.lastIndexOf(anchor, at - 1);
            }
            return -1;
        }
        if (name.equals("TEXT")) {
            int at = anchor == null ? -1 : t.indexOf(anchor, pos + 1);
            while (at > pos) {
                int stop = breakFirst ? breakStartBefore(t, pos, at) : at;
                if (stop > pos) {
                    return stop;
                }
                at = t.indexOf(anchor, at + 1);
            }
            return -1;
        }
        // Restricted class: lazily, the first place after at least one class character where what follows matches.
        for (int p = pos; p < end && inClass(name, t.charAt(p)); p++) {
            int q = p + 1;
            if (breakFirst) {
                if (q < end && (t.charAt(q) == ' ' || t.charAt(q) == '/')) {
                    int r = q;
                    while (r < end && (t.charAt(r) == ' ' || t.charAt(r) == '/')) {
                        r++;
                    }
                    if (anchor == null || t.startsWith(anchor, r)) {
                        return q;
                    }
                }
            } else if (anchor != null && t.startsWith(anchor, q)) {
                return q;
            }
        }
        return -1;
    }

    private static int breakStartBefore(String t, int pos, int at) {
        int b = at;
        while (b > pos && (t.charAt(b - 1) == ' ' || t.charAt(b - 1) == '/')) {
            b--;
        }
        return b < at ? b : -1;
    }

    private static int lastBreakStart(String t, int pos, int end) {
        for (int p = end - 1; p > pos; p--) {
            if (t.charAt(p) == ' ' || t.charAt(p) == '/') {
                return p;
            }
        }
        return -1;
    }

    private static boolean isHostClass(String name) {
        return name.equals("HOSTNAME") || name.equals("DOMAIN") || name.equals("BLOCKLIST");
    }

    private static boolean inClass(String name, char c) {
        switch (name) {
            case "HOSTNAME":
            case "DOMAIN":
            case "BLOCKLIST":
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            case "IP":
                return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.' || c == '['
                        || c == ']';
            case "NUMBER":
                return c >= '0' && c <= '9';
            default:
                return c != ' ';
        }
    }
}
