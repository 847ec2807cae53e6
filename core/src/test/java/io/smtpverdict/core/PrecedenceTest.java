package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.core.testing.TestingLowPlugin;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Candidate;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PrecedenceTest {
    private final VerdictEngine engine = VerdictEngine.builder()
            .plugin(new TestingPlugin()).plugin(new TestingLowPlugin()).build();

    private String winner(String text) {
        return engine.classify(text).rule().orElseThrow().id();
    }

    @Test
    void classify_everyLevelMatches_mostSpecificLevelWinsInModelOrder() {
        String all = "550 5.1.1 acme-vendor-text bigmail-special user unknown (in reply to RCPT TO command)";
        assertThat(winner(all)).isEqualTo("testing.vendor");
        assertThat(winner(all.replace("acme-vendor-text", ""))).isEqualTo("testing.provider");
        assertThat(winner("550 5.1.1 user unknown (in reply to RCPT TO command)")).isEqualTo("testing.phrase");
        assertThat(winner("550 5.1.1 xyzzy (in reply to RCPT TO command)")).isEqualTo("testing.enhanced");
        assertThat(winner("550 5.1.7 xyzzy (in reply to RCPT TO command)")).isEqualTo("testing.enhanced-subject");
        assertThat(winner("550 xyzzy (in reply to RCPT TO command)")).isEqualTo("testing.basic-rcpt");
        assertThat(winner("550 xyzzy")).isEqualTo("testing.basic");
        assertThat(winner("551 xyzzy")).isEqualTo("testing.class");
    }

    @Test
    void classify_explain_listsLosersInRankOrder() {
        Verdict v = engine.classify("550 5.1.1 acme-vendor-text bigmail-special user unknown (in reply to RCPT TO command)",
                ClassifyOptions.EXPLAIN);
        assertThat(v.rule().orElseThrow().level()).isEqualTo(EvidenceLevel.VENDOR_TEMPLATE);
        assertThat(v.candidates()).extracting(Candidate::id).containsExactly("testing.provider", "testing.phrase",
                "testing.short-phrase", "testing.enhanced", "testing.enhanced-subject", "testing.basic-rcpt",
                "testing.basic", "testing.class");
        assertThat(engine.classify("550 5.1.1 user unknown").candidates()).isEmpty();
    }

    @Test
    void classify_sameLevel_longerLiteralEvidenceWins() {
        assertThat(winner("5.0.0 user unknown")).isEqualTo("testing.phrase");
        assertThat(winner("5.0.0 unknown")).isEqualTo("testing.short-phrase");
    }

    @Test
    void classify_sameLevelSameLength_higherPluginPriorityWins() {
        assertThat(winner("user unknown user-unknown")).isEqualTo("testing.phrase");
    }

    @Test
    void classify_preferredPlugin_winsTies() {
        VerdictEngine preferring = VerdictEngine.builder().plugin(new TestingPlugin()).plugin(new TestingLowPlugin())
                .preferPlugin("testing-low").build();
        assertThat(preferring.classify("user unknown user-unknown").rule().orElseThrow().id())
                .isEqualTo("testing-low.same-length");
    }

    @Test
    void classify_samePluginSameLength_tableOrderWins() {
        assertThat(winner("tie-words and tie words")).isEqualTo("testing.tie-a");
    }

    @Test
    void classify_exactEnhancedCode_beatsSubjectWildcard() {
        assertThat(winner("5.1.1")).isEqualTo("testing.enhanced");
        assertThat(winner("5.1.99")).isEqualTo("testing.enhanced-subject");
    }

    @Test
    void classify_userTable_ranksAboveShippedRulesAtTheSameLevel(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("mine.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "rules": [
                  {"id": "user.mine", "level": "PHRASE", "match": {"phrases": ["unknown"]},
                   "verdict": {"category": "MAILBOX_FULL", "explanation": "Mine."}}]}""");
        VerdictEngine withUser = VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(table).build();
        Verdict v = withUser.classify("550 5.1.1 user unknown");
        assertThat(v.rule().orElseThrow().id()).isEqualTo("user.mine");
        assertThat(v.category()).contains(Category.MAILBOX_FULL);
        // ... but not above a more specific level
        assertThat(withUser.classify("acme-vendor-text unknown").rule().orElseThrow().id()).isEqualTo("testing.vendor");
    }

    @Test
    void classify_specificEnhancedCode_beatsWordingThatOnlyRestatesTheClassButNotAProvider(@TempDir Path dir)
            throws Exception {
        Path table = dir.resolve("specific.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "defaults": {"source": "PrecedenceTest"}, "rules": [
                  {"id": "user.code-7-26", "specific": true, "match": {"enhancedCodes": ["X.7.26"]},
                   "verdict": {"category": "AUTH_FAILURE", "explanation": "Authentication."}},
                  {"id": "user.code-7-1", "match": {"enhancedCodes": ["X.7.1"]},
                   "verdict": {"category": "POLICY_BLOCK", "explanation": "Policy."}},
                  {"id": "user.blocked", "match": {"phrases": ["has been blocked"]},
                   "verdict": {"category": "POLICY_BLOCK", "explanation": "Blocked."}},
                  {"id": "user.spam", "level": "KEYWORD", "match": {"phrases": ["spam"]},
                   "verdict": {"category": "SPAM_CONTENT", "explanation": "Spam."}},
                  {"id": "user.provider", "level": "PROVIDER_PHRASE", "match": {"phrases": ["bigmail says"]},
                   "verdict": {"category": "RATE_LIMITED", "explanation": "Provider."}}]}""");
        VerdictEngine e = VerdictEngine.builder().ruleTable(table).build();

        Verdict auth = e.classify("550 5.7.26 This mail has been blocked to protect users from spam");
        assertThat(auth.rule().orElseThrow().id()).isEqualTo("user.code-7-26");
        assertThat(auth.rule().orElseThrow().level()).isEqualTo(EvidenceLevel.ENHANCED_CODE);
        assertThat(auth.category()).contains(Category.AUTH_FAILURE);
        assertThat(e.classify("550 5.7.26 bigmail says no, this mail has been blocked").rule().orElseThrow().id())
                .isEqualTo("user.provider");
        // a code that says little loses to wording, and to a single keyword
        assertThat(e.classify("550 5.7.1 This mail has been blocked").rule().orElseThrow().id())
                .isEqualTo("user.blocked");
        assertThat(e.classify("550 5.7.1 Looks like spam").rule().orElseThrow().id()).isEqualTo("user.spam");
        // a keyword ranks below a phrase
        assertThat(e.classify("550 spam: this mail has been blocked").rule().orElseThrow().id())
                .isEqualTo("user.blocked");
    }

    @Test
    void classify_unspecificRefusal_losesToAKeywordThatNamesTheCauseButNotToACode(@TempDir Path dir)
            throws Exception {
        Path table = dir.resolve("unspecific.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "defaults": {"source": "PrecedenceTest"}, "rules": [
                  {"id": "user.refused", "unspecific": true, "match": {"phrases": ["administrative prohibition"]},
                   "verdict": {"category": "POLICY_BLOCK", "explanation": "Refused."}},
                  {"id": "user.listed", "level": "KEYWORD", "match": {"phrases": ["blacklisted"]},
                   "verdict": {"category": "REPUTATION_BLOCK", "explanation": "Listed."}},
                  {"id": "user.code-1-1", "match": {"enhancedCodes": ["X.1.1"]},
                   "verdict": {"category": "INVALID_RECIPIENT", "explanation": "Unknown."}}]}""");
        VerdictEngine e = VerdictEngine.builder().ruleTable(table).build();

        Verdict listed = e.classify("550 rejected: administrative prohibition (host is blacklisted)");
        assertThat(listed.rule().orElseThrow().id()).isEqualTo("user.listed");
        assertThat(listed.category()).contains(Category.REPUTATION_BLOCK);
        Verdict refused = e.classify("550 5.1.1 rejected: administrative prohibition");
        assertThat(refused.rule().orElseThrow().id()).isEqualTo("user.refused");
        // the verdict still reports the level its conditions give
        assertThat(refused.rule().orElseThrow().level()).isEqualTo(EvidenceLevel.PHRASE);
    }

    @Test
    void build_unspecificOnABasicCodeRule_isRefusedWhereItIsWritten(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("bad.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "defaults": {"source": "PrecedenceTest"}, "rules": [
                  {"id": "user.code", "unspecific": true, "match": {"codes": [554]},
                   "verdict": {"category": "POLICY_BLOCK", "explanation": "Policy."}}]}""");
        assertThatThrownBy(() -> VerdictEngine.builder().ruleTable(table).build())
                .hasMessageContaining("(user.code).unspecific").hasMessageContaining("BASIC_CODE");
    }

    @Test
    void classify_unspecificEnhancedCode_losesToTheBasicCodeButNotToTheClass(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("codes.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "defaults": {"source": "PrecedenceTest"}, "rules": [
                  {"id": "user.other", "unspecific": true, "match": {"enhancedCodes": ["X.0.0"]},
                   "verdict": {"category": "UNCLASSIFIED", "explanation": "Other."}},
                  {"id": "user.basic-503", "match": {"codes": [503]},
                   "verdict": {"category": "PROTOCOL_ERROR", "explanation": "Sequence."}},
                  {"id": "user.class-5", "match": {"classes": [5]},
                   "verdict": {"category": "POLICY_BLOCK", "explanation": "Class."}}]}""");
        VerdictEngine e = VerdictEngine.builder().ruleTable(table).build();

        Verdict sequence = e.classify("503 5.0.0 Need RCPT (recipient)");
        assertThat(sequence.rule().orElseThrow().id()).isEqualTo("user.basic-503");
        assertThat(sequence.category()).contains(Category.PROTOCOL_ERROR);
        Verdict other = e.classify("559 5.0.0 Something went wrong");
        assertThat(other.rule().orElseThrow().id()).isEqualTo("user.other");
        // the verdict still reports the level its conditions give
        assertThat(other.rule().orElseThrow().level()).isEqualTo(EvidenceLevel.ENHANCED_CODE);
    }

    @Test
    void classify_userTableWithShippedId_replacesTheShippedRule(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("override.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "plugin": "testing", "rules": [
                  {"id": "testing.phrase", "level": "PHRASE", "match": {"phrases": ["user unknown"]},
                   "verdict": {"category": "MAILBOX_INACTIVE", "explanation": "Overridden."}}]}""");
        VerdictEngine withUser = VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(table).build();
        assertThat(withUser.classify("550 user unknown").category()).contains(Category.MAILBOX_INACTIVE);
        assertThat(withUser.rules()).filteredOn(r -> r.id().equals("testing.phrase")).hasSize(1);
    }

    @Test
    void classify_categoryOverride_remapsOutcomeAndAdvice(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("remap.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "rules": [], "categoryOverrides": [
                  {"category": "INVALID_RECIPIENT", "classes": [5], "advice": "REVIEW"}]}""");
        VerdictEngine withUser = VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(table).build();
        assertThat(withUser.classify("550 user unknown").advice()).hasToString("REVIEW");
        assertThat(withUser.classify("450 user unknown").advice()).hasToString("RETRY");
    }

    @Test
    void build_categoryOverrideDeliveringABounceCategory_isRefusedWhereItIsWritten(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("remap.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "rules": [], "categoryOverrides": [
                  {"category": "INVALID_RECIPIENT", "outcome": "DELIVERED"}]}""");
        assertThatThrownBy(() -> VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(table).build())
                .hasMessageContaining("$.categoryOverrides[0].outcome")
                .hasMessageContaining("DELIVERED cannot go with INVALID_RECIPIENT");
    }

    @Test
    void classify_autoReplyRuleSayingDelivered_keepsItsCategoryUnlessACodeDecides(@TempDir Path dir)
            throws Exception {
        Path table = dir.resolve("vacation.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "defaults": {"source": "PrecedenceTest"}, "rules": [
                  {"id": "user.vacation", "match": {"phrases": ["on leave until"]},
                   "verdict": {"category": "AUTOMATED_REPLY", "outcome": "DELIVERED", "explanation": "Away."}}]}""");
        VerdictEngine e = VerdictEngine.builder().ruleTable(table).build();
        Verdict away = e.classify("I am on leave until Monday.");
        assertThat(away.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(away.category()).contains(Category.AUTOMATED_REPLY);
        assertThat(away.advice()).hasToString("NONE");
        Verdict bounced = e.classify("550 5.1.1 unknown user; your message said: I am on leave until Monday.");
        assertThat(bounced.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(bounced.category()).contains(Category.AUTOMATED_REPLY);
    }

    @Test
    void build_deliveredRuleWithABounceCategory_isRefusedWhereItIsWritten(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("bad.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "defaults": {"source": "PrecedenceTest"}, "rules": [
                  {"id": "user.odd", "match": {"phrases": ["accepted for"]},
                   "verdict": {"category": "INVALID_RECIPIENT", "outcome": "DELIVERED", "explanation": "Odd."}}]}""");
        assertThatThrownBy(() -> VerdictEngine.builder().ruleTable(table).build())
                .hasMessageContaining("$.rules[0] (user.odd).verdict.category")
                .hasMessageContaining("INVALID_RECIPIENT is one");
    }

    @Test
    void classify_outcome_followsBasicCodeClassUnlessTheRuleFixesIt() {
        assertThat(engine.classify("452 user unknown").outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(engine.classify("552 5.5.3 too many recipients here").outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(engine.classify("5.1.1 user unknown").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(engine.classify("user unknown").outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void classify_refusalInWordsAlone_failsUnlessTheWordsSayLater(@TempDir Path dir) throws Exception {
        VerdictEngine e = refusalsEngine(dir);

        assertThat(e.classify("Sender verification failed").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.classify("Sender verification failed, please try again later").outcome())
                .isEqualTo(Outcome.DEFERRED);
        assertThat(e.classify("Sender verification failed; message deferred").outcome()).isEqualTo(Outcome.DEFERRED);
        // a code still decides, and a failing system is no refusal
        assertThat(e.classify("450 Sender verification failed").outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(e.classify("internal server error").outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void classify_reportThatSaysDeliveryFailed_failsAFaultOtherwiseRetried(@TempDir Path dir) throws Exception {
        VerdictEngine e = refusalsEngine(dir);

        assertThat(e.classify("internal server error").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(e.classify("internal server error. Microsoft Exchange will not try to redeliver this message for you.")
                .outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.classify("<jdoe@example.org> delivery failed; will not continue trying: internal server error")
                .outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.classify("Échec de la remise pour ces destinataires ou groupes : internal server error")
                .outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.classify("Message delivery failed for the following reason: internal server error").outcome())
                .isEqualTo(Outcome.FAILED);
        // the notices' own subjects and headings say which they are (Postfix, Sendmail, qmail, OpenSMTPD, hMailServer)
        assertThat(e.classify("Undelivered Mail Returned to Sender").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.classify("Returned mail: see transcript for details").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.classify("failure notice").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(e.classify("Delayed Mail (still being retried)").outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(e.classify("Warning: could not send message for past 4 hours").outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(e.classify("Message could not be delivered. Scheduling it for later delivery in 60 minutes.")
                .outcome()).isEqualTo(Outcome.DEFERRED);
        // a word of a temporary failure still wins over the report's heading
        assertThat(e.classify("Could not deliver: internal server error, please try again later").outcome())
                .isEqualTo(Outcome.DEFERRED);
    }

    @Test
    void classify_unknownAddressInReplyToMailFrom_isTheSendersAddress(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("unknown.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "defaults": {"source": "PrecedenceTest"}, "rules": [
                  {"id": "user.unknown", "match": {"phrases": ["user unknown"]},
                   "verdict": {"category": "INVALID_RECIPIENT", "explanation": "Unknown."}},
                  {"id": "user.unknown-at-mail", "match": {"phrases": ["no such sender here"], "stages": ["MAIL"]},
                   "verdict": {"category": "INVALID_RECIPIENT", "explanation": "As the table says."}}]}""");
        VerdictEngine e = VerdictEngine.builder().ruleTable(table).build();
        Verdict atMail = e.classify("550 5.1.1 user unknown (in reply to MAIL FROM command)");
        assertThat(atMail.category()).contains(Category.INVALID_SENDER);
        assertThat(atMail.advice()).hasToString("FIX_CONFIGURATION");
        assertThat(atMail.explanation()).doesNotContain("Unknown.");
        // RFC 3463's sender codes say the same without a stage
        assertThat(e.classify("501 5.1.7 user unknown").category()).contains(Category.INVALID_SENDER);
        // and with a stage of RCPT: Postfix checks the sender only after RCPT TO by default (smtpd_delay_reject)
        assertThat(e.classify("553 5.1.8 user unknown (in reply to RCPT TO command)").category())
                .contains(Category.INVALID_SENDER);
        assertThat(e.classify("550 5.1.1 user unknown (in reply to RCPT TO command)").category())
                .contains(Category.INVALID_RECIPIENT);
        assertThat(e.classify("550 5.1.1 user unknown (in reply to RCPT TO command)").category())
                .contains(Category.INVALID_RECIPIENT);
        assertThat(e.classify("550 5.1.1 user unknown").category()).contains(Category.INVALID_RECIPIENT);
        // a pipelined transcript names RCPT TO too: the reply may be the recipient's
        assertThat(e.classify("MAIL FROM:<a@example.org> RCPT TO:<b@example.net> DATA 550 5.1.1 user unknown")
                .category()).contains(Category.INVALID_RECIPIENT);
        // a rule that names its stage keeps its own category
        assertThat(e.classify("550 no such sender here (in reply to MAIL FROM command)").category())
                .contains(Category.INVALID_RECIPIENT);
    }

    /** An engine with a user table of one refusal of the sender and one failing system, both named in words only. */
    private static VerdictEngine refusalsEngine(Path dir) throws Exception {
        Path table = dir.resolve("refusals.json");
        Files.writeString(table, """
                {"schemaVersion": 2, "defaults": {"source": "PrecedenceTest"}, "rules": [
                  {"id": "user.sender", "match": {"phrases": ["sender verification failed"]},
                   "verdict": {"category": "INVALID_SENDER", "explanation": "Sender."}},
                  {"id": "user.server", "match": {"phrases": ["internal server error"]},
                   "verdict": {"category": "REMOTE_SERVER_ERROR", "explanation": "Server."}}]}""");
        return VerdictEngine.builder().ruleTable(table).build();
    }

    @Test
    void classify_vendorWrapper_takesCategoryAndOutcomeFromTheInnerReply() {
        Verdict v = engine.classify("Connected to 192.0.2.7 but sender was rejected./Remote host said: 450 4.7.1 bigmail-special");
        assertThat(v.rule().orElseThrow().id()).isEqualTo("testing.wrapper");
        assertThat(v.inner()).isPresent();
        assertThat(v.inner().orElseThrow().rule().orElseThrow().id()).isEqualTo("testing.provider");
        assertThat(v.category()).contains(Category.RATE_LIMITED);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.bindings()).containsEntry("IP", "192.0.2.7").containsEntry("MESSAGE", "450 4.7.1 bigmail-special");
        // an unknown address in the reply to the wrapper's MAIL FROM is the sender's (the inner verdict keeps its own)
        Verdict unknown = engine.classify("Connected to 192.0.2.7 but sender was rejected./Remote host said: 450 4.1.1 user unknown");
        assertThat(unknown.category()).contains(Category.INVALID_SENDER);
        assertThat(unknown.inner().orElseThrow().category()).contains(Category.INVALID_RECIPIENT);
        // an inner reply only known by its class keeps the wrapper's own category
        Verdict bare = engine.classify("Connected to 192.0.2.7 but sender was rejected./Remote host said: 451 xyzzy");
        assertThat(bare.category()).contains(Category.INVALID_SENDER);
        assertThat(bare.outcome()).isEqualTo(Outcome.DEFERRED);
    }

    @Test
    void classify_phraseInsideAnEmbeddedReply_doesNotOutweighTheTemplateAroundIt() {
        // testing.vendor is a VENDOR_TEMPLATE-level phrase; inside {MESSAGE} it must not beat the wrapper
        Verdict v = engine.classify("Connected to 192.0.2.7 but sender was rejected./Remote host said: "
                + "550 acme-vendor-text and a long tail of words that makes the embedded reply long");
        assertThat(v.rule().orElseThrow().id()).isEqualTo("testing.wrapper");
        assertThat(v.inner().orElseThrow().rule().orElseThrow().id()).isEqualTo("testing.vendor");
    }

    @Test
    void classify_bracketedIp_bindsTheAddressWithoutBrackets() {
        Verdict v = engine.classify("Connected to [192.0.2.25] but sender was rejected./Remote host said: 550 no");
        assertThat(v.bindings()).containsEntry("IP", "192.0.2.25");
    }

    @Test
    void classify_messageCondition_matchesTheWholeTextAfterItsCodesOnly() {
        assertThat(winner("421 4.4.5 Service unavailable")).isEqualTo("testing.message");
        assertThat(winner("421 4.4.5 Service unavailable.")).isEqualTo("testing.message");
        assertThat(winner("Service  UNAVAILABLE")).isEqualTo("testing.message");
        assertThat(winner("421-4.4.5 service unavailable")).isEqualTo("testing.message");
        assertThat(engine.classify("554 5.7.1 Service unavailable; client host blocked").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
        assertThat(engine.classify("421 4.3.2 Service unavailable").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
        assertThat(engine.classify("x Service unavailable").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
    }

    @Test
    void classify_messageQuotedByALogOrReport_matchesFromWhereTheReplysCodeStands() {
        assertThat(winner("Reason: Remote host said: 421 4.4.5 Service unavailable")).isEqualTo("testing.message");
        assertThat(winner("\"421 4.4.5 Service unavailable.\"")).isEqualTo("testing.message");
        assertThat(winner("Remote server returned '<421 4.4.5 Service unavailable>'")).isEqualTo("testing.message");
        assertThat(winner("smtp;421 Service unavailable")).isEqualTo("testing.message");
        // a reply without codes, quoted whole
        assertThat(winner("\"Service unavailable.\"")).isEqualTo("testing.message");
        assertThat(winner("(Service unavailable)")).isEqualTo("testing.message");
        assertThat(engine.classify("\"Service unavailable\" said the host").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
        // Python's smtplib error tuple: the code, then the server's text as bytes or a string
        assertThat(winner("smtplib.SMTPDataError: (421, b'4.4.5 Service unavailable')")).isEqualTo("testing.message");
        assertThat(winner("SMTPServerDisconnected(421, 'Service unavailable.')")).isEqualTo("testing.message");
        // its SMTPRecipientsRefused error names each refused address with its tuple, in a dict's braces
        assertThat(winner("smtplib.SMTPRecipientsRefused: {'jane@example.org': (421, b'4.4.5 Service unavailable')}"))
                .isEqualTo("testing.message");
        // Exchange's report line: the host, then the reply between '#' and '##'
        assertThat(winner("jane@example.org\nmx.example.org #421 4.4.5 Service unavailable. ##"))
                .isEqualTo("testing.message");
        // qmail-remote's closing line after every recipient was refused names a host, not a reason
        assertThat(winner("<jane@example.org>:\n192.0.2.25 does not like recipient.\n"
                + "Remote host said: 421 4.4.5 Service unavailable\nGiving up on 192.0.2.25."))
                .isEqualTo("testing.message");
        assertThat(engine.classify("SMTPDataError(421, b'4.4.5 Service unavailable now')").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
        assertThat(engine.classify("Remote host said: 421 4.4.5 Service unavailable; try later").rule()
                .map(r -> r.id())).isNotEqualTo(java.util.Optional.of("testing.message"));
        assertThat(engine.classify("Delay 421 Service unavailable").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
    }

    @Test
    void classify_messageAfterABounceReportsRecipient_matchesAfterTheAddress() {
        assertThat(winner("<jane@example.org>: Service unavailable")).isEqualTo("testing.message");
        assertThat(winner("<jane@example.org> (expanded from <team@example.org>): Service unavailable."))
                .isEqualTo("testing.message");
        assertThat(winner("<jane@example.org>... Service unavailable")).isEqualTo("testing.message");
        assertThat(engine.classify("<jane@example.org>: Service unavailable for now").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
        assertThat(engine.classify("<b>: Service unavailable").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
    }

    @Test
    void classify_messageAfterSendmailsAddressBehindTheCodes_matchesAfterTheAddress() {
        // sendmail's usrerr: codes, then "<address>... ", then the text
        assertThat(winner("421 4.4.5 <jane@example.org>... Service unavailable")).isEqualTo("testing.message");
        assertThat(winner("smtp; 421 4.4.5 <jane@example.org>... Service unavailable")).isEqualTo("testing.message");
        assertThat(engine.classify("421 4.4.5 <jane@example.org>... Service unavailable here").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
        assertThat(engine.classify("421 4.4.5 <no address>... Service unavailable").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
    }

    @Test
    void classify_messageAfterSendmailsBareAddress_matchesAfterTheAddress() {
        // the same usrerr with the address written without brackets, or as a UUCP path
        assertThat(winner("421 4.4.5 jane@example.org... Service unavailable")).isEqualTo("testing.message");
        assertThat(winner("421 relay!jane... Service unavailable")).isEqualTo("testing.message");
        // a word without an address in it is part of the text
        assertThat(engine.classify("421 Sorry... Service unavailable").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
        assertThat(engine.classify("421 4.4.5 jane@example.org... Service unavailable here").rule().map(r -> r.id()))
                .isNotEqualTo(java.util.Optional.of("testing.message"));
    }

    @Test
    void classify_wrapperWithFallbackAdvice_takesTheUnderstoodInnerRepliesAdvice(@TempDir Path dir) throws Exception {
        VerdictEngine wrapped = withUserRule(dir, """
                  {"id": "user.wrap", "level": "VENDOR_TEMPLATE",
                   "match": {"template": "{IP} does not like recipient./Remote host said: {MESSAGE}/Giving up on {IP}"},
                   "verdict": {"category": "INVALID_RECIPIENT", "advice": "REVIEW", "origin": "LOCAL", "stage": "RCPT",
                               "explanation": "Recipient refused."}}""");
        Verdict known = wrapped.classify("192.0.2.153 does not like recipient. Remote host said: 550 5.1.1 <a@b>... "
                + "User Unknown Giving up on 192.0.2.153.");
        assertThat(known.advice()).hasToString("SUPPRESS_RECIPIENT");
        assertThat(known.bindings()).containsEntry("IP", "192.0.2.153");
        Verdict unknown = wrapped.classify("192.0.2.153 does not like recipient./Remote host said: 551 xyzzy/"
                + "Giving up on 192.0.2.153");
        assertThat(unknown.inner().orElseThrow().rule().orElseThrow().level()).isEqualTo(EvidenceLevel.CLASS);
        assertThat(unknown.advice()).hasToString("REVIEW");
    }

    @Test
    void classify_wrapperThatFixesAFailureAroundADeliveredReply_keepsItsOwnCategory(@TempDir Path dir) throws Exception {
        VerdictEngine wrapped = withUserRule(dir, """
                  {"id": "user.login", "level": "VENDOR_TEMPLATE",
                   "match": {"template": "LoginFailed: {MESSAGE}", "anchored": false},
                   "verdict": {"category": "RELAY_DENIED", "outcome": "FAILED", "origin": "LOCAL",
                               "explanation": "The login failed."}}""");
        // a greeting quoted by a failed login is no delivery, and the failure keeps a category
        Verdict greeting = wrapped.classify("LoginFailed: 220 smtp.example.org ESMTP ready");
        assertThat(greeting.outcome()).hasToString("FAILED");
        assertThat(greeting.category()).hasValueSatisfying(c -> assertThat(c).hasToString("RELAY_DENIED"));
        // a quoted refusal with a category of its own still gives it, and a temporary one stays temporary
        Verdict refused = wrapped.classify("LoginFailed: 550 5.1.1 <a@b.example>... User unknown");
        assertThat(refused.category()).hasValueSatisfying(c -> assertThat(c).isNotEqualTo(greeting.category().get()));
        assertThat(wrapped.classify("LoginFailed: 454 4.7.0 Temporary authentication failure").outcome())
                .hasToString("DEFERRED");
    }

    /** The testing plugin with one user rule table holding {@code rule} (a rule object in JSON). */
    private static VerdictEngine withUserRule(Path dir, String rule) throws Exception {
        Path table = dir.resolve("user-rule.json");
        Files.writeString(table, "{\"schemaVersion\": 2, \"rules\": [" + rule + "]}");
        return VerdictEngine.builder().plugin(new TestingPlugin()).ruleTable(table).build();
    }
}
