package io.smtpverdict.core.match;

import java.util.Arrays;
import java.util.List;

/**
 * A multi-pattern automaton over folded text: one pass over the input finds every occurrence of every key,
 * in time linear in the input plus the number of hits, whatever the number of keys.
 *
 * <p>Hand-written rather than taken from a library because the hot path must not allocate: the existing
 * Java implementations return a collection of emit objects per scan. Transitions are stored flat (sorted
 * labels per state), the root has a dense table, and every state knows the nearest state on its failure
 * chain that ends a key.
 */
public final class AhoCorasick {
    /** Receives one hit: a key id and the index just after where it ends in the scanned text. */
    @FunctionalInterface
    public interface HitSink {
        /** Called once per occurrence. */
        void hit(int keyId, int end);
    }

    private final int[] root = new int[65536];
    private final int[] transStart;
    private final char[] labels;
    private final int[] targets;
    private final int[] fail;
    private final int[] outKey;
    private final int[] dictLink;
    /** For each state, the first state on its failure chain (itself included) that ends a key, or -1. */
    private final int[] firstOut;
    /** Dense rows, {@code denseStates x width}, of the first states (breadth-first: the shallow, hot ones). */
    private final int[] dense;
    /** The same as {@link #dense} in half the memory, when every state number fits in a char. */
    private final char[] dense16;
    /** How many states, from state 0 on, have a dense row. */
    private final int denseStates;
    /** The column of each character in a dense row; 0 for a character of no key, {@link #SPARSE} for one of
     * the key characters outside {@link #DENSE_ALPHABET}, which take the sparse transitions. */
    private final char[] charClass;
    private final int width;
    /**
     * For each state with exactly one transition, to the next state in number (the depth-first layout makes a key's
     * chain of deep states consecutive), that transition's character; {@link #SPARSE} for every other state. Text
     * that follows a key deep into the trie then takes one array read per character instead of a row search.
     */
    private final char[] chain;

    /**
     * Most transition cells the dense rows may have: 1 MiB as chars, which stays in a core's cache. Rows for every
     * state of the shipped rules (2.5M cells) were slower on the realistic mix (240-295k against 324-338k replies
     * per CPU second, same run) and on the command line, and took longer to build.
     */
    static final int DENSE_BUDGET = 1 << 19;
    /** Characters below this get a dense column when a key uses them: Latin, Latin-1 and Latin Extended-A. */
    static final char DENSE_ALPHABET = 0x180;
    private static final char SPARSE = 0xFFFF;

    private AhoCorasick(int[] transStart, char[] labels, int[] targets, int[] fail, int[] outKey, int[] dictLink) {
        this.transStart = transStart;
        this.labels = labels;
        this.targets = targets;
        this.fail = fail;
        this.outKey = outKey;
        this.dictLink = dictLink;
        this.firstOut = new int[fail.length];
        for (int st = 0; st < fail.length; st++) {
            firstOut[st] = st == 0 ? -1 : outKey[st] >= 0 ? st : dictLink[st];
        }
        for (int i = transStart[0]; i < transStart[1]; i++) {
            root[labels[i]] = targets[i];
        }
        // Dense rows over the key alphabet: one array read per character, no failure walks. Rows go to the
        // shallow states first (states are numbered breadth-first), as many as the budget allows; deeper states,
        // which ordinary text seldom reaches, walk sparse transitions until they fall back into a dense row.
        char[] cls = new char[65536];
        int classes = 1;
        for (char label : labels) {
            if (cls[label] == 0) {
                cls[label] = label < DENSE_ALPHABET ? (char) classes++ : SPARSE;
            }
        }
        int states = fail.length;
        this.chain = new char[states];
        for (int st = 0; st < states; st++) {
            boolean single = transStart[st + 1] - transStart[st] == 1 && targets[transStart[st]] == st + 1;
            chain[st] = single ? labels[transStart[st]] : SPARSE;
        }
        this.charClass = cls;
        this.width = classes;
        this.denseStates = denseStates(states, classes);
        int rowWidth = classes;
        if (states <= 65536) {
            char[] d = new char[denseStates * classes];
            fillRows(cls, (from, to) -> System.arraycopy(d, from, d, to, rowWidth), (at, t) -> d[at] = (char) t);
            this.dense16 = d;
            this.dense = null;
        } else {
            int[] d = new int[denseStates * classes];
            fillRows(cls, (from, to) -> System.arraycopy(d, from, d, to, rowWidth), (at, t) -> d[at] = t);
            this.dense16 = null;
            this.dense = d;
        }
    }

    /** Writes into a dense table of either cell width. */
    private interface Cells {
        /** Copies one row. */
        void copyRow(int from, int to);
    }

    /** Sets one cell of a dense table. */
    private interface CellSetter {
        /** Sets the cell at {@code at} to state {@code target}. */
        void set(int at, int target);
    }

    /** Fills the dense rows of the first {@link #denseStates} states. */
    private void fillRows(char[] cls, Cells rows, CellSetter cells) {
        for (int s = 0; s < denseStates; s++) {
            int row = s * width;
            if (s != 0) {
                // states are numbered breadth-first (see build): a state's failure target is shallower, so it has
                // a smaller number and its row is complete already
                rows.copyRow(fail[s] * width, row);
            }
            for (int i = transStart[s]; i < transStart[s + 1]; i++) {
                if (cls[labels[i]] != SPARSE) {
                    cells.set(row + cls[labels[i]], targets[i]);
                }
            }
        }
    }

    private static int[] bfsOrder(int[] transStart, int[] targets, int states) {
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        while (head < tail) {
            int s = queue[head++];
            for (int i = transStart[s]; i < transStart[s + 1]; i++) {
                queue[tail++] = targets[i];
            }
        }
        return queue;
    }

    /** How many states have a dense row (all of them when the automaton is small enough). */
    public int denseStates() {
        return denseStates;
    }

    /** How many states the automaton has. */
    public int stateCount() {
        return fail.length;
    }

    /**
     * Builds an automaton; key {@code i} of the list gets id {@code i}. Keys must be non-empty and distinct
     * (fold them with {@link io.smtpverdict.core.parse.Normalizer} first).
     */
    public static AhoCorasick build(List<String> keys) {
        // The trie from the keys in sorted order: a key shares the states of its common prefix with the key
        // before it, so each state's children are made in increasing label order and rows need no sorting.
        Integer[] byText = new Integer[keys.size()];
        int total = 1;
        for (int k = 0; k < byText.length; k++) {
            byText[k] = k;
            if (keys.get(k).isEmpty()) {
                throw new IllegalArgumentException("empty key at " + k);
            }
            total += keys.get(k).length();
        }
        Arrays.sort(byText, (a, b) -> keys.get(a).compareTo(keys.get(b)));
        int[] parent = new int[total];
        char[] label = new char[total];
        int[] out = new int[total];
        Arrays.fill(out, -1);
        int[] path = new int[total];
        String prev = "";
        int next = 1;
        for (int k : byText) {
            String key = keys.get(k);
            int lcp = 0;
            int max = Math.min(key.length(), prev.length());
            while (lcp < max && key.charAt(lcp) == prev.charAt(lcp)) {
                lcp++;
            }
            int st = path[lcp];
            for (int i = lcp; i < key.length(); i++) {
                parent[next] = st;
                label[next] = key.charAt(i);
                st = next++;
                path[i + 1] = st;
            }
            if (out[st] >= 0) {
                throw new IllegalArgumentException("duplicate key: " + key);
            }
            out[st] = k;
            prev = key;
        }
        int states = next;
        int[] transStart = new int[states + 1];
        for (int t = 1; t < states; t++) {
            transStart[parent[t] + 1]++;
        }
        for (int st = 0; st < states; st++) {
            transStart[st + 1] += transStart[st];
        }
        char[] labels = new char[states - 1];
        int[] targets = new int[states - 1];
        int[] fill = Arrays.copyOf(transStart, states);
        for (int t = 1; t < states; t++) {
            int at = fill[parent[t]]++;
            labels[at] = label[t];
            targets[at] = t;
        }
        int[] order = layout(transStart, labels, targets, states);
        int[] newId = new int[states];
        for (int i = 0; i < states; i++) {
            newId[order[i]] = i;
        }
        int[] bStart = new int[states + 1];
        char[] bLabels = new char[labels.length];
        int[] bTargets = new int[targets.length];
        int[] bOut = new int[states];
        int w = 0;
        for (int i = 0; i < states; i++) {
            int old = order[i];
            bStart[i] = w;
            bOut[i] = out[old];
            for (int t = transStart[old]; t < transStart[old + 1]; t++) {
                bLabels[w] = labels[t];
                bTargets[w] = newId[targets[t]];
                w++;
            }
        }
        bStart[states] = w;
        transStart = bStart;
        labels = bLabels;
        targets = bTargets;
        out = bOut;
        int[] fail = new int[states];
        int[] outKey = new int[states];
        int[] dictLink = new int[states];
        for (int s = 0; s < states; s++) {
            outKey[s] = out[s];
            dictLink[s] = -1;
        }
        // Breadth-first: failure links and dictionary links.
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int i = transStart[0]; i < transStart[1]; i++) {
            fail[targets[i]] = 0;
            queue[tail++] = targets[i];
        }
        while (head < tail) {
            int s = queue[head++];
            for (int i = transStart[s]; i < transStart[s + 1]; i++) {
                char c = labels[i];
                int t = targets[i];
                int f = fail[s];
                int ft;
                while (true) {
                    ft = step(transStart, labels, targets, f, c);
                    if (ft >= 0 || f == 0) {
                        break;
                    }
                    f = fail[f];
                }
                fail[t] = ft >= 0 && ft != t ? ft : 0;
                dictLink[t] = outKey[fail[t]] >= 0 ? fail[t] : dictLink[fail[t]];
                queue[tail++] = t;
            }
        }
        return new AhoCorasick(transStart, labels, targets, fail, outKey, dictLink);
    }

    /**
     * The order in which states are numbered. The states that get dense rows come first, breadth-first: the shallow
     * states that ordinary text keeps visiting become neighbours in memory, and each state's failure target (which
     * is shallower) has a smaller number, as the dense rows' construction needs. The deeper states follow
     * depth-first, so that a key's chain of states (and their transitions, failure and output entries) are
     * neighbours too: text that follows a key deep into the trie reads memory in sequence instead of jumping
     * across the breadth-first levels.
     */
    private static int[] layout(int[] transStart, char[] labels, int[] targets, int states) {
        int[] order = bfsOrder(transStart, targets, states);
        int dense = denseStates(states, alphabetWidth(labels));
        boolean[] isDense = new boolean[states];
        for (int i = 0; i < dense; i++) {
            isDense[order[i]] = true;
        }
        // depth-first from the deep children of the dense states, in their order and label order: push in reverse
        int next = dense;
        int[] stack = new int[states];
        int top = 0;
        for (int r = dense - 1; r >= 0; r--) {
            int s = order[r];
            for (int i = transStart[s + 1] - 1; i >= transStart[s]; i--) {
                if (!isDense[targets[i]]) {
                    stack[top++] = targets[i];
                }
            }
        }
        while (top > 0) {
            int s = stack[--top];
            order[next++] = s;
            for (int i = transStart[s + 1] - 1; i >= transStart[s]; i--) {
                stack[top++] = targets[i];
            }
        }
        return order;
    }

    /**
     * How many states get a dense row: the layout numbers exactly these breadth-first and the constructor fills
     * exactly these rows, so both must ask here.
     */
    private static int denseStates(int states, int width) {
        return (int) Math.min(states, DENSE_BUDGET / width);
    }

    /** How many columns a dense row has: one per distinct key character below {@link #DENSE_ALPHABET}, plus one. */
    private static int alphabetWidth(char[] labels) {
        boolean[] seen = new boolean[DENSE_ALPHABET];
        int classes = 1;
        for (char label : labels) {
            if (label < DENSE_ALPHABET && !seen[label]) {
                seen[label] = true;
                classes++;
            }
        }
        return classes;
    }

    private static int step(int[] transStart, char[] labels, int[] targets, int s, char c) {
        int lo = transStart[s];
        int hi = transStart[s + 1] - 1;
        if (hi - lo < 8) {
            for (int i = lo; i <= hi; i++) {
                if (labels[i] == c) {
                    return targets[i];
                }
            }
            return -1;
        }
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char m = labels[mid];
            if (m < c) {
                lo = mid + 1;
            } else if (m > c) {
                hi = mid - 1;
            } else {
                return targets[mid];
            }
        }
        return -1;
    }

    /** Reports every occurrence of every key in {@code text} to {@code sink}, in order of their end. */
    public void scan(CharSequence text, HitSink sink) {
        int s = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            s = next(s, text.charAt(i));
            emit(s, i + 1, sink);
        }
    }

    /**
     * Scans raw text as if it had been folded by {@link io.smtpverdict.core.parse.Normalizer}, reading the ranges
     * in {@code skips} (pairs of from and to indexes, in order; null for none) as white space as it does: the same
     * keys are found at the same (folded) end positions, without building the folded copy.
     */
    public void scanFolding(CharSequence text, int[] skips, HitSink sink) {
        scanFolding(text, skips, sink, null);
    }

    /**
     * {@link #scanFolding(CharSequence, int[], HitSink)} that also writes the folded text it reads into {@code out}
     * when that is not null (at least as long as the text): the same characters, in the same places, as the
     * {@link io.smtpverdict.core.parse.Normalizer} folds them, so a caller that needs the folded copy too gets it
     * without a second pass over the text.
     *
     * @return the length of the folded text
     */
    public int scanFolding(CharSequence text, int[] skips, HitSink sink, char[] out) {
        int s = 0;
        int at = 0;
        boolean pendingSpace = false;
        int n = text.length();
        int k = 0;
        int nextSkip = skips == null || skips.length == 0 ? Integer.MAX_VALUE : skips[0];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (i == nextSkip) {
                i = skips[k + 1] - 1;
                k += 2;
                nextSkip = k < skips.length ? skips[k] : Integer.MAX_VALUE;
                pendingSpace = at > 0;
                continue;
            }
            char f = io.smtpverdict.core.parse.Normalizer.foldOrSpace(c);
            if (f == ' ') {
                pendingSpace = at > 0;
                continue;
            }
            if (pendingSpace) {
                if (out != null) {
                    out[at] = ' ';
                }
                s = next(s, ' ');
                emit(s, ++at, sink);
                pendingSpace = false;
            }
            if (out != null) {
                out[at] = f;
            }
            s = next(s, f);
            emit(s, ++at, sink);
        }
        return at;
    }

    private int next(int s, char c) {
        int k = charClass[c];
        if (k == 0) {
            return 0; // a character of no key
        }
        if (k != SPARSE) {
            while (s >= denseStates) {
                char only = chain[s]; // c is below DENSE_ALPHABET here, so never SPARSE
                if (only == c) {
                    return s + 1;
                }
                int t = only != SPARSE ? -1 : step(transStart, labels, targets, s, c);
                if (t >= 0) {
                    return t;
                }
                s = fail[s];
            }
            return dense16 != null ? dense16[s * width + k] : dense[s * width + k];
        }
        while (true) {
            if (s == 0) {
                return root[c];
            }
            int t = step(transStart, labels, targets, s, c);
            if (t >= 0) {
                return t;
            }
            s = fail[s];
        }
    }

    private void emit(int s, int end, HitSink sink) {
        int o = firstOut[s];
        while (o > 0) {
            sink.hit(outKey[o], end);
            o = dictLink[o];
        }
    }
}
