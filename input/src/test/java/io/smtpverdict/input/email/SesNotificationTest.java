package io.smtpverdict.input.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading SES notifications as the SES developer guide documents them, and undoing relays' line breaks. */
final class SesNotificationTest {

    @Test
    void unfoldOverlongLines_sendmailBreak_restoresTheLine() {
        // sendmail/util.c putxline: the first 989 characters, "!", the line break, a space, the rest
        String line = "a".repeat(989) + "bcd";
        String broken = line.substring(0, 989) + "!\r\n " + line.substring(989);

        assertThat(SesNotification.unfoldOverlongLines(broken)).isEqualTo(line);
    }

    @Test
    void unfoldOverlongLines_shortLineEndingInBang_keepsIt() {
        assertThat(SesNotification.unfoldOverlongLines("Hello!\n there")).isEqualTo("Hello!\n there");
    }

    @Test
    void parse_snsEnvelope_readsTheNotificationInItsMessage() {
        String text = "{\"Type\" : \"Notification\", \"Message\" : \"{\\\"notificationType\\\":\\\"Complaint\\\","
                + "\\\"complaint\\\":{\\\"complaintFeedbackType\\\":\\\"abuse\\\",\\\"complainedRecipients\\\":"
                + "[{\\\"emailAddress\\\":\\\"richard@example.com\\\"}]},\\\"mail\\\":{\\\"messageId\\\":\\\"m-1\\\"}}\"}";

        SesNotification.Notice n = SesNotification.parse(text).orElseThrow();

        assertThat(n.type()).isEqualTo("Complaint");
        assertThat(n.recipients()).extracting(SesNotification.Recipient::address)
                .containsExactly("richard@example.com");
        assertThat(n.recipients().get(0).fields()).containsEntry("feedbackType", "abuse")
                .containsEntry("originalMessageId", "m-1");
    }

    @Test
    void parse_eventPublishingBounce_readsEventTypeLikeNotificationType() {
        String text = "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bouncedRecipients\":"
                + "[{\"emailAddress\":\"jane@example.com\",\"action\":\"failed\",\"status\":\"4.2.2\","
                + "\"diagnosticCode\":\"smtp; 452 4.2.2 mailbox full\"}]},\"mail\":{\"messageId\":\"m-2\"}}";

        SesNotification.Notice n = SesNotification.parse(text).orElseThrow();

        assertThat(n.type()).isEqualTo("Bounce");
        assertThat(n.recipients().get(0).fields()).containsEntry("status", "4.2.2")
                .containsEntry("diagnosticCode", "452 4.2.2 mailbox full").containsEntry("bounceType", "Transient");
    }

    @Test
    void parse_textWithoutANotification_isEmpty() {
        assertThat(SesNotification.parse("{\"Type\" : \"SubscriptionConfirmation\", \"Message\" : \"hi\"}"))
                .isEmpty();
    }
}
