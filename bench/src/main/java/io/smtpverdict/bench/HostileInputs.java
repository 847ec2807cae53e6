package io.smtpverdict.bench;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.spi.VerdictPlugin;
import io.smtpverdict.testkit.TableLiterals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Inputs built to hurt: 64 KiB that matches nothing, 64 KiB of near misses of every literal the tables know,
 * 64 KiB of exact hits of them (in the tables' order and shuffled), and 1 MiB that the engine must cut at its 64 KiB
 * limit.
 */
public final class HostileInputs {
    /** The engine's default input limit, in characters. */
    public static final int LIMIT = 64 * 1024;
    /** The size of the oversized input, in characters. */
    public static final int OVERSIZED = 1024 * 1024;

    /** The hostile cases. */
    public enum Kind {
        /** 64 KiB of Latin filler words: no code, no rule phrase, no cue. */
        NO_MATCH_64K,
        /** 64 KiB of every literal (phrases, template text, seed messages) with its last character changed. */
        NEAR_MISS_64K,
        /** 64 KiB of every literal exactly: every phrase rule, regex and template becomes a candidate. */
        HIT_STORM_64K,
        /**
         * The same literals in a shuffled order (fixed seed), cut at 64 KiB: in the tables' order 64 KiB reaches only
         * the first few tables' literals, shuffled it holds phrases of every table, the regex rules' among them.
         */
        HIT_STORM_SHUFFLED_64K,
        /** 1 MiB of real replies: the engine cuts it at 64 KiB and flags it TRUNCATED. */
        OVERSIZED_1M
    }

    private static final String[] FILLER = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed eiusmod"
            + " tempor incididunt labore dolore magna aliqua enim minim veniam quis nostrud exercitation ullamco"
            + " laboris nisi aliquip commodo consequat duis aute irure reprehenderit voluptate velit esse cillum"
            + " fugiat nulla pariatur excepteur sint occaecat cupidatat proident sunt culpa officia deserunt"
            + " mollit anim laborum").split(" ");

    private HostileInputs() {
    }

    /** Builds one hostile input. */
    public static String of(Kind kind) {
        requireNonNull(kind, "kind is null");
        switch (kind) {
            case NO_MATCH_64K:
                return noMatch(LIMIT, Workload.SEED);
            case NEAR_MISS_64K:
                return repeat(nearMisses(literals()), LIMIT);
            case HIT_STORM_64K:
                return repeat(literals(), LIMIT);
            case HIT_STORM_SHUFFLED_64K:
                List<String> shuffled = new ArrayList<>(literals());
                Collections.shuffle(shuffled, new Random(Workload.SEED));
                return repeat(shuffled, LIMIT);
            default:
                return repeat(Workload.of(Workload.Mix.ALL), OVERSIZED);
        }
    }

    /** {@code size} characters of filler words drawn from {@code seed}. */
    public static String noMatch(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(size + 16);
        while (sb.length() < size) {
            sb.append(FILLER[random.nextInt(FILLER.length)]).append(' ');
        }
        sb.setLength(size);
        return sb.toString();
    }

    /**
     * Every literal the engine can match on, lower case: what {@link TableLiterals} reads from the tables of every
     * plugin on the classpath (phrases of every kind, phrase lists, template text), plus every seed message.
     */
    public static List<String> literals() {
        Set<String> out = new LinkedHashSet<>();
        for (VerdictPlugin plugin : ServiceLoader.load(VerdictPlugin.class)) {
            for (String literal : TableLiterals.of(plugin)) {
                out.add(literal.toLowerCase(Locale.ROOT));
            }
        }
        for (String seed : Workload.seeds()) {
            out.add(seed.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /** Each literal with its last character replaced by a different one of the same kind. */
    public static List<String> nearMisses(List<String> literals) {
        List<String> out = new ArrayList<>(literals.size());
        for (String s : literals) {
            if (s.isEmpty()) {
                continue;
            }
            char last = s.charAt(s.length() - 1);
            char changed;
            if (last >= 'a' && last <= 'z') {
                changed = last == 'z' ? 'a' : (char) (last + 1);
            } else if (last >= '0' && last <= '9') {
                changed = last == '9' ? '0' : (char) (last + 1);
            } else {
                changed = 'q';
            }
            out.add(s.substring(0, s.length() - 1) + changed);
        }
        return out;
    }

    /** The pieces joined by spaces, over and over, cut at exactly {@code size} characters. */
    public static String repeat(List<String> pieces, int size) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("nothing to repeat");
        }
        StringBuilder sb = new StringBuilder(size + 1024);
        while (sb.length() < size) {
            for (String p : pieces) {
                sb.append(p).append(' ');
                if (sb.length() >= size) {
                    break;
                }
            }
        }
        sb.setLength(size);
        return sb.toString();
    }
}
