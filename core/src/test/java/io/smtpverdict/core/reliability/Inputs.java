package io.smtpverdict.core.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

/** Inputs shared by the reliability tests: the seed messages, the corpus diagnostics, and the fuzz byte decoding. */
public final class Inputs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SEEDS = load("seed-messages.jsonl", null);
    private static final List<String> CORPUS = load("sisimai-dev-diagnostics.jsonl", "diagnostic");

    private Inputs() {
    }

    /** Every literal message taken from the seed documents (see PROVENANCE.md). */
    static List<String> seedMessages() {
        return SEEDS;
    }

    /** Every diagnostic of the development corpus (see PROVENANCE.md). */
    static List<String> corpusDiagnostics() {
        return CORPUS;
    }

    /** Seed messages, then corpus diagnostics. */
    static List<String> all() {
        List<String> all = new ArrayList<>(SEEDS);
        all.addAll(CORPUS);
        return all;
    }

    /** Every message as UTF-8 bytes, the fuzzers' starting corpus. */
    static Stream<byte[]> allAsBytes() {
        return all().stream().map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Turns fuzzer bytes into text. Bytes starting with 0xFF are read as raw UTF-16 code units (big-endian), so
     * the fuzzer can reach every char including lone surrogates; anything else is decoded as UTF-8 with
     * malformed sequences replaced, as a reader of a log file would.
     */
    public static String decode(byte[] data) {
        if (data.length > 0 && data[0] == (byte) 0xFF) {
            char[] chars = new char[(data.length - 1) / 2];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (((data[1 + 2 * i] & 0xFF) << 8) | (data[2 + 2 * i] & 0xFF));
            }
            return new String(chars);
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    /** A reproducible mix of real messages, their mutations and random text. */
    static List<String> mixed(int count, long seed) {
        Random random = new Random(seed);
        List<String> real = all();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String base = real.get(random.nextInt(real.size()));
            switch (random.nextInt(5)) {
                case 0 -> out.add(base);
                case 1 -> out.add("Connected to 192.0.2.7 but sender was rejected./Remote host said: " + base);
                case 2 -> out.add(mutate(base, random));
                case 3 -> out.add(base.toUpperCase(java.util.Locale.ROOT) + "\r\n" + real.get(random.nextInt(real.size())));
                default -> out.add(randomText(random, random.nextInt(200)));
            }
        }
        return out;
    }

    private static String mutate(String s, Random random) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, "0123456789. :;/#[]()<>{}\n\u00A0\u2019".charAt(random.nextInt(21)));
                default -> sb.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        return sb.toString();
    }

    /** Random text: ASCII most of the time, any char (surrogates included) sometimes. */
    static String randomText(Random random, int length) {
        char[] chars = new char[length];
        boolean wide = random.nextInt(4) == 0;
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (wide ? random.nextInt(0x10000) : 32 + random.nextInt(95));
        }
        return new String(chars);
    }

    private static List<String> load(String resource, String field) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(Inputs.class.getResourceAsStream(resource), resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                out.add(field == null ? node.asText() : node.get(field).asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
