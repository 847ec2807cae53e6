package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ClassifyRobustnessTest {
    private final VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).build();

    @Test
    void classify_overLimit_isTruncatedAndFlagged() {
        Verdict v = engine.classify("550 5.1.1 user unknown " + "x".repeat(1 << 20));
        assertThat(v.has(Flag.TRUNCATED)).isTrue();
        assertThat(v.rule().orElseThrow().id()).isEqualTo("testing.phrase");
    }

    @Test
    void classify_deeplyNestedWrappers_areDepthLimited() {
        String inner = "550 5.1.1 user unknown";
        String text = inner;
        for (int i = 0; i < 50; i++) {
            text = "Connected to 192.0.2.7 but sender was rejected./Remote host said: " + text;
        }
        Verdict v = engine.classify(text);
        int depth = 0;
        for (Verdict at = v; at.inner().isPresent(); at = at.inner().get()) {
            depth++;
        }
        assertThat(depth).isEqualTo(4);
    }

    @Test
    void classify_stageHint_usedWhenTheTextNamesNone() {
        assertThat(engine.classify("550 xyzzy", ClassifyOptions.DEFAULT.withStage(Stage.RCPT)).rule().orElseThrow().id())
                .isEqualTo("testing.basic-rcpt");
        assertThat(engine.classify("550 xyzzy (in reply to RCPT TO command)").stage()).isEqualTo(Stage.RCPT);
        assertThat(engine.classify("550 xyzzy (in reply to end of DATA command)").stage()).isEqualTo(Stage.BODY);
        assertThat(engine.classify("550 xyzzy (in reply to MAIL FROM command)").stage()).isEqualTo(Stage.MAIL);
    }

    @Test
    void classify_retryAfter_extractedFromCommonWordings() {
        assertThat(engine.classify("451 4.7.1 Greylisting in action, please come back in 00:02:00").retryAfterSeconds())
                .hasValue(120);
        assertThat(engine.classify("450 4.2.0 greylisted, try again in 5 minutes").retryAfterSeconds()).hasValue(300);
        assertThat(engine.classify("450 4.2.0 please retry after 300 seconds").retryAfterSeconds()).hasValue(300);
        assertThat(engine.classify("450 4.2.0 greylisted").retryAfterSeconds()).isEmpty();
    }

    @Test
    void classify_codeMismatch_basicClassWinsAndIsFlagged() {
        Verdict v = engine.classify("450 5.1.1 user unknown");
        assertThat(v.has(Flag.CODE_MISMATCH)).isTrue();
        assertThat(v.outcome()).hasToString("DEFERRED");
    }

    @Test
    void classify_noCode_wordingGivesTheOutcome() {
        assertThat(engine.classify("Sorry, your message cannot be delivered.").outcome()).hasToString("FAILED");
        assertThat(engine.classify("Your message was rejected, please try again later").outcome()).hasToString("DEFERRED");
        assertThat(engine.classify("The server is temporarily unavailable").outcome()).hasToString("DEFERRED");
        assertThat(engine.classify("nothing to go by here").outcome()).hasToString("UNKNOWN");
        // the headers of Gmail's notices
        assertThat(engine.classify("Message not delivered").outcome()).hasToString("FAILED");
        assertThat(engine.classify("Delivery incomplete").outcome()).hasToString("DEFERRED");
    }

    @Test
    void classify_noCode_localizedNonDeliveryWordingGivesFailed() {
        assertThat(engine.classify("Ihre Nachricht an jane@example.de konnte nicht zugestellt werden.").outcome())
                .hasToString("FAILED");
        assertThat(engine.classify("Votre message à jane@example.fr n’a pas pu être remis.").outcome())
                .hasToString("FAILED");
        assertThat(engine.classify("Su mensaje para jane@example.es no se pudo entregar.").outcome())
                .hasToString("FAILED");
        assertThat(engine.classify("jane@example.jp にメッセージを配信できませんでした。").outcome()).hasToString("FAILED");
        assertThat(engine.classify("Service refusé. Veuillez essayer plus tard.").outcome()).hasToString("DEFERRED");
        assertThat(engine.classify("Postfach vorübergehend nicht erreichbar").outcome()).hasToString("DEFERRED");
    }

    /** "Permanently" and "later" in each language the accuracy issue names decide a code-less text's outcome. */
    @ParameterizedTest
    @ValueSource(strings = {
                "Die Zustellung an diesen Empfänger ist dauerhaft fehlgeschlagen",
                "La remise à ce destinataire a échoué définitivement",
                "La entrega a este destinatario falló de forma permanente",
                "La consegna a questo destinatario non è riuscita in modo permanente",
                "A entrega a este destinatário falhou permanentemente",
                "Bezorging aan deze ontvanger is definitief mislukt",
                "Doręczenie do tego odbiorcy nie powiodło się trwale",
                "Doručení tomuto příjemci trvale selhalo",
                "Доставка этому получателю окончательно не удалась",
                "Доставка цьому одержувачу остаточно не вдалася",
                "Bu alıcıya teslim kalıcı olarak başarısız oldu",
                "Η παράδοση σε αυτόν τον παραλήπτη απέτυχε οριστικά",
                "فشل التسليم إلى هذا المستلم بشكل دائم",
                "המסירה לנמען זה נכשלה לצמיתות",
                "تحویل به این گیرنده برای همیشه ناموفق بود",
                "この宛先への配信は永続的に失敗しました",
                "向此收件人的投递永久失败",
                "이 수신자에게 배달이 영구적으로 실패했습니다"})
    void classify_noCode_localizedPermanentFailureGivesFailed(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
                "Die Zustellung wird später erneut versucht",
                "La remise sera retentée plus tard",
                "Se volverá a intentar la entrega más tarde",
                "La consegna verrà ritentata più tardi",
                "A entrega será tentada novamente mais tarde",
                "De bezorging wordt later opnieuw geprobeerd",
                "Doręczenie zostanie ponowione później",
                "Doručení bude zopakováno později",
                "Доставка будет повторена позже",
                "Доставку буде повторено пізніше",
                "Teslimat daha sonra yeniden denenecek",
                "Η παράδοση θα επαναληφθεί αργότερα",
                "ستتم إعادة محاولة التسليم لاحقا",
                "המסירה תנוסה שוב מאוחר יותר",
                "تحویل بعدا دوباره امتحان خواهد شد",
                "配信は後で再試行されます",
                "稍后将重试投递",
                "나중에 배달을 다시 시도합니다"})
    void classify_noCode_localizedRetryLaterGivesDeferred(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("DEFERRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
                "Bei der Zustellung ist ein vorübergehendes Problem aufgetreten",
                "Un problème temporaire est survenu lors de la remise",
                "Se produjo un problema temporal al entregar el mensaje",
                "Si è verificato un problema temporaneo durante la consegna",
                "Ocorreu um problema temporário na entrega",
                "Er is een tijdelijk probleem opgetreden bij de bezorging",
                "Wystąpił tymczasowy problem z doręczeniem",
                "Při doručování došlo k dočasné chybě",
                "При доставке возникла временная проблема",
                "Під час доставки виникла тимчасова проблема",
                "Teslimat sırasında geçici bir sorun oluştu",
                "Παρουσιάστηκε προσωρινό πρόβλημα κατά την παράδοση",
                "حدثت مشكلة مؤقتة أثناء التسليم",
                "אירעה בעיה זמנית במסירה",
                "هنگام تحویل مشکل موقتی رخ داد",
                "配信中に一時的な問題が発生しました",
                "投递时出现临时问题",
                "배달 중 일시적인 문제가 발생했습니다"})
    void classify_noCode_localizedTemporaryProblemGivesDeferred(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("DEFERRED");
    }

    @Test
    void classify_noCode_onlyATemporaryCue_isTransientOtherLikeABare4xx() {
        // no rule matches: the text says nothing but that the failure is temporary, as a 4xx without more would
        for (String text : new String[] {"zorp frobnicated, please try again later", "zorp: temporary problem"}) {
            assertThat(engine.classify(text).outcome()).as(text).hasToString("DEFERRED");
            assertThat(engine.classify(text).category()).as(text).hasValueSatisfying(c -> assertThat(c).hasToString(
                    "TRANSIENT_OTHER"));
        }
        assertThat(engine.classify("zorp frobnicated").category()).hasValueSatisfying(c -> assertThat(c).hasToString(
                "UNCLASSIFIED"));
        assertThat(engine.classify("zorp frobnicated: cannot be delivered").category())
                .hasValueSatisfying(c -> assertThat(c).hasToString("UNCLASSIFIED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Zustellung wird wiederholt", "Le message sera renvoyé ultérieurement", "Se reintentará la entrega",
        "A mensagem será reenviada", "Il messaggio verrà ritentato", "Het bericht wordt later opnieuw aangeboden",
        "Wiadomość zostanie wysłana ponownie", "Doručení bude zopakováno", "Доставка будет повторена",
        "Доставку буде повторено", "İleti yeniden gönderilecek", "Θα γίνει νέα προσπάθεια αποστολής",
        "ستتم إعادة المحاولة", "ההודעה תישלח שוב", "ارسال پیام دوباره انجام خواهد شد", "メールは後ほど再送されます",
        "邮件将稍后重新投递", "메시지는 다시 전송됩니다"})
    void classify_noCode_localizedWillBeRetriedGivesDeferred(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("DEFERRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "No se reintentará la entrega", "A mensagem não será reenviada", "Il messaggio non verrà ritentato",
        "Wiadomość nie zostanie wysłana ponownie", "Doručení nebude zopakováno", "Доставка не будет повторена",
        "Доставку не буде повторено", "Δεν θα γίνει νέα προσπάθεια αποστολής", "ההודעה לא תישלח שוב",
        "Zustellung wird nicht wiederholt", "邮件不会重新投递", "Aucune nouvelle tentative ne sera faite",
        "Sem nova tentativa de entrega", "Nessun nuovo tentativo sarà fatto", "Повторная попытка не будет предпринята",
        "Повторна спроба не буде зроблена", "Ponowna próba nie zostanie podjęta"})
    void classify_noCode_negatedWillBeRetriedIsNoTemporaryCue(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Une nouvelle tentative sera faite plus tard", "Повторная попытка будет предпринята позже",
        "Nuovo tentativo tra un'ora", "Ponowna próba za godzinę"})
    void classify_noCode_willBeRetriedWithoutNegation_isDeferred(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("DEFERRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Dies ist nur eine Warnung. Wir versuchen weiterhin, die Nachricht zuzustellen.",
        "Ceci n'est qu'un avertissement : nous continuerons d'essayer pendant 3 jours.",
        "Esto es solo una advertencia; seguiremos intentando la entrega.", "Ainda estamos tentando entregar a mensagem.",
        "Continueremo a tentare la consegna per altri 2 giorni.", "Dit is slechts een waarschuwing.",
        "Będziemy próbować dostarczyć wiadomość jeszcze przez 2 dni.", "O doručení se budeme pokoušet ještě 3 dny.",
        "Мы будем пытаться доставить письмо ещё 3 дня.", "Ми намагатимемося доставити лист ще 3 дні.",
        "Teslimatı denemeye devam edeceğiz.", "Θα συνεχίσουμε τις προσπάθειες παράδοσης.", "سنواصل محاولة التسليم.",
        "נמשיך לנסות למסור את ההודעה.", "این فقط یک هشدار است.", "これは警告のみです。", "系统将继续尝试投递。",
        "전송을 계속 시도합니다.", "Délai de connexion dépassé, nouvel essai dans 30 minutes", "连接超时，30分钟后重试"})
    void classify_noCode_localizedStillTryingIsDeferred(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("DEFERRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Wir haben vier Tage lang versucht, die Nachricht zuzustellen, und geben nun auf.",
        "La remise a échoué ; nous avons abandonné.", "A entrega falhou definitivamente.",
        "Abbiamo rinunciato dopo quattro giorni.", "Doručení definitivně selhalo a nebude se opakovat.",
        "Мы прекратили попытки доставки.", "Ми припинили спроби доставки.", "Teslimatı denemeyi bıraktık.",
        "فشل التسليم نهائيًا.", "ויתרנו על המסירה.", "از تلاش برای تحویل دست کشیدیم.", "配信を断念しました。",
        "系统已放弃投递。", "다시 재시도하지 않습니다.", "该邮件的投递期限已过，将不再继续尝试。", "Aucun nouvel essai ne sera fait."})
    void classify_noCode_localizedGaveUpIsFailed(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the retry words inside a refusal or a give-up: "check it, then retry", "kept trying but", "further attempts
        // ended"
        "查无此邮箱地址，请核对后重试。", "며칠 동안 전송을 계속 시도했지만 성공하지 못해 전송을 중단했습니다.",
        "Několik dní jsme se pokoušeli doručit zprávu, ale další pokusy jsme ukončili."})
    void classify_noCode_retryWordsInsideAGiveUpAreNoTemporaryCue(String text) {
        assertThat(engine.classify(text).outcome()).as(text).isNotEqualTo(Outcome.DEFERRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Too many temporary failures - retry period exceeded. Delivery abandoned.",
        "The remote server was temporarily unavailable on every attempt, and the message has now exceeded its maximum"
                + " queue time.",
        "The server was busy every time over five days; we have given up.",
        "The mailbox was temporarily locked on each try. The message has been discarded.",
        "Message deleted without delivery: retry limit reached (connection refused, will retry was the last status)."})
    void classify_noCode_aGiveUpOutweighsTheTemporaryWordsOfItsHistory(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no SMTP greeting from 203.0.113.9 within 300 seconds, giving up on this attempt; will retry",
        "Temporary failure, requeued", "Another attempt will be made in 20 minutes."})
    void classify_noCode_anAnnouncedNextAttemptIsDeferred(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("DEFERRED");
    }

    @Test
    void classify_pythonSmtplibExceptionName_namesTheStep() {
        assertThat(engine.classify("smtplib.SMTPSenderRefused: (553, b'5.1.3 Adresse invalide', 'x@example.com')")
                .stage()).isEqualTo(Stage.MAIL);
        assertThat(engine.classify("smtplib.SMTPRecipientsRefused: {'a@example.com': (550, b'5.1.1 No such user')}")
                .stage()).isEqualTo(Stage.RCPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Failed to send email to ops@example.org", "Error sending message 'Weekly report'",
        "Could not send the notification", "Sending failed",
        "Your message did not reach some or all of the intended recipients.",
        "I'm afraid I wasn't able to deliver your message to the following addresses."})
    void classify_noCode_applicationsSendFailed_isFailed(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("FAILED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Failed to send email, will retry in 5 minutes", "SMTP failed to send: transient: try later",
        "Could not send message for past 4 hours"})
    void classify_noCode_sendFailedButRetried_isDeferred(String text) {
        assertThat(engine.classify(text).outcome()).as(text).hasToString("DEFERRED");
    }

    @Test
    void classify_noCode_delayWarningWithoutPast_isDeferred() {
        assertThat(engine.classify("Warning: could not send message for past 4 hours").outcome()).hasToString("DEFERRED");
        assertThat(engine.classify("Could not send message for 4 hours").outcome()).hasToString("DEFERRED");
    }

    @Test
    void classify_noCode_timelyOrTimesIsNoTemporaryCue() {
        // the stem "временн" is inside Russian "своевременный" (timely), "זמני" inside Hebrew "זמנים" (times)
        assertThat(engine.classify("Письмо не прошло своевременную проверку").outcome()).hasToString("UNKNOWN");
        assertThat(engine.classify("נוסה מספר זמנים").outcome()).hasToString("UNKNOWN");
    }

    @Test
    void classify_noCode_russianNotEnoughIsNoPermanentFailure() {
        // Ukrainian "остаточно" (finally) is inside Russian "недостаточно" (not enough): only its failure is a cue
        assertThat(engine.classify("Недостаточно места в почтовом ящике").outcome()).hasToString("UNKNOWN");
    }

    @Test
    void classify_hugeEmbeddedReply_isClassifiedOnlyUpToItsLimit() {
        Verdict v = engine.classify("Connected to 192.0.2.7 but sender was rejected./Remote host said: 550 5.1.1 user unknown "
                + "x".repeat(20_000));
        Verdict inner = v.inner().orElseThrow();
        assertThat(inner.has(Flag.TRUNCATED)).isTrue();
        assertThat(inner.rule().orElseThrow().id()).isEqualTo("testing.phrase");
        assertThat(v.has(Flag.TRUNCATED)).isFalse();
        assertThat(v.bindings().get("MESSAGE")).hasSizeGreaterThan(20_000);
    }
}
