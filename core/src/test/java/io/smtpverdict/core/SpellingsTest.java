package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.match.Spellings;
import io.smtpverdict.core.testing.UserTables;
import io.smtpverdict.spi.Verdict;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's phrase finds the reply that spells it another way English allows: "doesn't" for "does not", "mail box"
 * for "mailbox", "unauthorised" for "unauthorized", "isn't found" for "not found", "doesnt" for "doesn't"; and only
 * those.
 */
final class SpellingsTest {
    private static final String TABLE = """
            {"schemaVersion": 2, "defaults": {"source": "SpellingsTest"},
             "rules": [
              {"id": "user.no-mailbox", "level": "PHRASE",
               "match": {"phrases": ["mailbox does not exist"]},
               "verdict": {"category": "INVALID_RECIPIENT", "explanation": "No such mailbox."}},
              {"id": "user.not-found", "level": "KEYWORD",
               "match": {"phrases": ["not found"], "notPhrases": ["e-mail server"]},
               "verdict": {"category": "INVALID_RECIPIENT", "explanation": "Not found."}},
              {"id": "user.unauthorised", "level": "PHRASE",
               "match": {"phrases": ["unauthorised sender"]},
               "verdict": {"category": "POLICY_BLOCK", "explanation": "Not allowed."}},
              {"id": "user.cannot", "level": "PHRASE",
               "match": {"allPhrases": ["cannot", "deliver"]},
               "verdict": {"category": "REMOTE_SERVER_ERROR", "explanation": "Cannot deliver."}}
             ]}""";

    private static VerdictEngine engine(Path dir) throws Exception {
        return UserTables.engine(dir, "spellings.json", TABLE);
    }

    private static Optional<String> rule(VerdictEngine e, String reply) {
        Verdict v = e.classify(reply);
        return v.rule().map(r -> r.id());
    }

    @Test
    void classify_otherSpellingsOfAPhrase_findTheRule(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir);

        assertThat(rule(e, "550 Mailbox does not exist")).contains("user.no-mailbox");
        assertThat(rule(e, "550 Mailbox doesn't exist")).contains("user.no-mailbox");
        assertThat(rule(e, "550 Mailbox doesn\u2019t exist")).contains("user.no-mailbox");
        assertThat(rule(e, "550 Mailbox doesnt exist")).contains("user.no-mailbox");
        assertThat(rule(e, "550 Mail box does not exist")).contains("user.no-mailbox");
        assertThat(rule(e, "550 Mail-box doesn't exist")).contains("user.no-mailbox");
        assertThat(rule(e, "550 Unauthorized sender")).contains("user.unauthorised");
        assertThat(rule(e, "550 User isn't found")).contains("user.not-found");
        assertThat(rule(e, "451 Can't deliver now")).contains("user.cannot");
        assertThat(rule(e, "451 Can not deliver now")).contains("user.cannot");
    }

    @Test
    void classify_otherSpellingOfANotPhrase_excludesTheRuleToo(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir);

        assertThat(rule(e, "550 Recipient not found")).contains("user.not-found");
        assertThat(rule(e, "550 Recipient not found on this email server")).isNotEqualTo(Optional.of("user.not-found"));
    }

    @Test
    void classify_wordsThatOnlyLookAlike_findNothing(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir);

        // other words between, and a spelling no set holds (the apostrophe misplaced), are no other spelling
        assertThat(rule(e, "550 This mail box list does not exist")).isNotEqualTo(Optional.of("user.no-mailbox"));
        assertThat(rule(e, "550 Mailbox does'nt exist")).isNotEqualTo(Optional.of("user.no-mailbox"));
    }

    @Test
    void of_givesEachCombinationOnce_andNothingForAPlainKey() {
        assertThat(Spellings.of("mailbox does not exist")).containsExactlyInAnyOrder(
                "mail box does not exist", "mail-box does not exist", "mailbox doesn't exist",
                "mail box doesn't exist", "mail-box doesn't exist", "mailbox doesnt exist", "mail box doesnt exist",
                "mail-box doesnt exist");
        assertThat(Spellings.of("the recipient's mailbox")).contains("the recipients mailbox");
        // accents, as ASCII-only servers drop them; German umlauts both ways; other scripts untouched
        assertThat(Spellings.of("dirección no válida")).containsExactly("direccion no valida");
        assertThat(Spellings.of("empfänger unbekannt")).containsExactly("empfanger unbekannt", "empfaenger unbekannt");
        assertThat(Spellings.of("adresa nie je platná, łącze")).containsExactly("adresa nie je platna, lacze");
        assertThat(Spellings.of("宛先不明")).isEmpty();
        // a short word without accents is another word ("refuse"), or inside many ("cas" in "casella")
        assertThat(Spellings.of("refusé")).isEmpty();
        assertThat(Spellings.of("čas")).isEmpty();
        assertThat(Spellings.of("überfüllt")).containsExactly("uberfullt", "ueberfuellt");
        // one program's translated sentence keeps its accents
        String sentence = "la dirección de correo electrónico que has indicado no es válida aquí";
        assertThat(sentence.length()).isGreaterThan(Spellings.MARKED_MAX_LENGTH);
        assertThat(Spellings.of(sentence)).isEmpty();
        assertThat(Spellings.of("пользователь не найден")).isEmpty();
        assertThat(Spellings.of("not allowed")).containsExactly("n't allowed");
        assertThat(Spellings.of("this is nothing")).isEmpty();
        assertThat(Spellings.of("user unknown")).isEmpty();
        assertThat(Spellings.of("the e-mail mailbox username does not exist and cannot be found"))
                .hasSize(Spellings.MAX_SPELLINGS - 1);
    }
}
