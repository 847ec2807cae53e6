package io.smtpverdict.core.match;

import io.smtpverdict.core.parse.FoldedText;
import io.smtpverdict.core.parse.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A vendor message with placeholders, compiled for matching against folded text.
 *
 * <p>Matching is deterministic and linear in the text for a given template: every placeholder picks one
 * extent without backtracking. Restricted placeholders ({HOSTNAME}, {IP}, ...) and {TEXT} end at the first
 * place where the following literal matches; {MESSAGE} ends at the last such place. A {@code /} in the
 * template is a line break of the vendor's log and matches {@code /}, a line break or a space. A template may have
 * an optional tail ({@link #compile(String, String)}): the text after it when the text has it, so that a text cut
 * before the tail still matches, its last placeholder then running to the end.
 */
public final class Template {
    private static final int LIT = 0;
    private static final int BREAK = 1;
    private static final int PH = 2;

    private final int[] kinds;
    /** The literal text of each literal token; null for the others. */
    private final String[] values;
    /** The placeholder of each placeholder token; null for the others. */
    private final Placeholder[] slots;
    /** For each placeholder token, its index in {@link #placeholders}: where its span is reported. */
    private final int[] slotIndex;
    private final String longestLiteral;
    private final int literalLength;
    private final List<Placeholder> placeholders;
    private final int messageSlot;
    /** The template without its optional tail, tried when this one (with the tail) does not match; or null. */
    private final Template withoutTail;

    private Template(int[] kinds, String[] values, Placeholder[] slots, Template withoutTail) {
        this.withoutTail = withoutTail;
        this.kinds = kinds;
        this.values = values;
        this.slots = slots;
        this.slotIndex = new int[kinds.length];
        String longest = "";
        int total = 0;
        List<Placeholder> distinct = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == LIT) {
                total += values[i].length();
                if (values[i].length() > longest.length()) {
                    longest = values[i];
                }
            } else if (kinds[i] == PH) {
                if (!distinct.contains(slots[i])) {
                    distinct.add(slots[i]);
                }
                slotIndex[i] = distinct.indexOf(slots[i]);
            }
        }
        this.longestLiteral = longest;
        this.literalLength = total;
        this.placeholders = Collections.unmodifiableList(distinct);
        this.messageSlot = distinct.indexOf(Placeholder.MESSAGE);
    }

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException naming the problem: unknown or unclosed placeholder, two placeholders
     *     side by side, no literal text at all
     */
    public static Template compile(String source) {
        return parse(source, null);
    }

    private static Template parse(String source, Template withoutTail) {
        List<Integer> kinds = new ArrayList<>();
        List<Object> values = new ArrayList<>();
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
                Placeholder placeholder = Placeholder.named(name).orElseThrow(() -> new IllegalArgumentException(
                        "unknown placeholder {" + name + "}; known: " + Placeholder.names()));
                flushLiteral(lit, kinds, values);
                if (!kinds.isEmpty() && kinds.get(kinds.size() - 1) == PH) {
                    throw new IllegalArgumentException("placeholders side by side at " + i
                            + ": put literal text between them");
                }
                kinds.add(PH);
                values.add(placeholder);
                i = close;
            } else if (c == '/' && (kinds.isEmpty() && lit.toString().isBlank() || source.substring(i + 1).isBlank())) {
                // at either end there is no line to break: the vendor's text has a slash there ("/SECURITY ...")
                lit.append('/');
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
                char f = Normalizer.fold(c);
                if (f != Normalizer.DROP) {
                    lit.append(f);
                }
            }
        }
        flushLiteral(lit, kinds, values);
        // Trim spaces around breaks and at both ends: a break absorbs adjacent white space.
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) != LIT) {
                continue;
            }
            String v = (String) values.get(i);
            if (i == 0 || kinds.get(i - 1) == BREAK) {
                v = stripLeading(v);
            }
            if (i == kinds.size() - 1 || kinds.get(i + 1) == BREAK) {
                v = stripTrailing(v);
            }
            values.set(i, v);
        }
        for (int i = kinds.size() - 1; i >= 0; i--) {
            if (kinds.get(i) == LIT && ((String) values.get(i)).isEmpty()) {
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
        String[] literals = new String[k.length];
        Placeholder[] slots = new Placeholder[k.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = kinds.get(i);
            if (values.get(i) instanceof Placeholder) {
                slots[i] = (Placeholder) values.get(i);
            } else {
                literals[i] = (String) values.get(i);
            }
        }
        return new Template(k, literals, slots, withoutTail);
    }

    /**
     * Compiles a template with an optional tail: it matches a text that has the tail after the template as the
     * template and tail together do, and a text without it (cut before the tail) as the template alone does. A
     * placeholder only in the tail is then unbound, and the evidence is the template's alone.
     *
     * @param tail template text following {@code source}, or null for none
     * @throws IllegalArgumentException as {@link #compile(String)}, for either form
     */
    public static Template compile(String source, String tail) {
        if (tail == null) {
            return compile(source);
        }
        if (tail.isBlank()) {
            throw new IllegalArgumentException("an optional tail needs text");
        }
        // the head's placeholders are the whole's first, in the same order: their spans line up
        return parse(source + tail, compile(source));
    }

    private static void flushLiteral(StringBuilder lit, List<Integer> kinds, List<Object> values) {
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

    /**
     * The longest literal piece, folded: the key the prefilter looks for. With an optional tail, the longest of the
     * template without it, which a text cut before the tail still holds.
     */
    public String longestLiteral() {
        return withoutTail != null ? withoutTail.longestLiteral : longestLiteral;
    }

    /**
     * The evidence length of a match: the literal characters plus the text bound to {MESSAGE}, which the
     * template explains as an embedded reply. A phrase found inside that reply is therefore never stronger
     * evidence than the template around it.
     */
    private int evidence(int[] spans) {
        if (messageSlot < 0 || spans[2 * messageSlot] < 0) {
            return literalLength;
        }
        return literalLength + spans[2 * messageSlot + 1] - spans[2 * messageSlot];
    }

    /** The distinct placeholders, in order of first use. */
    public List<Placeholder> placeholders() {
        return placeholders;
    }

    /**
     * At least the {@link #spanLength()} of the template {@link #compile(String, String)} makes of these, without
     * compiling it: two for each placeholder written.
     */
    public static int maxSpanLength(String source, String tail) {
        int n = 0;
        for (String part : new String[] {source, tail}) {
            for (int i = 0; part != null && i < part.length(); i++) {
                if (part.charAt(i) == '{') {
                    n += 2;
                }
            }
        }
        return n;
    }

    /** How long an array {@link #match(String, int, boolean, int[])} needs for the spans. */
    public int spanLength() {
        return placeholders.size() * 2;
    }

    /**
     * Matches against folded text; returns whether the template matches. The placeholder spans go into
     * {@code spans} (at least {@link #spanLength()} long) as {@code [start0, end0, start1, end1, ...]} in the order
     * of {@link #placeholders()} (first occurrence of each; -1 for one not bound). Allocates nothing.
     *
     * @param text folded text
     * @param from where the reply proper starts
     * @param anchored whether the template must cover the text from {@code from} to the end
     */
    public boolean match(String text, int from, boolean anchored, int[] spans) {
        return evidence(FoldedText.of(text), from, anchored, spans) >= 0;
    }

    /**
     * As {@link #match(String, int, boolean, int[])}, on folded text held in a reused buffer, returning the evidence
     * length of the match (the literal characters plus the text bound to {MESSAGE}, which the template explains as an
     * embedded reply, so a phrase found inside that reply never outweighs the template around it), or -1 for none.
     */
    public int evidence(FoldedText text, int from, boolean anchored, int[] spans) {
        if (search(text, from, anchored, spans)) {
            return evidence(spans);
        }
        if (withoutTail == null || !withoutTail.search(text, from, anchored, spans)) {
            return -1;
        }
        java.util.Arrays.fill(spans, withoutTail.spanLength(), spanLength(), -1);
        return withoutTail.evidence(spans);
    }

    private boolean search(FoldedText text, int from, boolean anchored, int[] spans) {
        if (anchored) {
            return matchAt(text, from, true, spans);
        }
        if (kinds[0] == PH) {
            // "{DOMAIN} does not exist": find the literal, then take the placeholder's characters before it; a host
            // placeholder does not take the domain of an address ("user@b.example does not exist" names a mailbox)
            String literal = values[1];
            int at = text.indexOf(literal, from);
            for (int tries = 0; at >= 0 && tries < 16; tries++) {
                int start = at;
                while (start > from && slots[0].accepts(text.charAt(start - 1))) {
                    start--;
                }
                boolean addressDomain = slots[0].hostLike() && start > 0 && text.charAt(start - 1) == '@';
                if (start < at && !addressDomain && matchAt(text, start, false, spans)) {
                    return true;
                }
                at = text.indexOf(literal, at + 1);
            }
            return false;
        }
        String first = values[0];
        int at = text.indexOf(first, from);
        for (int tries = 0; at >= 0 && tries < 16; tries++) {
            if (matchAt(text, at, false, spans)) {
                return true;
            }
            at = text.indexOf(first, at + 1);
        }
        return false;
    }

    /**
     * Whether this template may stand anywhere in a text: it starts with literal text, or with a restricted
     * placeholder ({HOSTNAME}, {DOMAIN}, {IP}, ...) directly followed by literal text.
     */
    public boolean unanchorable() {
        if (kinds[0] == LIT) {
            return true;
        }
        return kinds[0] == PH && kinds.length > 1 && kinds[1] == LIT && slots[0].restricted();
    }

    private boolean matchAt(FoldedText t, int start, boolean anchored, int[] spans) {
        int end = t.length();
        java.util.Arrays.fill(spans, 0, spanLength(), -1);
        int pos = start;
        for (int i = 0; i < kinds.length; i++) {
            int kind = kinds[i];
            if (kind == LIT) {
                if (!t.startsWith(values[i], pos)) {
                    return false;
                }
                pos += values[i].length();
            } else if (kind == BREAK) {
                int p = pos;
                while (p < end && (t.charAt(p) == ' ' || t.charAt(p) == '/')) {
                    p++;
                }
                if (p == pos) {
                    return false;
                }
                pos = p;
            } else {
                Placeholder ph = slots[i];
                int stop = placeholderEnd(t, pos, end, i, anchored);
                if (stop <= pos) {
                    return false;
                }
                if (ph.needsDot() && t.lastIndexOf('.', stop - 1) < pos) {
                    return false;
                }
                if (ph.needsAt() && !addressLike(t, pos, stop)) {
                    return false;
                }
                if (ph.needsDigit() && !digitLike(t, pos, stop)) {
                    return false;
                }
                int slot = slotIndex[i] * 2;
                if (spans[slot] < 0) {
                    spans[slot] = pos;
                    spans[slot + 1] = stop;
                }
                pos = stop;
            }
        }
        return !anchored || pos == end;
    }

    /** Whether {@code t[from, to)} holds an {@code @} or is the null sender {@code <>}. */
    private static boolean addressLike(FoldedText t, int from, int to) {
        if (to - from >= 2 && t.charAt(from) == '<' && t.charAt(from + 1) == '>') {
            return true;
        }
        for (int p = from; p < to; p++) {
            if (t.charAt(p) == '@') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code t[from, to)} holds a digit or a colon. */
    private static boolean digitLike(FoldedText t, int from, int to) {
        for (int p = from; p < to; p++) {
            char c = t.charAt(p);
            if ((c >= '0' && c <= '9') || c == ':') {
                return true;
            }
        }
        return false;
    }

    /** Where the placeholder at token {@code i} starting at {@code pos} ends, or -1. */
    private int placeholderEnd(FoldedText t, int pos, int end, int i, boolean anchored) {
        Placeholder ph = slots[i];
        boolean last = i == kinds.length - 1;
        if (last) {
            if (!ph.restricted()) {
                return end;
            }
            int p = pos;
            while (p < end && ph.accepts(t.charAt(p))) {
                p++;
            }
            if (anchored && p != end) {
                return -1;
            }
            if (!anchored && ph.hostLike()) {
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
        if (ph.extent() == Placeholder.Extent.LAST) {
            if (anchor == null && breakFirst && next + 1 < kinds.length && kinds[next] == PH && slots[next].restricted()
                    && kinds[next + 1] == LIT) {
                // "{MESSAGE}/{EMAIL}... Deferred:": the last place where the next literal follows a value of the
                // placeholder after a break, so that the message ends before that line rather than at the last break
                return lastBeforeValueAndLiteral(t, pos, slots[next], values[next + 1]);
            }
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
        if (ph.extent() == Placeholder.Extent.FIRST) {
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
        for (int p = pos; p < end && ph.accepts(t.charAt(p)); p++) {
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

    private static int breakStartBefore(FoldedText t, int pos, int at) {
        int b = at;
        while (b > pos && (t.charAt(b - 1) == ' ' || t.charAt(b - 1) == '/')) {
            b--;
        }
        return b < at ? b : -1;
    }

    /**
     * Where a placeholder that runs as far as it can ends when a break, a restricted placeholder {@code value} and the
     * literal {@code literal} follow it: at the break before the last value of {@code value} that {@code literal}
     * follows; -1 when there is none after {@code pos}.
     */
    private static int lastBeforeValueAndLiteral(FoldedText t, int pos, Placeholder value, String literal) {
        int at = t.lastIndexOf(literal);
        while (at > pos) {
            int v = at;
            while (v > pos && value.accepts(t.charAt(v - 1))) {
                v--;
            }
            if (v < at) {
                int stop = breakStartBefore(t, pos, v);
                if (stop > pos) {
                    return stop;
                }
            }
            at = t.lastIndexOf(literal, at - 1);
        }
        return -1;
    }

    private static int lastBreakStart(FoldedText t, int pos, int end) {
        for (int p = end - 1; p > pos; p--) {
            if (t.charAt(p) == ' ' || t.charAt(p) == '/') {
                return p;
            }
        }
        return -1;
    }
}
