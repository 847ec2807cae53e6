package io.smtpverdict.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of keys in bounded memory: when it holds {@code capacity} keys, the less frequent half is
 * dropped. Counts of frequent keys stay exact unless they were dropped early; {@link #approximate()} says whether
 * anything was dropped.
 */
final class BoundedCounter {
    private final int capacity;
    private final Map<String, long[]> counts = new HashMap<>();
    private boolean approximate;

    BoundedCounter(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Counts one occurrence. */
    void add(String key) {
        long[] c = counts.get(key);
        if (c != null) {
            c[0]++;
            return;
        }
        if (counts.size() >= capacity) {
            prune();
        }
        counts.put(key, new long[] {1});
    }

    private void prune() {
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.comparingLong(e -> e.getValue()[0]));
        for (int i = 0; i < entries.size() / 2; i++) {
            counts.remove(entries.get(i).getKey());
        }
        approximate = true;
    }

    /** Whether keys were dropped, so rare keys may be missing and counts may be low. */
    boolean approximate() {
        return approximate;
    }

    /** The most frequent keys, most frequent first, ties by key. */
    List<Map.Entry<String, Long>> top(int n) {
        return counts.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()[0]))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }

    /** How many distinct keys are held. */
    int size() {
        return counts.size();
    }
}
