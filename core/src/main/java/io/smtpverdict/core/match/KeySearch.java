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
    /** Sorted distinct starts: the first two characters of a key ({@code c0 << 16 | c1}), or one with -1 after it. */
    private final long[] starts;
    /** For start {@code i}, the keys from {@code from[i]} to {@code from[i + 1]} in {@link #ids}. */
    private final int[] from;
    private final int[] ids;

    private KeySearch(String[] keys, long[] starts, int[] from, int[] ids) {
        this.keys = keys;
        this.starts = starts;
        this.from = from;
        this.ids = ids;
    }

    /**
     * Indexes the keys; key {@code i} of the list gets id {@code i}, as in {@link AhoCorasick#build}. Keys must be
     * non-empty and distinct, and fewer than 2<sup>21</sup>.
     */
    public static KeySearch of(List<String> keys) {
        if (keys.size() > MAX_TEXT) {
            throw new IllegalArgumentException("too many keys for a key search: " + keys.size());
        }
        String[] k = keys.toArray(new String[0]);
        long[] byStart = new long[k.length];
        for (int i = 0; i < k.length; i++) {
            if (k[i].isEmpty()) {
                throw new IllegalArgumentException("empty key at " + i);
            }
            byStart[i] = start(k[i]) << 21 | i;
        }
        Arrays.sort(byStart);
        long[] starts = new long[k.length];
        int[] from = new int[k.length + 1];
        int[] ids = new int[k.length];
        int n = 0;
        for (int i = 0; i < byStart.length; i++) {
            long s = byStart[i] >> 21;
            if (n == 0 || starts[n - 1] != s) {
                starts[n] = s;
                from[n++] = i;
            }
            ids[i] = (int) (byStart[i] & MAX_TEXT);
        }
        from[n] = k.length;
        return new KeySearch(k, Arrays.copyOf(starts, n), Arrays.copyOf(from, n + 1), ids);
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
                long s = (long) c0 << 17 | (two == 0 ? 0x10000 : text.charAt(at + 1));
                int i = Arrays.binarySearch(starts, s);
                if (i < 0) {
                    continue;
                }
                for (int j = from[i]; j < from[i + 1]; j++) {
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
