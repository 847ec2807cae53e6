package io.smtpverdict.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The realistic mix of replies the benchmarks classify: every diagnostic of the Sisimai corpus, every seed
 * message (templates filled) and a weighted draw of common replies. Deterministic: the same lists every run.
 */
public final class Workload {
    /** How many common replies the mix draws. */
    public static final int COMMON_COUNT = 400;
    /** The seed of every random choice in the mix. */
    public static final long SEED = 20_261_123L;

    /** The parts of the mix a benchmark can run on. */
    public enum Mix {
        /** Everything below, shuffled together. */
        ALL,
        /** The corpus diagnostics only. */
        CORPUS,
        /** The seed messages only. */
        SEEDS,
        /** The common replies only. */
        COMMON
    }

    private Workload() {
    }

    /** The replies of one part of the mix, in a fixed order. */
    public static List<String> of(Mix mix) {
        requireNonNull(mix, "mix is null");
        switch (mix) {
            case CORPUS:
                return corpus();
            case SEEDS:
                return seeds();
            case COMMON:
                return common(COMMON_COUNT, SEED);
            default:
                List<String> all = new ArrayList<>(corpus());
                all.addAll(seeds());
                all.addAll(common(COMMON_COUNT, SEED));
                // Interleave the sources so that no stretch of the run sees one kind of reply only.
                Collections.shuffle(all, new Random(SEED));
                return List.copyOf(all);
        }
    }

    /** The {@code diagnostic} of every record of the Sisimai corpus (248 texts). */
    public static List<String> corpus() {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : lines("sisimai-dev.jsonl")) {
            try {
                JsonNode record = json.readTree(line);
                out.add(record.get("diagnostic").asText());
            } catch (IOException e) {
                throw new UncheckedIOException("bad corpus line: " + line, e);
            }
        }
        return List.copyOf(out);
    }

    /** Every seed message: GreenArrow's 39, Hurricane's 14, the 23 quoted replies of seed 002, Momentum's 104. */
    public static List<String> seeds() {
        List<String> out = new ArrayList<>();
        for (String line : lines("seed-messages.tsv")) {
            out.add(line.substring(line.indexOf('\t') + 1));
        }
        return List.copyOf(out);
    }

    /** {@code count} common replies drawn by weight from common-replies.tsv and filled, from {@code seed}. */
    public static List<String> common(int count, long seed) {
        List<String> shapes = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        int total = 0;
        for (String line : lines("common-replies.tsv")) {
            int tab = line.indexOf('\t');
            int w = Integer.parseInt(line.substring(0, tab));
            weights.add(w);
            total += w;
            shapes.add(line.substring(tab + 1).replace("\\n", "\n"));
        }
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(total);
            int s = 0;
            while (pick >= weights.get(s)) {
                pick -= weights.get(s);
                s++;
            }
            out.add(fill(shapes.get(s), random));
        }
        return List.copyOf(out);
    }

    private static final String[] USERS = {"jo", "maria.lopez", "info", "k.tanaka", "billing", "noreply-test", "x7"};
    private static final String[] DOMAINS = {"b.example", "mail.example.org", "example.net", "corp.example.com",
        "shop.example"};

    private static String fill(String shape, Random r) {
        String domain = DOMAINS[r.nextInt(DOMAINS.length)];
        return shape.replace("{EMAIL}", USERS[r.nextInt(USERS.length)] + "@" + domain)
                .replace("{DOMAIN}", domain)
                .replace("{HOST}", "mx" + (1 + r.nextInt(4)) + "." + domain)
                .replace("{IP}", "192.0.2." + (1 + r.nextInt(254)))
                .replace("{ID}", id(r))
                .replace("{N}", Integer.toString(1 + r.nextInt(999_999)));
    }

    private static String id(Random r) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(14);
        for (int i = 0; i < 14; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The non-blank, non-comment lines of a resource beside this class. */
    static List<String> lines(String resource) {
        try (InputStream in = Workload.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
