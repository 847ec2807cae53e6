package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.table.RulePack;
import io.smtpverdict.core.table.RuleTableLoader;
import io.smtpverdict.core.table.TableFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule packs: what the build writes reads back as the JSON reads, and only a pack of exactly that JSON is used. */
final class RulePackTest {
    /** A table that uses every field a pack must carry. */
    private static final String TABLE = """
            {
              "$schema": "rule-table.schema.json",
              "schemaVersion": 2,
              "plugin": "packs",
              "defaults": {"source": "RFC 5321 §4.2", "origin": "REMOTE", "advice": "RETRY"},
              "phraseLists": {"not-full": ["not full", "never full"]},
              "rules": [
                {"id": "packs.template", "source": "seed 000", "note": "a vendor's own text",
                 "match": {"template": "Connected to {IP} but sender was rejected./Remote host said: {MESSAGE}",
                           "stages": ["MAIL", "RCPT"]},
                 "verdict": {"category": "INVALID_SENDER", "outcome": {"fixed": "FAILED"}, "origin": "LOCAL",
                             "stage": "MAIL", "flags": ["POSSIBLE_DUPLICATE"], "inherit": false, "reason": "sender",
                             "party": "SENDER_CONFIGURATION", "explanation": "The sender was refused – “quoted”."},
                 "examples": ["Connected to 192.0.2.1 but sender was rejected./Remote host said: 553 no"]},
                {"id": "packs.words", "level": "KEYWORD",
                 "match": {"phrases": ["quota"], "allPhrases": ["mailbox", "full"], "notPhrases": ["@not-full"],
                           "phraseGroups": [["box", "inbox"], ["over", "exceeded"]], "regex": "box +full",
                           "noCode": true},
                 "verdict": {"category": "MAILBOX_FULL", "outcome": "DEFERRED", "explanation": "Full."}},
                {"id": "packs.codes", "specific": true,
                 "match": {"enhancedCodes": ["5.7.26", "X.7.*"], "codes": [550, 554], "classes": [5]},
                 "verdict": {"category": "AUTH_FAILURE", "explanation": "Authentication failed."}},
                {"id": "packs.message", "match": {"message": ["421 4.4.5 Service unavailable"]},
                 "verdict": {"category": "REMOTE_SERVER_ERROR", "explanation": "Busy."}}
              ]
            }
            """;

    private static TableFile json(String text) {
        return RuleTableLoader.read("packs", "packs.json",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), false);
    }

    @Test
    void read_packOfTheTable_givesTheRulesTheJsonGives() {
        byte[] bytes = TABLE.getBytes(StandardCharsets.UTF_8);
        TableFile fromJson = json(TABLE);

        RulePack.Result pack = RulePack.read(new ByteArrayInputStream(RulePack.write(fromJson, bytes)), bytes.length,
                RulePack.crc(bytes));

        assertThat(pack.refusal()).isEmpty();
        assertThat(pack.table()).get().satisfies(t -> {
            assertThat(t.plugin()).isEqualTo("packs");
            assertThat(t.rules()).isEqualTo(fromJson.rules());
            // the table's phrase list is in place, and the groups are carried
            assertThat(t.rules().get(1).match().notPhrases()).containsExactly("not full", "never full");
            assertThat(t.rules().get(1).match().phraseGroups()).containsExactly(java.util.List.of("box", "inbox"),
                    java.util.List.of("over", "exceeded"));
        });
    }

    @Test
    void read_pack_givesEachTemplatesFoldedKeyWhereItIsAscii() {
        String table = TABLE.replace("{\"id\": \"packs.codes\"", """
                {"id": "packs.japanese", "match": {"template": "{MESSAGE} メールボックスが いっぱいです"},
                 "verdict": {"category": "MAILBOX_FULL", "explanation": "Full."}},
                {"id": "packs.codes\"""");
        byte[] bytes = table.getBytes(StandardCharsets.UTF_8);

        RulePack.Result pack = RulePack.read(new ByteArrayInputStream(RulePack.write(json(table), bytes)), bytes.length,
                RulePack.crc(bytes));

        assertThat(pack.table()).get().satisfies(t -> assertThat(t.rules()).hasSize(5));
        // the longest literal of the first template, folded: what the engine would index it under
        assertThat(pack.templateKeys()).containsExactly(" but sender was rejected.", null, null, null, null);
        assertThat(io.smtpverdict.core.match.Template.compile(
                "Connected to {IP} but sender was rejected./Remote host said: {MESSAGE}").longestLiteral())
                .isEqualTo(" but sender was rejected.");
    }

    @Test
    void read_pack_givesTheOtherSpellingsOfItsAsciiPhrases() {
        String table = TABLE.replace("\"phrases\": [\"quota\"]", "\"phrases\": [\"Quota\", \"mailbox does not exist\"]")
                .replace("[\"box\", \"inbox\"]", "[\"box\", \"inbox\", \"e-mail\", \"E-Mail-Adresse ungültig\"]");
        byte[] bytes = table.getBytes(StandardCharsets.UTF_8);

        RulePack.Result pack = RulePack.read(new ByteArrayInputStream(RulePack.write(json(table), bytes)), bytes.length,
                RulePack.crc(bytes));

        // folded, as the engine reads them, from phrases, all-phrases, not-phrases and groups alike; "quota" has no
        // other spelling; the pack was made and read on one Java release, so the phrase above ASCII is given too
        assertThat(pack.spellings().byPhrase()).containsOnlyKeys("mailbox does not exist", "mailbox", "not full",
                "e-mail", "e-mail-adresse ungültig");
        assertThat(pack.spellings().asciiOnly()).isFalse();
        assertThat(pack.spellings().get("mailbox does not exist"))
                .isEqualTo(io.smtpverdict.core.match.Spellings.of("mailbox does not exist"))
                .contains("mail box doesn't exist");
        assertThat(pack.spellings().get("e-mail")).containsExactly("email");
        assertThat(pack.spellings().leftToEngine("quota")).isFalse();
    }

    @Test
    void read_packNamingAnUnknownConstant_isRefusedAsDamaged() {
        byte[] bytes = TABLE.getBytes(StandardCharsets.UTF_8);
        byte[] pack = RulePack.write(json(TABLE), bytes);
        String text = new String(pack, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("INVALID_SENDER"); // in the dictionary of categories, at the pack's start
        pack[at] = 'X';

        RulePack.Result read = RulePack.read(new ByteArrayInputStream(pack), bytes.length, RulePack.crc(bytes));

        assertThat(read.table()).isEmpty();
        assertThat(read.refusal()).startsWith("damaged").contains("XNVALID_SENDER");
    }

    @Test
    void read_packOfOtherJson_isRefusedAsStale() {
        byte[] bytes = TABLE.getBytes(StandardCharsets.UTF_8);
        byte[] pack = RulePack.write(json(TABLE), bytes);
        byte[] edited = TABLE.replace("Busy.", "Busy!").getBytes(StandardCharsets.UTF_8);

        RulePack.Result read = RulePack.read(new ByteArrayInputStream(pack), edited.length, RulePack.crc(edited));

        assertThat(read.table()).isEmpty();
        assertThat(read.refusal()).startsWith("stale");
    }

    @Test
    void read_damagedOrForeignBytes_areRefusedWithoutThrowing() {
        byte[] bytes = TABLE.getBytes(StandardCharsets.UTF_8);
        byte[] pack = RulePack.write(json(TABLE), bytes);
        long crc = RulePack.crc(bytes);

        for (int cut : new int[] {0, 3, 20, pack.length / 2, pack.length - 1}) {
            assertThat(RulePack.read(new ByteArrayInputStream(Arrays.copyOf(pack, cut)), bytes.length, crc).table())
                    .as("cut at %d", cut).isEmpty();
        }
        byte[] foreign = pack.clone();
        foreign[7] = 99; // another format version
        assertThat(RulePack.read(new ByteArrayInputStream(foreign), bytes.length, crc).refusal())
                .contains("pack format 99");
        assertThat(RulePack.read(new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)), bytes.length, crc)
                .refusal()).isEqualTo("not a rule pack");
    }

    @Test
    void readTable_freshPack_isUsedInsteadOfTheJson(@TempDir Path dir) throws Exception {
        byte[] bytes = TABLE.getBytes(StandardCharsets.UTF_8);
        TableFile other = json(TABLE.replace("Busy.", "From the pack."));
        Path table = Files.write(dir.resolve("packs.json"), bytes);
        // a pack that carries other rules under this JSON's fingerprint shows which of the two was read
        Path pack = Files.write(dir.resolve("packs.json" + RulePack.SUFFIX), RulePack.write(other, bytes));

        TableFile read = EngineLoader.readTable("packs", "packs.json", table.toUri().toURL(), pack.toUri().toURL());

        assertThat(read.rules()).isEqualTo(other.rules());
    }

    @Test
    void readTable_stalePack_fallsBackToTheJson(@TempDir Path dir) throws Exception {
        Path table = Files.writeString(dir.resolve("packs.json"), TABLE.replace("Busy.", "Edited after the build."));
        byte[] old = TABLE.getBytes(StandardCharsets.UTF_8);
        Path pack = Files.write(dir.resolve("packs.json" + RulePack.SUFFIX), RulePack.write(json(TABLE), old));

        TableFile read = EngineLoader.readTable("packs", "packs.json", table.toUri().toURL(), pack.toUri().toURL());

        assertThat(read.rules().get(3).verdict().explanation()).isEqualTo("Edited after the build.");
    }

    @Test
    void readTable_packInAJar_isCheckedAgainstTheEntrysChecksum(@TempDir Path dir) throws Exception {
        byte[] bytes = TABLE.getBytes(StandardCharsets.UTF_8);
        TableFile other = json(TABLE.replace("Busy.", "From the pack in the jar."));
        Path jar = dir.resolve("plugin.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("t/packs.json"));
            out.write(bytes);
            out.closeEntry();
            out.putNextEntry(new java.util.jar.JarEntry("t/packs.json" + RulePack.SUFFIX));
            out.write(RulePack.write(other, bytes));
            out.closeEntry();
        }
        String base = "jar:" + jar.toUri() + "!/t/packs.json";

        TableFile read = EngineLoader.readTable("packs", "packs.json", new java.net.URL(base),
                new java.net.URL(base + RulePack.SUFFIX));

        assertThat(read.rules()).isEqualTo(other.rules());
    }

    /** A jar with these entries (name, bytes). */
    private static java.util.jar.JarFile jar(Path file, Object... entries) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new java.util.jar.JarEntry((String) entries[i]));
                out.write((byte[]) entries[i + 1]);
                out.closeEntry();
            }
        }
        return new java.util.jar.JarFile(file.toFile());
    }

    /** A plugin of the tables above, in this test's package. */
    private static final class PacksPlugin implements io.smtpverdict.spi.VerdictPlugin {
        @Override
        public String id() {
            return "packs";
        }

        @Override
        public int contractVersion() {
            return io.smtpverdict.spi.VerdictContract.VERSION;
        }
    }

    @Test
    void jarTable_besideThePluginsPackage_readsTheFreshPackOrTheJsonWhenStale(@TempDir Path dir) throws Exception {
        byte[] bytes = TABLE.getBytes(StandardCharsets.UTF_8);
        byte[] edited = TABLE.replace("Busy.", "Edited after the build.").getBytes(StandardCharsets.UTF_8);
        TableFile other = json(TABLE.replace("Busy.", "From the pack in the jar."));
        String beside = "io/smtpverdict/core/";
        try (var jar = jar(dir.resolve("plugin.jar"), beside + "packs.json", bytes,
                beside + "packs.json" + RulePack.SUFFIX, RulePack.write(other, bytes),
                beside + "stale.json", edited, beside + "stale.json" + RulePack.SUFFIX, RulePack.write(other, bytes),
                "top/packs.json", bytes)) {
            PacksPlugin plugin = new PacksPlugin();

            assertThat(EngineLoader.jarTable(plugin, "packs.json", jar).rules()).isEqualTo(other.rules());
            assertThat(EngineLoader.jarTable(plugin, "stale.json", jar).rules().get(3).verdict().explanation())
                    .isEqualTo("Edited after the build.");
            assertThat(EngineLoader.jarTable(plugin, "/top/packs.json", jar).rules()).isEqualTo(json(TABLE).rules());
            assertThatThrownBy(() -> EngineLoader.jarTable(plugin, "missing.json", jar))
                    .isInstanceOf(VerdictConfigurationException.class).hasMessageContaining("missing.json");
        }
    }
}
