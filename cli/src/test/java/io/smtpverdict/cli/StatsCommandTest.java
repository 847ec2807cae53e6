package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;

final class StatsCommandTest {
    private static final String LOG = String.join("\n",
            "Nov 23 10:00:01 mx postfix/smtp[1]: AAAAA11111: to=<a@b.example>, relay=mx.b.example[192.0.2.7]:25, "
                    + "status=bounced (host mx.b.example[192.0.2.7] said: 550 5.1.1 <a@b.example>: User unknown "
                    + "(in reply to RCPT TO command))",
            "Nov 23 10:00:02 mx postfix/smtp[1]: BBBBB22222: to=<c@b.example>, relay=mx.b.example[192.0.2.7]:25, "
                    + "status=sent (250 2.0.0 Ok: queued as 12345)",
            "Nov 23 10:00:03 mx postfix/smtp[1]: CCCCC33333: to=<d@e.example>, relay=mx.e.example[192.0.2.8]:25, "
                    + "status=deferred (host mx.e.example[192.0.2.8] said: 452 4.2.2 Mailbox full "
                    + "(in reply to RCPT TO command))",
            "Nov 23 10:00:04 mx postfix/qmgr[2]: CCCCC33333: removed",
            "") + "\n";

    @Test
    void stats_logInput_countsByOutcomeCategoryAndRecipientDomain() {
        Result r = TestingCli.runWithStdin(LOG, "stats", "--format", "json");

        assertThat(r.exitCode()).isZero();
        JsonNode json = r.json();
        assertThat(json.path("records").asInt()).isEqualTo(5);
        assertThat(json.path("classified").asInt()).isEqualTo(3);
        assertThat(json.path("skipped").asInt()).isEqualTo(1);
        assertThat(json.path("errors").asInt()).isEqualTo(1);
        assertThat(json.path("outcome").path("FAILED").asInt()).isEqualTo(1);
        assertThat(json.path("outcome").path("DELIVERED").asInt()).isEqualTo(1);
        assertThat(json.path("outcome").path("DEFERRED").asInt()).isEqualTo(1);
        assertThat(json.path("category").path("INVALID_RECIPIENT").asInt()).isEqualTo(1);
        assertThat(json.path("recipientDomain").path("b.example").asInt()).isEqualTo(2);
        assertThat(json.path("recipientDomain").path("e.example").asInt()).isEqualTo(1);
        // Postfix's "host ... said: ... (in reply to ...)" wrapper decides the two relayed replies, generic the 250
        assertThat(json.path("plugin").path("postfix").asInt()).isEqualTo(2);
        assertThat(json.path("plugin").path("generic").asInt()).isEqualTo(1);
    }

    @Test
    void stats_unclassifiedReplies_areListedMostFrequentFirstWithAddressesMasked() {
        String stdin = "599 something odd for <x@y.example>\n599 something odd for <z@y.example>\n"
                + "hello there\n550 5.1.1 user unknown\n";

        JsonNode json = TestingCli.runWithStdin(stdin, "stats", "--format", "json").json();

        assertThat(json.path("unclassified").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode top = json.path("topUnclassified").get(0);
        assertThat(top.path("reply").asText()).isEqualTo("599 something odd for <address>");
        assertThat(top.path("count").asInt()).isEqualTo(2);
    }

    @Test
    void stats_text_printsSectionsForAPerson() {
        Result r = TestingCli.runWithStdin(LOG, "stats");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("records     5").contains("\noutcome\n").contains("\ncategory\n")
                .contains("\nadvice\n").contains("\nparty\n").contains("\nplugin\n")
                .contains("recipient domain").contains("unclassified replies:");
    }

    @Test
    void stats_badFormat_isBadUsage() {
        assertThat(TestingCli.runWithStdin("", "stats", "--format", "csv").exitCode()).isEqualTo(2);
    }
}
