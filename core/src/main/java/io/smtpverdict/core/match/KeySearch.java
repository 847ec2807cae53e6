package io.smtpverdict.core.match;

import io.smtpverdict.core.parse.FoldedText;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the key occurrences an {@link AhoCorasick} over the same keys reports, in the same order, by trying the
 * keys that start with each position's first two characters: no automaton to build, so a run that classifies a
 * few short replies (a one-shot command) does not pay for one. Its cost grows with the text times the keys
 * sharing a start, so long texts and long runs want the automaton.
 */
public final class KeySearch {
    /** The longest text {@link #scan} takes: hits are packed with 21 bits for each of end, length and key. */
    public static final int MAX_TEXT = (1 << 21) - 1;
    private final String[] keys;
    /**
     * An open-addressing table of the distinct starts: the first two characters of a key ({@code c0 << 17 | c1}),
     * or its only one with a mark after it, plus one (zero marks an empty slot).
     */
    private final long[] starts;
    /** For the start in slot {@code s}, the keys from {@code from[s]} to {@code to[s]} in {@link #ids}. */
    private final int[] from;
    private final int[] to;
    private final int[] ids;
    /** The bits of a slot number: the table has {@code 1 << bits} slots. */
    private final int bits;

    private KeySearch(String[] keys, long[] starts, int[] from, int[] to, int[] ids, int bits) {
        this.keys = keys;
        this.starts = starts;
        this.from = from;
        this.to = to;
        this.ids = ids;
        this.bits = bits;
    }

    /**
     * Indexes the keys; key {@code i} of the list gets id {@code i}, as in {@link AhoCorasick#build}. Keys must be
     * non-empty and distinct, and fewer than 2<sup>21</sup>. Three passes over the keys and none sorts: a one-shot
     * run builds this interpreted, and sorting the keys by start took a tenth of its engine build.
     */
    public static KeySearch of(List<String> keys) {
        if (keys.size() > MAX_TEXT) {
            throw new IllegalArgumentException("too many keys for a key search: " + keys.size());
        }
        String[] k = keys.toArray(new String[0]);
        int bits = 2;
        while (1 << bits < 2 * k.length) {
            bits++;
        }
        long[] starts = new long[1 << bits];
        int[] from = new int[starts.length];
        int[] to = new int[starts.length];
        int[] slotOf = new int[k.length];
        for (int i = 0; i < k.length; i++) {
            if (k[i].isEmpty()) {
                throw new IllegalArgumentException("empty key at " + i);
            }
            long s = start(k[i]) + 1;
            int slot = slot(starts, bits, s);
            starts[slot] = s;
            to[slot]++; // a count until the offsets are laid out
            slotOf[i] = slot;
        }
        int at = 0;
        for (int slot = 0; slot < starts.length; slot++) {
            from[slot] = at;
            at += to[slot];
            to[slot] = from[slot];
        }
        int[] ids = new int[k.length];
        for (int i = 0; i < k.length; i++) {
            ids[to[slotOf[i]]++] = i;
        }
        return new KeySearch(k, starts, from, to, ids, bits);
    }

    /** The slot holding start {@code s} (plus one), or the empty slot where it goes. */
    private static int slot(long[] starts, int bits, long s) {
        int mask = (1 << bits) - 1;
        int slot = (int) (s * 0x9E3779B97F4A7C15L >>> (64 - bits));
        while (starts[slot] != 0 && starts[slot] != s) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    /** The start a key is indexed under: its first two characters, or its only one followed by a mark. */
    private static long start(String key) {
        return (long) key.charAt(0) << 17 | (key.length() > 1 ? key.charAt(1) : 0x10000);
    }

    /**
     * Reports every occurrence of every key in {@code text} (folded as the keys are) to {@code sink}, as
     * {@link AhoCorasick#scanFolding} reports them for the reply this text was folded from: by end, and at one end
     * the longer key first.
     *
     * @throws IllegalArgumentException if the text is longer than {@link #MAX_TEXT}
     */
    public void scan(FoldedText text, AhoCorasick.HitSink sink) {
        int n = text.length();
        if (n > MAX_TEXT) {
            throw new IllegalArgumentException("text too long for a key search: " + n);
        }
        long[] hits = new long[16];
        int count = 0;
        for (int at = 0; at < n; at++) {
            char c0 = text.charAt(at);
            for (int two = 0; two < 2; two++) {
                // keys of one character are indexed with a mark in place of the second
                if (two == 1 && at + 1 >= n) {
                    break;
                }
                long s = ((long) c0 << 17 | (two == 0 ? 0x10000 : text.charAt(at + 1))) + 1;
                int i = slot(starts, bits, s);
                if (starts[i] == 0) {
                    continue;
                }
                for (int j = from[i]; j < to[i]; j++) {
                    String key = keys[ids[j]];
                    if (text.startsWith(key, at)) {
                        if (count == hits.length) {
                            hits = Arrays.copyOf(hits, count * 2);
                        }
                        int end = at + key.length();
                        hits[count++] = (long) end << 42 | (long) (MAX_TEXT - key.length()) << 21 | ids[j];
                    }
                }
            }
        }
        Arrays.sort(hits, 0, count);
        for (int h = 0; h < count; h++) {
            sink.hit((int) (hits[h] & MAX_TEXT), (int) (hits[h] >>> 42));
        }
    }
}
