package io.smtpverdict.spi;

import static java.util.Objects.requireNonNull;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The bound values of a verdict made by {@link Verdict#of}: names and values in one array, in the order they were
 * bound, immutable. Equal to any map with the same entries.
 */
final class Bindings extends AbstractMap<String, String> {
    /** name, value, name, value, ... */
    private final String[] pairs;

    private Bindings(String[] pairs) {
        this.pairs = pairs;
    }

    /**
     * A copy of the first {@code length} elements of {@code pairs} (name, value, ...) as a map; a repeated name keeps
     * its first place and takes the last value.
     */
    static Bindings of(String[] pairs, int length) {
        if (length % 2 != 0 || length > pairs.length) {
            throw new IllegalArgumentException("binding " + pairs[Math.min(length, pairs.length) - 1] + " has no value");
        }
        String[] copy = new String[length];
        int n = 0;
        for (int i = 0; i < length; i += 2) {
            String name = requireNonNull(pairs[i], "name is null");
            String value = requireNonNull(pairs[i + 1], "value is null");
            int at = indexOf(copy, n, name);
            if (at >= 0) {
                copy[at + 1] = value;
            } else {
                copy[n++] = name;
                copy[n++] = value;
            }
        }
        return new Bindings(n == copy.length ? copy : Arrays.copyOf(copy, n));
    }

    private static int indexOf(String[] pairs, int n, Object name) {
        for (int i = 0; i < n; i += 2) {
            if (pairs[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return pairs.length == 0;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(pairs, pairs.length, name) >= 0;
    }

    @Override
    public String get(Object name) {
        int at = indexOf(pairs, pairs.length, name);
        return at < 0 ? null : pairs[at + 1];
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < pairs.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= pairs.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>(pairs[next], pairs[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }
}
