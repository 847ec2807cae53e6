package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.testing.UserTables;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule's phrase groups (one phrase of each must occur) and a table's named phrase lists ({@code @name}). */
final class PhraseGroupsTest {
    private static final String TABLE = """
            {"schemaVersion": 2, "defaults": {"source": "PhraseGroupsTest"},
             "phraseLists": {
               "sender-address": ["sender address", "from address"],
               "login": ["user name or password"]
             },
             "rules": [
              {"id": "user.recipient-not-valid", "level": "KEYWORD",
               "match": {"phraseGroups": [["recipient", "user", "mailbox"], ["not valid", "invalid"]],
                         "notPhrases": ["@sender-address", "@login", "too many"]},
               "verdict": {"category": "INVALID_RECIPIENT", "explanation": "Not a valid recipient."},
               "examples": ["550 Recipient not valid", "550 Invalid mailbox", "550 User is not valid here"]},
              {"id": "user.sender-not-valid", "level": "KEYWORD",
               "match": {"phrases": ["not valid", "invalid"], "phraseGroups": [["@sender-address"]]},
               "verdict": {"category": "INVALID_SENDER", "explanation": "Not a valid sender."}},
              {"id": "user.invalid-mailbox-name", "level": "KEYWORD",
               "match": {"phrases": ["invalid mailbox name"]},
               "verdict": {"category": "PROTOCOL_ERROR", "explanation": "A bad mailbox name."}}
             ]}""";

    private static VerdictEngine engine(Path dir, String table) throws Exception {
        return UserTables.engine(dir, "groups.json", table);
    }

    @Test
    void classify_oneWordOfEachGroupInEitherOrder_matches(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir, TABLE);
        for (String text : new String[] {"550 Recipient not valid", "550 Invalid recipient", "550 mailbox is invalid",
            "550 The user you named is not valid"}) {
            Verdict v = e.classify(text);
            assertThat(v.rule().orElseThrow().id()).as(text).isEqualTo("user.recipient-not-valid");
            assertThat(v.category()).as(text).contains(Category.INVALID_RECIPIENT);
        }
    }

    @Test
    void classify_aGroupWithNoWordPresent_doesNotMatch(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir, TABLE);
        assertThat(e.classify("550 Recipient refused").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("user.recipient-not-valid"));
        assertThat(e.classify("550 Invalid command").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("user.recipient-not-valid"));
    }

    @Test
    void classify_aNamedListInNotPhrasesOrAllPhrases_standsForItsPhrases(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir, TABLE);
        Verdict sender = e.classify("553 Invalid user: from address not valid");
        assertThat(sender.rule().orElseThrow().id()).isEqualTo("user.sender-not-valid");
        assertThat(sender.category()).contains(Category.INVALID_SENDER);
        assertThat(e.classify("535 Invalid user name or password").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("user.recipient-not-valid"));
    }

    @Test
    void classify_evidenceIsTheLongestPhraseOfEachGroup(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir, TABLE);
        // "mailbox" (7) + "invalid" (7) = 14 against the one phrase "invalid mailbox name" (20): the phrase wins
        assertThat(e.classify("501 invalid mailbox name").rule().orElseThrow().id())
                .isEqualTo("user.invalid-mailbox-name");
        // "recipient" (9) + "not valid" (9) = 18: the group rule outweighs a rule of one of its phrases alone
        Path file = dir.resolve("ties.json");
        Files.writeString(file, TABLE.replace("\"invalid mailbox name\"", "\"recipient\""));
        VerdictEngine ties = VerdictEngine.builder().ruleTable(file).build();
        assertThat(ties.classify("550 recipient not valid").rule().orElseThrow().id())
                .isEqualTo("user.recipient-not-valid");
    }

    @Test
    void rules_describeTheGroupsAndTheListsPhrasesInPlace(@TempDir Path dir) throws Exception {
        RuleInfo r = engine(dir, TABLE).rules().stream().filter(i -> i.id().equals("user.recipient-not-valid"))
                .findFirst().orElseThrow();
        assertThat(r.matches()).contains("one of \"recipient\", \"user\", \"mailbox\"")
                .contains("one of \"not valid\", \"invalid\"")
                .contains("none of \"sender address\", \"from address\", \"user name or password\", \"too many\"")
                .doesNotContain("@");
    }

    @Test
    void build_aNameNoListHas_isRefusedWhereItIsWritten(@TempDir Path dir) {
        assertThatThrownBy(() -> engine(dir, TABLE.replace("\"@login\"", "\"@logins\"")))
                .isInstanceOf(VerdictConfigurationException.class)
                .hasMessageContaining("$.rules[0] (user.recipient-not-valid).match.notPhrases[1]")
                .hasMessageContaining("'@logins' names no phrase list").hasMessageContaining("[sender-address, login]");
    }

    @Test
    void build_aListNoRuleUses_isRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> engine(dir, TABLE.replace("\"login\": [", "\"spare\": [\"x y\"], \"login\": [")))
                .isInstanceOf(VerdictConfigurationException.class).hasMessageContaining("$.phraseLists.spare")
                .hasMessageContaining("no rule uses it");
    }

    @Test
    void build_badListsAndGroups_areRefusedWhereTheyAreWritten(@TempDir Path dir) {
        assertThatThrownBy(() -> engine(dir, TABLE.replace("[\"user name or password\"]", "[\"@sender-address\"]")))
                .hasMessageContaining("$.phraseLists.login[0]").hasMessageContaining("not other lists");
        assertThatThrownBy(() -> engine(dir, TABLE.replace("[\"user name or password\"]", "[]")))
                .hasMessageContaining("$.phraseLists.login").hasMessageContaining("is empty");
        assertThatThrownBy(() -> engine(dir, TABLE.replace("\"login\": [", "\"Login\": [").replace("@login", "@sender-address")))
                .hasMessageContaining("$.phraseLists.Login").hasMessageContaining("lower-case");
        assertThatThrownBy(() -> engine(dir, TABLE.replace("[\"not valid\", \"invalid\"]", "[]")))
                .hasMessageContaining("(user.recipient-not-valid).match.phraseGroups[1]").hasMessageContaining("is empty");
        assertThatThrownBy(() -> engine(dir, TABLE.replace("\"not valid\", \"invalid\"]]", "\"not valid\", \"x\"]]")))
                .hasMessageContaining("(user.recipient-not-valid).match.phraseGroups[1][1]")
                .hasMessageContaining("at least two characters");
        assertThatThrownBy(() -> engine(dir, TABLE.replace("\"not valid\", \"invalid\"]]", "\"not valid\", \"i\u0307leti\"]]")))
                .hasMessageContaining("(user.recipient-not-valid).match.phraseGroups[1][1]")
                .hasMessageContaining("plain 'i' for a capital dotted I");
    }

    @Test
    void classify_aTurkishCapitalDottedI_meetsAPhraseWrittenWithAPlainI(@TempDir Path dir) throws Exception {
        VerdictEngine engine = engine(dir, TABLE.replace("\"not valid\", \"invalid\"]]", "\"not valid\", \"invalid\", \"ge\u00e7ersiz\"]]"));

        assertThat(engine.classify("550 \u0130LET\u0130 recipient GE\u00c7ERS\u0130Z").category()).contains(Category.INVALID_RECIPIENT);
    }

    @Test
    void build_aListInAllPhrases_isRefusedForAGroup(@TempDir Path dir) {
        assertThatThrownBy(() -> engine(dir, TABLE.replace("\"phraseGroups\": [[\"@sender-address\"]]",
                "\"allPhrases\": [\"@sender-address\"]")))
                .hasMessageContaining("(user.sender-not-valid).match.allPhrases[0]")
                .hasMessageContaining("would require every phrase");
    }

    @Test
    void build_aTableWithoutListsNamingOne_isRefused(@TempDir Path dir) {
        String noLists = TABLE.substring(0, TABLE.indexOf("\"phraseLists\"")) + TABLE.substring(TABLE.indexOf("\"rules\""));
        assertThatThrownBy(() -> engine(dir, noLists)).hasMessageContaining("match.notPhrases[0]")
                .hasMessageContaining("(it has none)");
    }
}
