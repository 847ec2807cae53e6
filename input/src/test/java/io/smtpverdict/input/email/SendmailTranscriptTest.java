package io.smtpverdict.input.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The transcript layout Sendmail writes: savemail.c's heading, usersmtp.c's exchange, err.c's status lines. */
final class SendmailTranscriptTest {

    private static SendmailTranscript.Reading read(String text, Set<String> exclude) {
        return SendmailTranscript.read(text.split("\n", -1), exclude, Set.of());
    }

    @Test
    void read_deferredStatusLineWithQueueNotes_notesBelongToTheRecipient() {
        String notice = String.join("\n",
                "   ----- The following addresses had permanent fatal errors -----",
                "<bob@example.org>",
                "",
                "   ----- Transcript of session follows -----",
                "... while talking to mx.example.org.:",
                ">>> RCPT To:<bob@example.org>",
                "<<< 451 4.3.0 Temporary local problem",
                "<bob@example.org>... Deferred: 451 4.3.0 Temporary local problem",
                "Message could not be delivered for 5 days",
                "Message will be deleted from queue",
                "");

        SendmailTranscript.Reading r = read(notice, Set.of());

        assertThat(r.recipients()).containsOnlyKeys("bob@example.org");
        assertThat(r.recipients().get("bob@example.org")).isEqualTo("... while talking to mx.example.org.: "
                + ">>> RCPT To:<bob@example.org> <<< 451 4.3.0 "
                + "Temporary local problem <bob@example.org>... Deferred: 451 4.3.0 Temporary local problem Message "
                + "could not be delivered for 5 days Message will be deleted from queue");
        // the heading list before the transcript is not the transcript's
        assertThat(r.covered()[1]).isFalse();
        assertThat(r.covered()[3]).isTrue();
        assertThat(r.covered()[9]).isTrue();
    }

    @Test
    void read_statusLineAboutTheSender_isNoRecipient() {
        String notice = String.join("\n",
                "   ----- Transcript of session follows -----",
                "553 5.1.8 <alice@sender.example>... Domain of sender address alice@sender.example does not exist",
                "550 5.1.1 <bob@example.org>... User unknown",
                "");

        SendmailTranscript.Reading r = read(notice, Set.of("alice@sender.example"));

        assertThat(r.recipients()).containsOnlyKeys("bob@example.org");
        assertThat(r.recipients().get("bob@example.org")).isEqualTo("550 5.1.1 <bob@example.org>... User unknown");
    }

    @Test
    void read_twoSessions_eachRecipientKeepsItsOwnHostsExchange() {
        String notice = String.join("\n",
                "   ----- Transcript of session follows -----",
                "... while talking to mx.example.org.:",
                ">>> DATA",
                "<<< 554 5.7.1 Message refused",
                "554 5.0.0 <bob@example.org>... Service unavailable",
                "... while talking to mx.example.net.:",
                ">>> RCPT To:<carol@example.net>",
                "<<< 550 5.1.1 No such user",
                "550 5.1.1 <carol@example.net>... User unknown",
                "",
                "   ----- Original message follows -----");

        SendmailTranscript.Reading r = read(notice, Set.of());

        assertThat(r.recipients().get("bob@example.org")).contains("Message refused").doesNotContain("No such user");
        // each recipient's exchange is headed by its own session's host
        assertThat(r.recipients().get("bob@example.org")).startsWith("... while talking to mx.example.org.: >>> DATA");
        assertThat(r.recipients().get("carol@example.net"))
                .startsWith("... while talking to mx.example.net.: >>> RCPT To:<carol@example.net>")
                .doesNotContain("Message refused").doesNotContain("mx.example.org");
        assertThat(r.covered()[10]).isFalse();
    }

    @Test
    void read_noticeWithoutTranscript_readsNothing() {
        SendmailTranscript.Reading r = read("<bob@example.org>\n    (reason: 550 5.1.1 User unknown)\n", Set.of());

        assertThat(r.recipients()).isEmpty();
        assertThat(r.covered()).containsOnly(false);
    }
}
