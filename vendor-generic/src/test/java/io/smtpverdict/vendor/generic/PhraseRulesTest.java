package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Party;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The generic PHRASE rules: bindings, retry delays, stage-dependent meaning, outcomes without codes, languages. */
final class PhraseRulesTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    static Stream<Arguments> phraseRuleExamples() {
        return ENGINE.rules().stream()
                .filter(r -> r.id().startsWith("generic.phrase."))
                .flatMap(r -> r.examples().stream().map(e -> Arguments.of(r.id(), e)));
    }

    @Test
    void rules_phraseTable_isLoadedAtPhraseLevel() {
        List<RuleInfo> phrases = ENGINE.rules().stream().filter(r -> r.id().startsWith("generic.phrase.")).toList();

        assertThat(phrases).hasSizeGreaterThan(40);
        assertThat(phrases).allSatisfy(r -> {
            assertThat(r.level()).isEqualTo(EvidenceLevel.PHRASE);
            assertThat(r.category()).isPresent();
            assertThat(r.explanation()).isNotBlank().endsWith(".");
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("phraseRuleExamples")
    void classify_ruleExample_isDecidedByThatRule(String ruleId, String example) {
        Verdict v = ENGINE.classify(example);

        assertThat(v.rule()).as("rule deciding %s (%s)", example, v).hasValueSatisfying(r -> assertThat(r.id())
                .isEqualTo(ruleId));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // an out-of-office reply sent to an address that does not exist bounces with the auto-reply quoted
        "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\\n\\nSubject: Auto: Meeting on Monday",
        "550 5.1.1 user unknown\\n----- Original message -----\\nI am out of the office until Monday.",
        "550 user unknown Subject: Automatic reply: Meeting"})
    void classify_bounceQuotingAnAutoReply_isTheBounce(String text) {
        Verdict v = ENGINE.classify(text.replace("\\n", "\n"));

        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void classify_autoReplyWithATelephoneNumber_isAnAutoReply() {
        Verdict v = ENGINE.classify("I am out of the office until Monday. In urgent cases call +1 555 0100.");

        assertThat(v.category()).contains(Category.AUTOMATED_REPLY);
        assertThat(v.outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void classify_blockedUsingList_bindsTheBlocklist() {
        Verdict v = ENGINE.classify("554 5.7.1 Service unavailable; Client host X.X.X.X blocked using zen.spamhaus.org");

        assertThat(v.category()).contains(Category.REPUTATION_BLOCK);
        assertThat(v.advice()).isEqualTo(Advice.REQUEST_DELISTING);
        assertThat(v.bindings()).containsEntry("BLOCKLIST", "zen.spamhaus.org");
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void classify_postfixRblRejection_bindsTheBlocklistInsideTheLogLine() {
        Verdict v = ENGINE.classify("host mx.b.example[192.0.2.7] said: 554 5.7.1 Service unavailable; Client host "
                + "[198.51.100.9] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml"
                + "?198.51.100.9 (in reply to RCPT TO command)");

        assertThat(v.category()).contains(Category.REPUTATION_BLOCK);
        assertThat(v.bindings()).containsEntry("BLOCKLIST", "bl.spamcop.net");
    }

    @ParameterizedTest(name = "{0} -> retry after {1}s")
    @CsvSource(delimiter = '|', textBlock = """
            451 4.7.1 Greylisting in action, please come back in 00:02:00  | 120
            450 4.7.1 <a@b.example>: Recipient address rejected: Greylisted, try again in 5 minutes | 300
            """)
    void classify_greylisting_isDeferredWithTheStatedDelay(String text, int seconds) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.category()).contains(Category.GREYLISTED);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.retryAfterSeconds()).hasValue(seconds);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            host mx.b.example[192.0.2.7] said: 550 5.1.0 Address rejected (in reply to RCPT TO command)     | INVALID_RECIPIENT
            host mx.b.example[192.0.2.7] said: 550 5.1.0 Address rejected (in reply to MAIL FROM command)   | INVALID_SENDER
            SMTP error from remote mail server after MAIL FROM:<a@c.example>: 553 c.example does not exist   | INVALID_SENDER
            SMTP error from remote mail server after end of data: 553 b.example does not exist             | BAD_DOMAIN
            SMTP error from remote mail server after MAIL FROM:<a@c.example>: 501 Invalid address           | INVALID_SENDER
            SMTP error from remote mail server after RCPT TO:<x@b.example>: 501 Invalid address             | INVALID_RECIPIENT
            550 Requested action not taken: mailbox unavailable (in reply to RCPT TO command)               | INVALID_RECIPIENT
            550 Requested action not taken: mailbox unavailable (in reply to MAIL FROM command)             | INVALID_SENDER
            """)
    void classify_wordingWhoseMeaningDependsOnTheStage_followsTheStage(String text, Category category) {
        assertThat(ENGINE.classify(text).category()).as(text).contains(category);
    }

    @Test
    void classify_rejectionAfterEhlo_isTheSendersConfiguration() {
        Verdict v = ENGINE.classify("SMTP error from remote mail server after EHLO localhost: 550 Rejected");

        assertThat(v.category()).contains(Category.POLICY_BLOCK);
        assertThat(v.advice()).isEqualTo(Advice.FIX_CONFIGURATION);
        assertThat(v.party()).isEqualTo(Party.SENDER_CONFIGURATION);
        assertThat(v.stage()).isEqualTo(Stage.HELO);
    }

    @Test
    void classify_mailboxUnavailableTemporarily_isNotAnUnknownUser() {
        Verdict v = ENGINE.classify("450 Requested action not taken: mailbox unavailable");

        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).isNotEqualTo(java.util.Optional.of(Category.INVALID_RECIPIENT));
    }

    @Test
    void classify_tooManyRecipientsAs552_isStillDeferred() {
        Verdict v = ENGINE.classify("552 5.5.3 Too many recipients");

        assertThat(v.category()).contains(Category.TOO_MANY_RECIPIENTS);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
    }

    @Test
    void classify_spamClassificationMentioningVirus_isSpamNotVirus() {
        Verdict v = ENGINE.classify("550 5.7.1 Message rejected due to classification as virus, spam or high bulk ratio");

        assertThat(v.category()).contains(Category.SPAM_CONTENT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            connect to mx.b.example[192.0.2.7]:25: Connection timed out                        | NO_ANSWER_FROM_HOST | DEFERRED
            connect to mx.b.example[192.0.2.7]:25: Connection refused                          | NO_ANSWER_FROM_HOST | DEFERRED
            Host or domain name not found. Name service error for name=b.example type=A: Host not found | BAD_DOMAIN | FAILED
            Name service error for domain b.example: Host not found, try again                 | DNS_FAILURE         | DEFERRED
            Unknown Recipient                                                                  | INVALID_RECIPIENT   | FAILED
            Over quota                                                                         | MAILBOX_FULL        | FAILED
            Envelope expired                                                                   | MESSAGE_EXPIRED     | FAILED
            Maximum hop count exceeded. Message probably in a routing loop.                    | ROUTING_ERROR       | FAILED
            lost connection with mx.b.example[192.0.2.7] while sending end of data             | CONNECTION_LOST     | DEFERRED
            """)
    void classify_wordingWithoutAnyCode_getsItsOutcomeFromTheWordingOrCategory(String text, Category category,
            Outcome outcome) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.category()).as(text).contains(category);
        assertThat(v.outcome()).as(text).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            550 5.1.1 <a@b.example>: Utilisateur inconnu
            550 5.1.1 <a@b.example>: Destinataire inconnu
            550 5.1.1 Benutzer unbekannt
            550 Empfänger unbekannt
            550 5.1.1 Usuario desconocido
            550 5.1.1 El usuario no existe
            550 5.1.1 Utente sconosciuto
            550 5.1.1 Usuário desconhecido
            550 5.1.1 Пользователь не найден
            550 5.1.1 宛先不明 (atesaki fumei)
            """)
    void classify_unknownUserInAnotherLanguage_isInvalidRecipient(String text) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.category()).as(text).contains(Category.INVALID_RECIPIENT);
        assertThat(v.level()).as(text).contains(EvidenceLevel.PHRASE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            收件人的收件箱存储空间不足。请让收件人参阅管理 Google 云端硬盘存储空间中的文件。 | MAILBOX_FULL    | FAILED
            Die Zustellung an folgende Empfänger oder Verteilerlisten wurde verzögert: a@b.example  | TRANSIENT_OTHER | DEFERRED
            550 5.1.1 Рассылка 'staff' не существует.                                               | INVALID_RECIPIENT | FAILED
            Het volgende adres is geen bekende mailinglijst: staff@lists.example.org                | INVALID_RECIPIENT | FAILED
            Unsere Spam-Detektoren wurden durch eine Nachricht von Ihnen ausgelöst: An: a@b.example | SPAM_CONTENT    | FAILED
            550 Nosso sistema de detecção de SPAM foi acionado ao analisar uma mensagem             | SPAM_CONTENT    | FAILED
            """)
    void classify_providersOwnLocalizedWording_isDecidedByTheLanguageTable(String text, Category category,
            Outcome outcome) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.rule()).as("%s (%s)", text, v).hasValueSatisfying(r -> assertThat(r.id()).startsWith("generic.intl."));
        assertThat(v.category()).as(text).contains(category);
        assertThat(v.outcome()).as(text).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            550 5.7.1 Messages from 192.0.2.1 refused: the sending IP is listed in a blocklist | REPUTATION_BLOCK
            554 5.7.1 Relaying denied                                                          | RELAY_DENIED
            530 5.7.0 Must issue a STARTTLS command first                                      | TLS_FAILURE
            552 Message size exceeds fixed limit                                         | MESSAGE_TOO_LARGE
            550 5.7.1 Virus found in message                                                   | VIRUS_DETECTED
            550 5.2.1 <a@b.example>: Account has been suspended                                | MAILBOX_INACTIVE
            554 5.6.0 Message headers too large                                                | CONTENT_REJECTED
            550 Unrouteable address                                                            | INVALID_RECIPIENT
            421 4.7.0 Too many connections from your IP, slow down                             | RATE_LIMITED
            451 4.7.1 Antivirus scanner temporarily unavailable, try again later               | REMOTE_SERVER_ERROR
            550 High probability of spam                                                       | SPAM_CONTENT
            554 5.7.1 Rejected by Spam Filter                                                  | SPAM_CONTENT
            554 5.7.1 This message has been blocked because it contains a banned attachment    | CONTENT_REJECTED
            """)
    void classify_commonGenericWording_isCategorisedByThePhrase(String text, Category category) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.category()).as("%s (%s)", text, v).contains(category);
        assertThat(v.level()).as(text).contains(EvidenceLevel.PHRASE);
    }

    /** "&lt;domain&gt; does not exist" names a missing domain; the same words after an address name a missing mailbox. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            550 5.1.2 b.example does not exist                   | BAD_DOMAIN
            b.example does not exist                             | BAD_DOMAIN
            550 user@b.example does not exist                    | INVALID_RECIPIENT
            <user@b.example>: user@b.example does not exist      | INVALID_RECIPIENT
            """)
    void classify_doesNotExist_readsTheDomainOnlyWhenItStandsAlone(String text, Category category) {
        assertThat(ENGINE.classify(text).category()).as(text).contains(category);
    }
}
