package io.smtpverdict.core.match;

import java.util.Arrays;
import java.util.List;

/**
 * A multi-pattern automaton over folded text: one pass over the input finds every occurrence of every key,
 * in time linear in the input plus the number of hits, whatever the number of keys.
 *
 * <p>Hand-written rather than taken from a library because the hot path must not allocate: the existing
 * Java implementations return a collection of emit objects per scan. Transitions are stored flat (sorted
 * labels per state; a state whose one transition leads to the next state keeps only its label), the root has a
 * dense table, and every state knows the first key ending on its failure chain. Memory is about 14 bytes per state
 * plus the dense rows: the shipped rules' 630,000 states take about 12 MB.
 */
public final class AhoCorasick {
    /** Receives one hit: a key id and the index just after where it ends in the scanned text. */
    @FunctionalInterface
    public interface HitSink {
        /** Called once per occurrence. */
        void hit(int keyId, int end);
    }

    private final int[] root = new int[65536];
    /** The transitions of the states that are not chain states (see {@link #chain}), as the trie's. */
    private final int[] transStart;
    private final char[] labels;
    private final int[] targets;
    private final int[] fail;
    /**
     * For each state, the output of the first state on its failure chain (itself included) that ends a key, or -1: an
     * index into {@link #outKey} and {@link #outNext}, which have one entry per key (only a state that ends a key has
     * one).
     */
    private final int[] firstOut;
    /** Each output's key. */
    private final int[] outKey;
    /** The output of the next state on the failure chain that ends a key, or -1. */
    private final int[] outNext;
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

    /**
     * Keeps what a scan reads; a state's output is numbered among the states that end a key (most states of the
     * shipped rules end none).
     */
    private AhoCorasick(int[] transStart, char[] labels, int[] targets, int[] fail, int[] outKey, int[] dictLink,
            char[] chain, char[] charClass, int width, int denseStates, int[] dense) {
        int states = fail.length;
        for (int i = transStart[0]; i < transStart[1]; i++) {
            root[labels[i]] = targets[i];
        }
        if (chain[0] != SPARSE) {
            root[chain[0]] = 1;
        }
        this.transStart = transStart;
        this.labels = labels;
        this.targets = targets;
        this.fail = fail;
        // the outputs numbered in place of the keys, then each state's first output in place of its dictionary link
        int outputs = 0;
        for (int st = 0; st < states; st++) {
            if (outKey[st] >= 0) {
                outputs++;
            }
        }
        this.outKey = new int[outputs];
        this.outNext = new int[outputs];
        int[] output = outKey;
        for (int st = 0, o = 0; st < states; st++) {
            if (outKey[st] >= 0) {
                this.outKey[o] = outKey[st];
                output[st] = o++;
            }
        }
        for (int st = 0; st < states; st++) {
            int link = dictLink[st] > 0 ? output[dictLink[st]] : -1;
            if (output[st] >= 0) {
                outNext[output[st]] = link;
                dictLink[st] = output[st];
            } else {
                dictLink[st] = link;
            }
        }
        this.firstOut = dictLink;
        this.chain = chain;
        this.charClass = charClass;
        this.width = width;
        this.denseStates = denseStates;
        if (states <= 65536) {
            char[] d = new char[dense.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = (char) dense[i];
            }
            this.dense16 = d;
            this.dense = null;
        } else {
            this.dense16 = null;
            this.dense = dense;
        }
    }

    /**
     * Fills state {@code s}'s dense row: its failure target's row (states are numbered breadth-first, see
     * {@link Trie}, so that target is shallower and its row is complete already), then its own transitions.
     */
    private static void fillRow(int[] dense, int width, char[] cls, char[] chain, int[] transStart, char[] labels,
            int[] targets, int s, int failure) {
        int row = s * width;
        if (s != 0) {
            System.arraycopy(dense, failure * width, dense, row, width);
        }
        if (chain[s] != SPARSE && cls[chain[s]] != SPARSE) {
            dense[row + cls[chain[s]]] = s + 1;
        }
        for (int i = transStart[s]; i < transStart[s + 1]; i++) {
            if (cls[labels[i]] != SPARSE) {
                dense[row + cls[labels[i]]] = targets[i];
            }
        }
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
        Trie trie = new Trie(keys);
        Links links = new Links(trie);
        for (int t = 1; t < trie.out.length; t++) {
            if (links.fail[t] < 0) {
                links.link(t);
            }
        }
        // the parent links are read no more: let them go before the scan's arrays are made (the build's peak memory)
        trie.into = null;
        trie.intoLabel = null;
        links.into = null;
        links.intoLabel = null;
        links.dictionaryLinks();
        return new AhoCorasick(trie.transStart, trie.labels, trie.targets, links.fail, trie.out, links.dictLink,
                trie.chain, trie.cls, trie.width, trie.denseStates, links.dense);
    }

    /**
     * The keys' trie, its states numbered as the automaton keeps them. The states that get dense rows come first,
     * breadth-first: the shallow states that ordinary text keeps visiting become neighbours in memory, and each
     * state's failure target (which is shallower) has a smaller number, as the dense rows' construction needs. The
     * deeper states follow depth-first, so that a key's chain of states (and their transitions, failure and output
     * entries) are neighbours too: text that follows a key deep into the trie reads memory in sequence instead of
     * jumping across the breadth-first levels.
     */
    private static final class Trie {
        /**
         * Each state's transitions but a chain state's (see {@link #chain}): from {@code transStart[s]} to
         * {@code transStart[s + 1]}, labels increasing.
         */
        final int[] transStart;
        final char[] labels;
        final int[] targets;
        /**
         * For each state with exactly one transition, to the next state in number, that transition's character;
         * {@link #SPARSE} for every other state (whose transitions alone {@link #labels} and {@link #targets} hold).
         */
        final char[] chain;
        /** The key each state ends, -1 for none. */
        final int[] out;
        /** The state each state is reached from, and on which character; dropped once the failure links are found. */
        int[] into;
        char[] intoLabel;
        /**
         * The column of each character in a dense row: 0 for a character of no key, {@link #SPARSE} for a key
         * character outside {@link #DENSE_ALPHABET}, else 1 and up; the last element is the row's width, also kept
         * below.
         */
        final char[] cls;
        final int width;
        /** How many states, from state 0 on, get a dense row. */
        final int denseStates;

        /**
         * Made from the keys in sorted order: a key shares the states of its common prefix with the key before it,
         * so the states are made depth-first, each state's children in increasing label order. That order, taken
         * level by level, is also the breadth-first order, so the dense states are the first made of the shallowest
         * levels; the others keep the order they were made in.
         */
        Trie(List<String> keys) {
            int longest = 0;
            for (int k = 0; k < keys.size(); k++) {
                int length = keys.get(k).length();
                if (length == 0) {
                    throw new IllegalArgumentException("empty key at " + k);
                }
                longest = Math.max(longest, length);
            }
            int[] order = sorted(keys);
            // first the states counted by level, and the dense columns given in the order the labels are met: the keys
            // share prefixes, so the states are far fewer than the keys' characters
            int[] levelNext = new int[longest + 1];
            levelNext[0] = 1;
            cls = new char[65537];
            int classes = 1;
            String prev = "";
            for (int k : order) {
                String key = keys.get(k);
                for (int i = commonPrefix(key, prev); i < key.length(); i++) {
                    levelNext[i + 1]++;
                    char c = key.charAt(i);
                    if (cls[c] == 0) {
                        cls[c] = c < DENSE_ALPHABET ? (char) classes++ : SPARSE;
                    }
                }
                prev = key;
            }
            cls[65536] = (char) classes;
            width = classes;
            int states = 0;
            for (int d = 0; d <= longest; d++) {
                int count = levelNext[d];
                levelNext[d] = states;
                states += count;
            }
            denseStates = denseStates(states, width);
            // then each state made with its final number: the dense ones level by level, the others after them in the
            // order they are made
            transStart = new int[states + 1];
            out = new int[states];
            Arrays.fill(out, -1);
            into = new int[states];
            intoLabel = new char[states];
            levelNext[0]++; // the root is state 0
            int deep = denseStates;
            int[] path = new int[longest + 1];
            prev = "";
            for (int k : order) {
                String key = keys.get(k);
                int lcp = commonPrefix(key, prev);
                int st = path[lcp];
                for (int i = lcp; i < key.length(); i++) {
                    int id = levelNext[i + 1]++;
                    id = id < denseStates ? id : deep++;
                    into[id] = st;
                    intoLabel[id] = key.charAt(i);
                    transStart[st + 1]++;
                    st = id;
                    path[i + 1] = st;
                }
                if (out[st] >= 0) {
                    throw new IllegalArgumentException("duplicate key: " + key);
                }
                out[st] = k;
                prev = key;
            }
            // a state whose one child is the next state keeps that transition as its chain entry alone (most do)
            chain = new char[states];
            Arrays.fill(chain, SPARSE);
            for (int id = 1; id < states; id++) {
                int from = into[id];
                if (id == from + 1 && transStart[from + 1] == 1 && intoLabel[id] != SPARSE) {
                    chain[from] = intoLabel[id];
                }
            }
            for (int st = 0; st < states; st++) {
                transStart[st + 1] = (chain[st] == SPARSE ? transStart[st + 1] : 0) + transStart[st];
            }
            // the others' transitions in the order the children were made, which is their labels' order: by number,
            // the dense children of a state come before its deep ones, and each part keeps the order they were made in
            labels = new char[transStart[states]];
            targets = new int[transStart[states]];
            for (int id = 1; id < states; id++) {
                int from = into[id];
                if (chain[from] == SPARSE) {
                    int at = transStart[from]++;
                    labels[at] = intoLabel[id];
                    targets[at] = id;
                }
            }
            for (int st = states; st > 0; st--) {
                transStart[st] = transStart[st - 1]; // each start had moved on to the next state's
            }
            transStart[0] = 0;
        }
    }

    /**
     * Failure links, dictionary links and dense rows, made in state number order: a state's links follow from its
     * parent's, which has a smaller number in both parts of the layout, so the arrays are read and written mostly in
     * sequence. A dense row gives a state's transition on any character of the dense alphabet, failures included, so
     * a failure walk ends at the first state of its chain that has one.
     */
    private static final class Links {
        final int[] transStart;
        final char[] labels;
        final int[] targets;
        final int[] outKey;
        int[] into;
        char[] intoLabel;
        final char[] cls;
        final int width;
        final int denseStates;
        /** Each state's failure target; -1 until found. */
        final int[] fail;
        /** Made once the failure links are found (and the parent links let go). */
        int[] dictLink;
        final int[] dense;
        /** As {@link AhoCorasick#chain}: a failure walk reads one char of a chain state instead of its row. */
        final char[] chain;

        Links(Trie trie) {
            this.transStart = trie.transStart;
            this.labels = trie.labels;
            this.targets = trie.targets;
            this.outKey = trie.out;
            this.into = trie.into;
            this.intoLabel = trie.intoLabel;
            this.cls = trie.cls;
            this.width = trie.width;
            this.denseStates = trie.denseStates;
            this.chain = trie.chain;
            int states = outKey.length;
            fail = new int[states];
            Arrays.fill(fail, 1, states, -1);
            dense = new int[denseStates * width];
            fillRow(dense, width, cls, chain, transStart, labels, targets, 0, 0);
        }

        /** A dictionary link not found yet. */
        private static final int UNKNOWN = -2;
        /**
         * States whose links {@link #link} must find before those of the state below them, or that
         * {@link #dictionaryLinks} passed.
         */
        private int[] pending = new int[64];

        /**
         * Finds state {@code t}'s failure link (and dense row). A failure walk may pass a deeper state numbered after
         * {@code t} (the deep states are numbered depth-first): that state's link is found first, and then the walk is
         * made again. Each state put off that way is shallower than the one it holds up, so at most the trie's depth
         * wait at once.
         */
        void link(int t) {
            int target = target(t);
            if (target >= 0) {
                linked(t, target);
                return;
            }
            int waiting = 0;
            pending[waiting++] = t;
            waiting = wait(waiting, -2 - target);
            while (waiting > 0) {
                int u = pending[waiting - 1];
                target = target(u);
                if (target >= 0) {
                    linked(u, target);
                    waiting--;
                } else {
                    waiting = wait(waiting, -2 - target);
                }
            }
        }

        /**
         * State {@code u}'s failure target: the transition on {@code u}'s label from its parent's failure target,
         * following failure links; {@code -2 - s} when that walk needs the link of a state {@code s} not linked yet.
         */
        private int target(int u) {
            int s = into[u];
            if (s == 0) {
                return 0;
            }
            int f = fail[s];
            if (f < 0) {
                return -2 - s;
            }
            char c = intoLabel[u];
            int k = cls[c];
            while (k == SPARSE ? f != 0 : f >= denseStates) {
                int t = child(chain, transStart, labels, targets, f, c);
                if (t >= 0) {
                    return t;
                }
                int next = fail[f];
                if (next < 0) {
                    return -2 - f;
                }
                f = next;
            }
            return k != SPARSE ? dense[f * width + k] : Math.max(0, child(chain, transStart, labels, targets, 0, c));
        }

        private void linked(int u, int target) {
            fail[u] = target;
            if (u < denseStates) {
                fillRow(dense, width, cls, chain, transStart, labels, targets, u, target);
            }
        }

        /**
         * Finds every state's dictionary link, once all failure links are known: the state's failure target when that
         * ends a key, else the target's own dictionary link. The states a walk passes share its result.
         */
        void dictionaryLinks() {
            dictLink = new int[fail.length];
            dictLink[0] = -1;
            Arrays.fill(dictLink, 1, dictLink.length, UNKNOWN);
            for (int t = 1; t < dictLink.length; t++) {
                int u = t;
                int passed = 0;
                int link;
                while (true) {
                    if (dictLink[u] != UNKNOWN) {
                        link = dictLink[u];
                        break;
                    }
                    int f = fail[u];
                    if (outKey[f] >= 0) {
                        dictLink[u] = f;
                        link = f;
                        break;
                    }
                    passed = wait(passed, u);
                    u = f;
                }
                while (passed > 0) {
                    dictLink[pending[--passed]] = link;
                }
            }
        }

        private int wait(int waiting, int state) {
            if (waiting == pending.length) {
                pending = Arrays.copyOf(pending, waiting * 2);
            }
            pending[waiting] = state;
            return waiting + 1;
        }
    }


    /**
     * The key ids in the order of their keys' text: a three-way radix quicksort, which reads each character of a
     * common prefix once per partition instead of once per comparison (keys share long prefixes: "recipient address
     * rejected ..."). Ranges wait on a stack of their own, as a key's length may exceed what recursion allows.
     */
    static int[] sorted(List<String> keys) {
        int n = keys.size();
        String[] k = keys.toArray(new String[0]);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        int[] ranges = new int[3 * 64]; // from, to and the characters they all share, for each range still to sort
        int top = 0;
        ranges[top++] = 0;
        ranges[top++] = n;
        ranges[top++] = 0;
        while (top > 0) {
            int d = ranges[--top];
            int hi = ranges[--top];
            int lo = ranges[--top];
            if (hi - lo < 16) {
                for (int i = lo + 1; i < hi; i++) {
                    int id = ids[i];
                    int j = i;
                    while (j > lo && k[ids[j - 1]].compareTo(k[id]) > 0) {
                        ids[j] = ids[j - 1];
                        j--;
                    }
                    ids[j] = id;
                }
                continue;
            }
            int a = charOrEnd(k[ids[lo]], d);
            int b = charOrEnd(k[ids[(lo + hi) >>> 1]], d);
            int c = charOrEnd(k[ids[hi - 1]], d);
            int pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c)); // the median of three
            int lt = lo;
            int gt = hi - 1;
            int i = lo;
            while (i <= gt) {
                int ch = charOrEnd(k[ids[i]], d);
                if (ch < pivot) {
                    int x = ids[lt];
                    ids[lt++] = ids[i];
                    ids[i++] = x;
                } else if (ch > pivot) {
                    int x = ids[gt];
                    ids[gt--] = ids[i];
                    ids[i] = x;
                } else {
                    i++;
                }
            }
            if (top + 9 > ranges.length) {
                ranges = Arrays.copyOf(ranges, ranges.length * 2);
            }
            ranges[top++] = lo;
            ranges[top++] = lt;
            ranges[top++] = d;
            ranges[top++] = gt + 1;
            ranges[top++] = hi;
            ranges[top++] = d;
            if (pivot >= 0) {
                ranges[top++] = lt;
                ranges[top++] = gt + 1;
                ranges[top++] = d + 1;
            }
        }
        return ids;
    }

    private static int commonPrefix(String a, String b) {
        int lcp = 0;
        int max = Math.min(a.length(), b.length());
        while (lcp < max && a.charAt(lcp) == b.charAt(lcp)) {
            lcp++;
        }
        return lcp;
    }

    /** The key's character at {@code d}, or -1 past its end (which sorts a key before the keys it starts). */
    private static int charOrEnd(String key, int d) {
        return d < key.length() ? key.charAt(d) : -1;
    }

    /**
     * How many states get a dense row: the {@link Trie} numbers exactly these breadth-first, and the links fill
     * exactly these rows.
     */
    private static int denseStates(int states, int width) {
        return (int) Math.min(states, DENSE_BUDGET / width);
    }

    /** State {@code s}'s transition on {@code c}, or -1: its {@link #chain} entry's, else one of its own. */
    private static int child(char[] chain, int[] transStart, char[] labels, int[] targets, int s, char c) {
        char only = chain[s]; // c may be SPARSE itself (a key may hold U+FFFF): a chain state's label never is
        return only != SPARSE ? (only == c ? s + 1 : -1) : step(transStart, labels, targets, s, c);
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
            if (f == io.smtpverdict.core.parse.Normalizer.DROP) {
                continue;
            }
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
            int t = child(chain, transStart, labels, targets, s, c);
            if (t >= 0) {
                return t;
            }
            s = fail[s];
        }
    }

    private void emit(int s, int end, HitSink sink) {
        int o = firstOut[s];
        while (o >= 0) {
            sink.hit(outKey[o], end);
            o = outNext[o];
        }
    }
}
