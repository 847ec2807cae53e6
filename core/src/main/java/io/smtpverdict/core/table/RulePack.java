package io.smtpverdict.core.table;

import io.smtpverdict.core.match.Spellings;
import io.smtpverdict.core.match.Template;
import io.smtpverdict.core.parse.Normalizer;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.VerdictContract;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A rule table compiled at build time: the table as the loader reads, validates and resolves it, written in a
 * compact binary form next to its JSON ({@code rules.json} → {@code rules.json.pack}). Loading a pack is a read:
 * no JSON binding, no validation. The pack names its format version, the table schema version and the length
 * and CRC-32 of the JSON it was made from (the checksum a jar already keeps for each entry, so checking a pack
 * in a jar needs no read of the JSON); a pack whose JSON has changed since, or that another format wrote,
 * is refused and the JSON is read instead. Besides the rules it keeps, once per pack, the names of the enum constants
 * the rules refer to by number, per rule the key the engine indexes its template under ({@link Result#templateKeys}),
 * and the other spellings of the table's phrases ({@link Result#spellings}).
 */
public final class RulePack {
    /** The suffix a pack's resource name adds to its table's. */
    public static final String SUFFIX = ".pack";
    /**
     * Bumped whenever the layout below changes, or the way a template's key is found ({@link Template#longestLiteral},
     * ASCII folding) changes; a pack of another version is refused. 5: a rule's phrase groups. 6: Unicode hyphens and
     * dashes fold to the ASCII hyphen. 7: the phrases' other spellings, with {@link Spellings#VERSION} (a pack made with
     * other spelling sets is refused too). 8: zero-width characters and soft hyphens are dropped by folding.
     */
    static final int FORMAT = 8;
    private static final int MAGIC = 0x53565250; // "SVRP"
    /** Most items a list in a pack may hold: a corrupt length must not allocate without bound. */
    private static final int MAX_ITEMS = 1 << 20;

    private RulePack() {
    }

    /** Writes the pack of a resolved table (as {@link RuleTableLoader#read} returns it) made from these JSON bytes. */
    public static byte[] write(TableFile table, byte[] json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length / 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(VerdictContract.RULE_TABLE_SCHEMA_VERSION);
            out.writeLong(json.length);
            out.writeLong(crc(json));
            string(out, table.plugin());
            for (Class<? extends Enum<?>> type : ENUMS) {
                Enum<?>[] constants = type.getEnumConstants();
                out.writeInt(constants.length);
                for (Enum<?> e : constants) {
                    string(out, e.name());
                }
            }
            out.writeInt(table.rules().size());
            for (TableRule r : table.rules()) {
                rule(out, r);
                string(out, templateKey(r.match()));
            }
            Map<String, List<String>> spellings = spellings(table.rules());
            out.writeInt(Spellings.VERSION);
            out.writeInt(Runtime.version().feature());
            out.writeInt(spellings.size());
            for (Map.Entry<String, List<String>> e : spellings.entrySet()) {
                string(out, e.getKey());
                list(out, e.getValue(), RulePack::string);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a pack made from JSON of this length and CRC-32; empty, with the reason, when it was made from other
     * JSON or by another format. A damaged pack is refused the same way.
     */
    public static Result read(InputStream pack, long jsonLength, long jsonCrc) {
        try {
            return read(pack.readAllBytes(), jsonLength, jsonCrc);
        } catch (IOException e) {
            return Result.refused("unreadable: " + e.getMessage());
        }
    }

    /** {@link #read(InputStream, long, long)} of a pack's bytes. */
    public static Result read(byte[] pack, long jsonLength, long jsonCrc) {
        try {
            Cursor in = new Cursor(pack);
            if (in.readInt() != MAGIC) {
                return Result.refused("not a rule pack");
            }
            int format = in.readInt();
            int schema = in.readInt();
            if (format != FORMAT || schema != VerdictContract.RULE_TABLE_SCHEMA_VERSION) {
                return Result.refused("made by pack format " + format + " for table schema " + schema
                        + "; this engine reads format " + FORMAT + ", schema " + VerdictContract.RULE_TABLE_SCHEMA_VERSION);
            }
            if (in.readLong() != jsonLength || in.readLong() != jsonCrc) {
                return Result.refused("stale: the table changed after the pack was made");
            }
            String plugin = string(in);
            in.names = new Enum<?>[ENUMS.size()][];
            for (int t = 0; t < ENUMS.size(); t++) {
                Enum<?>[] names = new Enum<?>[count(in)];
                for (int i = 0; i < names.length; i++) {
                    names[i] = constant(ENUMS.get(t), string(in));
                }
                in.names[t] = names;
            }
            int n = count(in);
            List<TableRule> rules = new ArrayList<>(n);
            String[] templateKeys = new String[n];
            for (int i = 0; i < n; i++) {
                rules.add(rule(in));
                templateKeys[i] = string(in);
            }
            if (in.readInt() != Spellings.VERSION) {
                return Result.refused("made with other spelling sets than this engine's");
            }
            // a phrase above ASCII was folded by the JDK that made the pack: another release may fold it otherwise
            boolean sameFolding = in.readInt() == Runtime.version().feature();
            int phrases = count(in);
            Map<String, List<String>> spellings = new HashMap<>(phrases * 2);
            for (int i = 0; i < phrases; i++) {
                String phrase = string(in);
                List<String> other = list(in, RulePack::string);
                if (sameFolding || ascii(phrase)) {
                    spellings.put(phrase, other);
                }
            }
            if (!in.atEnd()) {
                return Result.refused("damaged: bytes after the phrases' spellings");
            }
            return new Result(Optional.of(new TableFile(null, VerdictContract.RULE_TABLE_SCHEMA_VERSION, plugin, null,
                    null, List.copyOf(rules), null)), Arrays.asList(templateKeys),
                    new PhraseSpellings(spellings, !sameFolding), "");
        } catch (IOException | RuntimeException e) {
            return Result.refused("damaged: " + e);
        }
    }

    /**
     * A pack's table, or why it was refused.
     *
     * @param templateKeys for each rule of the table, the longest literal of its template, folded (the key the engine
     *     indexes the rule under), when the rule has a template and the key is ASCII; else null. With the key at
     *     hand the engine compiles the template only when the rule is first tried. A key with other characters is
     *     left to the engine: their folding follows the running JDK's Unicode tables.
     * @param spellings the other spellings of the table's phrases
     */
    public record Result(Optional<TableFile> table, List<String> templateKeys, PhraseSpellings spellings,
            String refusal) {
        static Result refused(String why) {
            return new Result(Optional.empty(), List.of(), null, why);
        }
    }

    /**
     * The other spellings ({@link Spellings#of}) of a pack's phrases: the engine needs them for every phrase, and
     * finding them is a read of each phrase it need not do at every start.
     *
     * @param byPhrase each folded phrase of the table's rules that has other spellings, with them
     * @param asciiOnly whether only the ASCII phrases are given: the pack was made on another Java release, whose
     *     folding of other characters may differ, so the engine finds those phrases' spellings itself
     */
    public record PhraseSpellings(Map<String, List<String>> byPhrase, boolean asciiOnly) {
        /** The other spellings of a folded phrase of the table, as given; null when it has none or is not given. */
        public List<String> get(String folded) {
            return byPhrase.get(folded);
        }

        /** Whether the engine must find a folded phrase's spellings itself (one this pack does not give). */
        public boolean leftToEngine(String folded) {
            return asciiOnly && !byPhrase.containsKey(folded) && !ascii(folded);
        }
    }

    /** The phrases of these rules that have other spellings, folded, with them, in the rules' order. */
    private static Map<String, List<String>> spellings(List<TableRule> rules) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (TableRule r : rules) {
            TableMatch m = r.match();
            List<List<String>> lists = new ArrayList<>();
            lists.add(m.phrases());
            lists.add(m.allPhrases());
            lists.add(m.notPhrases());
            if (m.phraseGroups() != null) {
                lists.addAll(m.phraseGroups());
            }
            for (List<String> list : lists) {
                for (String phrase : list == null ? List.<String>of() : list) {
                    String folded = Normalizer.normalize(phrase);
                    if (!out.containsKey(folded)) {
                        List<String> other = Spellings.of(folded);
                        if (!other.isEmpty()) {
                            out.put(folded, other);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Whether every character of a folded text is ASCII, so that any JDK folds it the same way. */
    public static boolean ascii(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            if (folded.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The enum types a pack names, in the order their dictionaries are written: each pack lists their constants' names
     * once, and a rule gives each value as its index in that list (a byte, not a name to decode and look up).
     */
    private static final List<Class<? extends Enum<?>>> ENUMS = List.of(EvidenceLevel.class, Category.class,
            Outcome.class, Advice.class, Party.class, Origin.class, Stage.class, Flag.class);

    /** The template key {@link Result#templateKeys()} gives for a rule, or null. */
    private static String templateKey(TableMatch m) {
        if (m.template() == null) {
            return null;
        }
        String key = Template.compile(m.template(), m.optionalTail()).longestLiteral();
        return ascii(key) ? key : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Enum<?> constant(Class<? extends Enum<?>> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** The CRC-32 of a table's JSON, as a jar entry records it. */
    public static long crc(byte[] json) {
        CRC32 crc = new CRC32();
        crc.update(json, 0, json.length);
        return crc.getValue();
    }

    private static void rule(DataOutputStream out, TableRule r) throws IOException {
        string(out, r.id());
        name(out, r.level());
        string(out, r.source());
        flag(out, r.specific());
        flag(out, r.unspecific());
        TableMatch m = r.match();
        string(out, m.template());
        flag(out, m.anchored());
        string(out, m.optionalTail());
        list(out, m.phrases(), RulePack::string);
        list(out, m.allPhrases(), RulePack::string);
        list(out, m.notPhrases(), RulePack::string);
        list(out, m.phraseGroups(), (o, group) -> list(o, group, RulePack::string));
        string(out, m.regex());
        list(out, m.codes(), DataOutputStream::writeInt);
        list(out, m.classes(), DataOutputStream::writeInt);
        list(out, m.enhancedCodes(), RulePack::string);
        list(out, m.stages(), RulePack::name);
        flag(out, m.noCode());
        list(out, m.message(), RulePack::string);
        TableVerdict v = r.verdict();
        name(out, v.category());
        if (v.outcome() == null) {
            out.writeByte(0);
        } else {
            out.writeByte(v.outcome().fixed() ? 2 : 1);
            name(out, v.outcome().value());
        }
        name(out, v.advice());
        name(out, v.party());
        name(out, v.origin());
        name(out, v.stage());
        string(out, v.reason());
        list(out, v.flags(), RulePack::name);
        flag(out, v.inherit());
        string(out, v.explanation());
        list(out, r.examples(), RulePack::string);
        string(out, r.note());
    }

    private static TableRule rule(Cursor in) throws IOException {
        String id = string(in);
        EvidenceLevel level = name(in, EvidenceLevel.class);
        String source = string(in);
        Boolean specific = flag(in);
        Boolean unspecific = flag(in);
        TableMatch m = new TableMatch(string(in), flag(in), string(in),
                list(in, RulePack::string), list(in, RulePack::string), list(in, RulePack::string),
                list(in, i -> list(i, RulePack::string)), string(in),
                list(in, Cursor::readInt), list(in, Cursor::readInt), list(in, RulePack::string),
                list(in, i -> name(i, Stage.class)), flag(in), list(in, RulePack::string));
        Category category = name(in, Category.class);
        int outcomeKind = in.readByte();
        TableOutcome outcome = outcomeKind == 0 ? null : new TableOutcome(name(in, Outcome.class), outcomeKind == 2);
        TableVerdict v = new TableVerdict(category, outcome, name(in, Advice.class), name(in, Party.class),
                name(in, Origin.class), name(in, Stage.class), string(in), list(in, i -> name(i, Flag.class)), flag(in),
                string(in));
        return new TableRule(id, level, source, specific, unspecific, m, v, PackedStrings.read(in), string(in));
    }

    /**
     * A rule's examples, decoded from the pack when read: the engine needs them only for its rules' descriptions and
     * for tests, so a run that only classifies never decodes them. Unmodifiable; null items are refused when read.
     * Each list keeps a copy of its own bytes, not the pack.
     */
    private static final class PackedStrings extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final byte[] bytes;
        /** Start and length of each string in {@link #bytes}. */
        private final int[] spans;

        private PackedStrings(byte[] bytes, int[] spans) {
            this.bytes = bytes;
            this.spans = spans;
        }

        /** The list written by {@code list(out, strings, RulePack::string)}, or null when null was written. */
        static List<String> read(Cursor in) throws IOException {
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            int[] spans = new int[2 * checked(n)];
            for (int i = 0; i < n; i++) {
                int length = in.readInt();
                if (length < 0) {
                    throw new IOException("a null item in a list of strings");
                }
                spans[2 * i] = in.skip(length);
                spans[2 * i + 1] = length;
            }
            if (n == 0) {
                return List.of();
            }
            // a copy of just these strings' bytes (and the lengths between them): a rule that kept a view of the
            // whole pack would keep every pack in memory (ten times what the examples take) for as long as the engine
            int from = spans[0];
            int to = spans[2 * n - 2] + spans[2 * n - 1];
            for (int i = 0; i < n; i++) {
                spans[2 * i] -= from;
            }
            return new PackedStrings(Arrays.copyOfRange(in.bytes, from, to), spans);
        }

        @Override
        public String get(int index) {
            java.util.Objects.checkIndex(index, size());
            return new String(bytes, spans[2 * index], spans[2 * index + 1], StandardCharsets.UTF_8);
        }

        @Override
        public int size() {
            return spans.length / 2;
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(Cursor in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return in.readString(n);
    }

    /** Writes one item. */
    private interface ItemWriter<T> {
        void write(DataOutputStream out, T item) throws IOException;
    }

    /** Reads one item. */
    private interface ItemReader<T> {
        T read(Cursor in) throws IOException;
    }

    /** A list (null kept as null): its size, then each item. */
    private static <T> void list(DataOutputStream out, List<? extends T> list, ItemWriter<T> item) throws IOException {
        out.writeInt(list == null ? -1 : list.size());
        if (list != null) {
            for (T t : list) {
                item.write(out, t);
            }
        }
    }

    private static <T> List<T> list(Cursor in, ItemReader<T> item) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        List<T> list = new ArrayList<>(Math.min(checked(n), 64));
        for (int i = 0; i < n; i++) {
            list.add(item.read(in));
        }
        return List.copyOf(list);
    }

    /**
     * An enum value as its index in the pack's dictionary of its type, plus one (zero for null): constants go by the
     * names the dictionary gives, so a pack never depends on declaration order.
     */
    private static void name(DataOutputStream out, Enum<?> e) throws IOException {
        out.writeByte(e == null ? 0 : e.ordinal() + 1);
    }

    private static <E extends Enum<E>> E name(Cursor in, Class<E> type) throws IOException {
        int i = in.readByte() & 0xff;
        if (i == 0) {
            return null;
        }
        Enum<?>[] names = in.names[ENUMS.indexOf(type)];
        if (i > names.length) {
            throw new IOException("no " + type.getSimpleName() + " number " + i + " in the pack's dictionary");
        }
        return type.cast(names[i - 1]);
    }

    private static void flag(DataOutputStream out, Boolean b) throws IOException {
        out.writeByte(b == null ? 0 : b ? 2 : 1);
    }

    private static Boolean flag(Cursor in) throws IOException {
        int b = in.readByte();
        return b == 0 ? null : b == 2;
    }

    private static int count(Cursor in) throws IOException {
        return checked(in.readInt());
    }

    private static int checked(int n) throws IOException {
        if (n < 0 || n > MAX_ITEMS) {
            throw new IOException("a list of " + n + " items");
        }
        return n;
    }

    /**
     * A pack's bytes read in the order {@link DataOutputStream} wrote them. The whole pack is in memory, so a string is
     * decoded straight from it (a stream would copy every string's bytes into an array of its own first).
     */
    private static final class Cursor {
        private final byte[] bytes;
        private int at;
        /** The pack's enum dictionaries, by {@link #ENUMS}' order, once read. */
        Enum<?>[][] names;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        private int need(int n) throws IOException {
            if (n < 0 || n > bytes.length - at) {
                throw new IOException("truncated at byte " + at);
            }
            int start = at;
            at += n;
            return start;
        }

        int readInt() throws IOException {
            int i = need(4);
            return (bytes[i] & 0xff) << 24 | (bytes[i + 1] & 0xff) << 16 | (bytes[i + 2] & 0xff) << 8 | bytes[i + 3] & 0xff;
        }

        long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        byte readByte() throws IOException {
            return bytes[need(1)];
        }

        String readString(int n) throws IOException {
            return new String(bytes, need(n), n, StandardCharsets.UTF_8);
        }

        /** Skips {@code n} bytes and returns where they start. */
        int skip(int n) throws IOException {
            return need(n);
        }

        boolean atEnd() {
            return at == bytes.length;
        }
    }
}
