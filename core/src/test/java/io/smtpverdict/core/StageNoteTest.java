package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.testing.UserTables;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reply followed by the note of the command it answered, as Postfix writes it ("(in reply to RCPT TO command)",
 * smtp_proto.c) and as logs and pages quote it without "host ... said:" in front: the note gives the stage, but its
 * words are not the reply's, and a rule written for the whole reply still reaches the reply's end.
 */
final class StageNoteTest {
    private static final String TABLE = """
            {"schemaVersion": 2, "defaults": {"source": "StageNoteTest"},
             "rules": [
              {"id": "user.quota", "level": "KEYWORD",
               "match": {"phrases": ["quota"], "notPhrases": ["command"]},
               "verdict": {"category": "MAILBOX_FULL", "explanation": "The mailbox is full."}},
              {"id": "user.recipient-limit", "level": "KEYWORD",
               "match": {"allPhrases": ["rcpt"], "phrases": ["limit", "exceeded"]},
               "verdict": {"category": "TOO_MANY_RECIPIENTS", "explanation": "Too many recipients."}},
              {"id": "user.loop", "level": "PROVIDER_PHRASE",
               "match": {"template": "looping message", "anchored": true},
               "verdict": {"category": "ROUTING_ERROR", "explanation": "The message loops."}},
              {"id": "user.not-when-quoted", "level": "KEYWORD",
               "match": {"phrases": ["connection refused"], "notPhrases": ["in reply to"]},
               "verdict": {"category": "NO_ANSWER_FROM_HOST", "explanation": "No connection."}},
              {"id": "user.exact", "level": "PROVIDER_PHRASE",
               "match": {"message": ["mail size limit exceeded"]},
               "verdict": {"category": "MESSAGE_TOO_LARGE", "explanation": "Too large."}}
             ]}""";

    private static VerdictEngine engine(Path dir) throws Exception {
        return UserTables.engine(dir, "note.json", TABLE);
    }

    private static Optional<String> rule(Verdict v) {
        return v.rule().map(r -> r.id());
    }

    @Test
    void classify_wordsOfTheNote_doNotCountAsTheReplys(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir);

        Verdict quota = e.classify("552 Mailbox quota exceeded (in reply to end of DATA command)");
        assertThat(rule(quota)).contains("user.quota");
        assertThat(quota.stage()).isEqualTo(Stage.BODY);
        // "rcpt" stands only in the note: no recipient limit
        assertThat(rule(e.classify("452 Limit exceeded, try later (in reply to RCPT TO command)")))
                .isNotEqualTo(Optional.of("user.recipient-limit"));
        // the same words in the reply itself still count
        assertThat(rule(e.classify("550 Unknown command quota"))).isNotEqualTo(Optional.of("user.quota"));
        assertThat(rule(e.classify("452 RCPT limit exceeded (in reply to RCPT TO command)")))
                .contains("user.recipient-limit");
    }

    @Test
    void classify_ruleOfTheWholeReply_reachesTheEndBeforeTheNote(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir);

        Verdict loop = e.classify("Looping message (in reply to end of DATA command))");
        assertThat(rule(loop)).contains("user.loop");
        assertThat(loop.category()).contains(Category.ROUTING_ERROR);
        assertThat(rule(e.classify("552 mail size limit exceeded (in reply to end of DATA command)")))
                .contains("user.exact");
    }

    @Test
    void classify_aRuleThatAsksForTheNote_stillSeesIt(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir);

        assertThat(rule(e.classify("554 Connection refused (in reply to RCPT TO command)")))
                .isNotEqualTo(Optional.of("user.not-when-quoted"));
        assertThat(rule(e.classify("Connection refused"))).contains("user.not-when-quoted");
    }

    @Test
    void classify_wordsAfterTheNote_makeItNoNote(@TempDir Path dir) throws Exception {
        VerdictEngine e = engine(dir);

        // text after the command's name: not the note that ends a reply, so the words count as written
        assertThat(rule(e.classify("552 quota (in reply to RCPT TO command) and more"))).isNotEqualTo(
                Optional.of("user.quota"));
        assertThat(rule(e.classify("Looping message (in reply to end of DATA command) again")))
                .isNotEqualTo(Optional.of("user.loop"));
    }
}
