package io.smtpverdict.core;

import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Stage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wording the engine itself understands, whatever the plugins: where in the SMTP dialogue a reply came
 * (Postfix's "in reply to RCPT TO command", Exim's "after end of data"), whether the text calls itself
 * temporary or permanent, and where a retry delay is stated. Scanned in the same pass as the rules' phrases.
 */
final class Cues {
    static final int STAGE = 1;
    static final int OUTCOME = 2;
    static final int RETRY = 3;
    /** Opens Postfix's note of the command a reply answered, "(in reply to RCPT TO command)": see Classifier. */
    static final int NOTE = 4;
    /** The words that open that note, folded. */
    static final String NOTE_WORDS = "in reply to";
    /**
     * A negated temporary cue ("no se reintentará"): counts as permanent, and the temporary cue that ends where it ends
     * ("se reintentará", inside it) is not counted.
     */
    static final int NEGATED = 5;
    /**
     * A give-up stated after the fact ("retry period exceeded", "we have given up", "has been returned"): the attempt
     * failed for good, whatever temporary words the history of the attempts holds.
     */
    static final int FINAL = 6;
    /**
     * The sending side announcing its next attempt ("will retry", "requeued", "another attempt will be made"): a
     * temporary cue that also outweighs the failed outcome a rule states for its meaning.
     */
    static final int RETRYING = 7;

    /**
     * Folded cue text to {kind, value[, also retry]}: stage ordinal, outcome ordinal, or 0 for retry cues.
     * Stage cues that say "in reply to" / "after" / "... command" are strong: the longest strong cue wins,
     * else the last weak one (a transcript ends at the command that failed).
     */
    static final Map<String, int[]> ALL = new LinkedHashMap<>();

    static {
        stage(Stage.RCPT, "in reply to rcpt to", "in reply to rcpt", "after rcpt to", "rcpt to command",
                "rcpt to:<", "rcpt to: <", "after pipelined rcpt to");
        stage(Stage.MAIL, "in reply to mail from", "after mail from", "mail from command", "mail from:<",
                "mail from: <", "after pipelined mail from",
                // Python's smtplib names the step in its exception: SMTPSenderRefused is raised for a refused MAIL
                // FROM, SMTPRecipientsRefused when every RCPT TO was refused (Lib/smtplib.py, the library's manual)
                "smtpsenderrefused");
        stage(Stage.RCPT, "smtprecipientsrefused");
        stage(Stage.DATA, "in reply to data command", "after data command", "data command", "after pipelined data");
        stage(Stage.BODY, "in reply to end of data", "after end of data", "end of data command",
                "after sending message body", "after sending the message", "end of message");
        stage(Stage.HELO, "in reply to helo", "in reply to ehlo", "after helo", "after ehlo", "helo command",
                "ehlo command", "in reply to lhlo");
        stage(Stage.TLS, "in reply to starttls", "after starttls", "starttls command");
        stage(Stage.AUTH, "in reply to auth", "after auth", "auth command");
        stage(Stage.GREETING, "after initial connection", "in reply to greeting", "smtp greeting", "while reading greeting");
        stage(Stage.CONNECT, "while connecting", "connect to ");
        outcome(Outcome.DEFERRED, "try again later", "please try again", "try later", "temporarily", "temporary failure",
                "temporary error", "temporary problem", "temporary local problem", "retry later", "come back later",
                "will be retried", "try again in", "please retry", "will retry", "still trying", "delayed", "deferred",
                // Gmail's notice header for a delivery it keeps trying ("Delivery incomplete")
                "delivery incomplete",
                // the delay notices' own words: Postfix's subject "Delayed Mail (still being retried)"
                // (src/bounce/bounce_templates.c), Sendmail's "Warning: could not send message for past 4 hours"
                // (envelope.c, and the same warning without "past" as other servers word it) and "The following
                // addresses had transient non-fatal errors" (savemail.c),
                // OpenSMTPD's "You DO NOT NEED to re-send the message" (bounce.c), nullmailer's "Delivery will
                // continue to be attempted", the subject "Delivery Status Notification (Delay)" of Gmail's and
                // Exchange's delay notices, Stalwart's "Warning: Delay in message delivery" (queue/dsn.rs), and
                // hMailServer's log "Scheduling it for later delivery" / "Scheduling it for quick retry"
                // (ExternalDelivery.cpp)
                "still being retried", "could not send message for", "transient non-fatal errors", "transient error",
                "transient failure", "transient:",
                "do not need to re-send", "do not need to resend", "continue to be attempted", "continue to attempt",
                "notification (delay)", "delay in message delivery", "scheduling it for later delivery",
                "scheduling it for quick retry",
                // Exchange's delay notice: "The server will keep trying to deliver this message for the next 1 days
                // and 19 hours", and the same promise in other words
                "will keep trying", "keeps trying", "will try again", "next retry",
                // operators' translated Postfix delay notices (delay_template): the Dutch "u hoeft uw mail niet opnieuw te
                // verzenden", the Spanish "NO ES NECESARIO QUE REENVÍE EL MENSAJE" and "Se seguirá intentando enviar el
                // mensaje", the French "VOUS NE DEVEZ PAS RENVOYER VOTRE MESSAGE" and "Le systeme va reesayer"
                "niet opnieuw te verzenden", "no es necesario que reenvíe", "se seguirá intentando",
                "ne devez pas renvoyer votre message", "va reesayer", "va réessayer");
        // "Temporarily" and "try later" as receivers write them in other languages (Orange's "Veuillez essayer plus
        // tard", GMX's "vorübergehend", the Chinese providers' "稍后重试" ...): when a text has no code, they defer too.
        outcome(Outcome.DEFERRED, "vorübergehend", "später erneut", "temporairement", "essayer plus tard",
                "temporalmente", "más tarde", "temporaneamente", "più tardi", "temporariamente", "mais tarde",
                "tijdelijk", "later opnieuw", "tymczasowo", "временно", "позже", "一時的", "しばらくしてから", "暂时",
                "稍后", "일시적",
                // and "later" in the other languages the accuracy issue names, and Japanese and Korean "will be tried
                // again" ("Доставку буде повторено пізніше", "配信は後で再試行されます")
                "później", "později", "пізніше", "daha sonra", "αργότερα", "لاحقا", "لاحقًا", "מאוחר יותר", "بعدا",
                "بعداً", "再試行されます", "다시 시도합니다", "sera retentée", "sera réessayée",
                // and "temporary" as an adjective ("un problème temporaire", "ein vorübergehendes Problem", "geçici bir
                // sorun"), as the English "temporary problem" above; Russian only with its noun, as each form of
                // "временный" is inside the same form of "своевременный" (timely), Hebrew by its feminine form, as
                // "זמני" is inside "זמנים" (times)
                "temporaire", "temporal", "temporane", "temporári", "tymczasow", "dočasn", "временная ошибка",
                "временная проблема", "временный сбой", "временные проблемы", "временной ошибки", "тимчасов", "geçici",
                "προσωριν", "مؤقت", "זמנית", "כשל זמני", "موقت", "临时", "臨時");
        outcome(Outcome.FAILED, "permanently", "permanent failure", "permanent error", "permanent fatal",
                "will not be retried", "not be retried", "giving up", "gave up", "has been rejected permanently",
                "does not exist", "doesn't exist", "cannot be delivered", "could not be delivered",
                "couldn't be delivered", "can't be delivered", "was not delivered", "wasn't delivered",
                "unable to deliver", "undeliverable", "delivery failed", "delivery has failed", "was rejected",
                "were rejected", "has been rejected", "is rejected", "rejected due to", "rejected by", "rejected -",
                "retry timeout exceeded", "failed permanently", "could not deliver", "couldn't deliver",
                "failed to deliver", "delivery failure", "recipients failed", "recipient failed",
                "failed for the following reason", "non-delivery",
                // Exchange's "Microsoft Exchange will not try to redeliver this message for you." and PowerMTA's
                // "delivery failed; will not continue trying"
                "will not try to redeliver", "will not continue trying",
                // Gmail's notice header for a delivery it gave up ("Message not delivered")
                "message not delivered",
                // the failure notices' own subjects and headings: Postfix's "Undelivered Mail Returned to Sender"
                // (src/bounce/bounce_templates.c) and its 2.x body "could not be be delivered" (sic), Sendmail's
                // "Returned mail: see transcript for details" (savemail.c), qmail's "failure notice" (qmail-send.c),
                // OpenSMTPD's "An error has occurred while attempting to deliver a message" (bounce.c), and the
                // subject "Delivery Status Notification (Failure)" of Gmail's and Exchange's failure notices
                "undelivered mail returned to sender", "could not be be delivered", "returned mail:", "failure notice",
                "an error has occurred while attempting to deliver", "notification (failure)",
                // an application's or mail library's own report that a send failed: the program does not try that
                // send again by itself (Nodemailer's and PHPMailer's "failed to send", curl's "send failed", .NET's
                // "Failure sending mail"), unless it says it will retry, which counts first
                "failed to send", "could not send", "couldn't send", "unable to send", "cannot send", "can't send",
                "error sending", "sending failed", "send failed", "failure sending",
                // report headings: Exchange's "Your message did not reach some or all of the intended recipients",
                // qmail-send's "I wasn't able to deliver your message", Exim's "Failed recipient" header line
                "did not reach some or all", "wasn't able to deliver", "was not able to deliver", "failed recipient",
                "nie można dostarczyć",
                // a domain or host that says it takes no mail at all (RFC 7505's null MX, "does not accept mail")
                "does not accept mail", "doesn't accept mail");
        // The same "could not be delivered" as mail systems write it in their users' languages: Exchange's and
        // Outlook's localized non-delivery reports ("Ihre Nachricht an ... konnte nicht zugestellt werden.", "Votre
        // message à ... n'a pas pu être remis.", "Su mensaje para ... no se pudo entregar." ...), Exchange's German
        // subject "Unzustellbar", and the Chinese and Japanese webmail bounces' "无法投递" / "配信できませんでした".
        outcome(Outcome.FAILED, "konnte nicht zugestellt werden", "unzustellbar", "n'a pas pu être remis",
                // the French Exchange report's heading, "Échec de la remise pour ces destinataires ou groupes :"
                "échec de la remise",
                "n'a pas pu être distribué", "no se pudo entregar", "no pudo ser entregado", "impossibile recapitare",
                "non è stato possibile recapitare", "não pôde ser entregue", "não foi possível entregar",
                "kan niet worden bezorgd", "kon niet worden afgeleverd", "nie może zostać dostarczona",
                "nie została dostarczona", "не может быть доставлено", "не удалось доставить", "配信できませんでした",
                "無法傳遞", "无法投递", "无法传递", "전달할 수 없",
                // operators' translated Postfix notices (Yandex's subject "Недоставленное сообщение" and "Ваше письмо
                // не может быть отправлено ...", a Spanish "Mensaje no entregado" / "No ha sido posible entregar su
                // mensaje ...") and the German bounce subject Yahoo's help names, "Zustellung nicht möglich"
                "недоставленное сообщение", "не может быть отправлено", "mensaje no entregado",
                "no ha sido posible entregar", "zustellung nicht möglich",
                // webmail providers' own notices: QQ Mail's and other Chinese webmail's per-recipient line "无法发送到
                // <addr>" (could not be sent to), Seznam's "Vaše zpráva pro ... nemohla být doručena" (napoveda.seznam.cz,
                // "Uživatel neexistuje") and NHN Dooray!'s "Your message sent to ... has failed to be delivered"
                "无法发送到", "nemohla být doručena", "failed to be delivered",
                // Outlook's own report in Spanish: "Algunos de los destinatarios no recibieron su mensaje." and "No se
                // puede localizar a los destinatarios siguientes:" ("did not reach some or all", above)
                "no recibieron su mensaje", "no se puede localizar a los destinatarios",
                // Gmail's Japanese "Address not found" notice: "メールは ... に配信されませんでした" (wasn't delivered,
                // trialtype.work's copy of the notice as received)
                "配信されませんでした",
                // and an application's or webmail's "failed to send" / "sending failed" (above) in the languages the
                // accuracy issue names (the project's own translations; Naver's notices write "... 이 다음과 같은 이유로 전송
                // 실패했습니다", a failed sending for the reasons below); a temporary word beside them still counts first
                "senden fehlgeschlagen", "versand fehlgeschlagen", "konnte nicht gesendet werden", "échec de l'envoi",
                "n'a pas pu être envoyé", "no se pudo enviar", "envío fallido", "falha no envio",
                "não foi possível enviar", "invio non riuscito", "impossibile inviare", "verzenden mislukt",
                "kon niet worden verzonden", "wysyłanie nie powiodło się", "nie udało się wysłać",
                "odeslání se nezdařilo", "nepodařilo se odeslat", "не удалось отправить", "ошибка отправки",
                "не вдалося надіслати", "gönderilemedi", "gönderim başarısız", "αποτυχία αποστολής", "فشل الإرسال",
                "השליחה נכשלה", "ارسال ناموفق", "送信に失敗", "送信できませんでした", "发送失败", "發送失敗",
                "전송 실패", "발송 실패", "전송에 실패", "발송에 실패",
                // Exchange 2007-2013's localized reports as Microsoft's localized documentation shows them ("DSNs and
                // NDRs in Exchange 2013"): their headings and subjects
                "la remise a échoué", "il recapito non è riuscito", "falha na entrega", "配信に失敗しました",
                "не удалось выполнить доставку", "non remis", "no se puede entregar", "non recapitabile", "配信不能",
                "无法送达", "недоставленные",
                // and "permanently" / "permanent error" as the other languages the accuracy issue names write it (the
                // project's own translations of the English cues above; German "endgültig" is left out, as msmtp's
                // "nicht endgültig" is its word for a look-up that may still succeed, and Ukrainian "остаточно"
                // (finally) stands only in "остаточно не вдалося" (finally failed), as the bare word is inside
                // Russian "недостаточно" (not enough))
                "dauerhaft fehlgeschlagen", "permanent fehlgeschlagen", "définitivement", "erreur permanente",
                "échec permanent", "de forma permanente", "error permanente", "in modo permanente", "errore permanente",
                "permanentemente", "falha permanente", "erro permanente", "definitief mislukt", "permanente fout",
                "trwale", "błąd trwały", "trvale", "trvalá chyba", "окончательно", "постоянная ошибка", "остаточно не вдал",
                "постійна помилка", "kalıcı olarak", "kalıcı hata", "οριστικά", "μόνιμο σφάλμα", "بشكل دائم",
                "خطأ دائم", "לצמיתות", "שגיאה קבועה", "برای همیشه", "خطای دائمی", "永続的", "恒久的", "永久失败",
                "永久性错误", "永久錯誤", "영구적", "영구 오류");
        // "will be retried" / "will be sent again" as the other languages the accuracy issue names write it (the
        // project's own translations of the English cues above), with their negations, before or after the words, that
        // would otherwise leave them a temporary cue ("не будет повторена", "no se reintentará", "повторная попытка не")
        outcome(Outcome.DEFERRED, "wird wiederholt", "wird erneut versucht", "erneut zugestellt", "renvoyé ultérieurement",
                "nouvelle tentative", "se reintentará", "se volverá a intentar", "será reenviada", "será reenviado",
                "nova tentativa", "verrà ritentat", "verra' ritentat", "verrà riprovat", "nuovo tentativo",
                "opnieuw aangeboden",
                "wordt opnieuw geprobeerd", "zostanie wysłana ponownie", "ponowna próba", "bude zopakován",
                "bude odeslána znovu", "будет повторен", "повторная попытка", "буде повторено",
                "буде надіслано повторно", "повторна спроба", "yeniden gönderilecek", "yeniden denenecek",
                "tekrar denenecek", "θα γίνει νέα προσπάθεια", "θα επαναληφθεί", "ستتم إعادة المحاولة",
                "ستتم إعادة محاولة", "תישלח שוב", "יישלח שוב", "ייעשה ניסיון נוסף", "دوباره تلاش خواهد شد",
                "دوباره انجام خواهد شد", "دوباره ارسال خواهد شد", "後ほど再送", "再送されます", "重新投递", "将重试",
                "다시 전송됩니다", "재시도합니다");
        // a delay notice's "this is a warning only" and "we will keep trying (for up to N days)" in the other languages
        // the accuracy issue names (the project's own translations of Postfix's "THIS IS A WARNING ONLY. YOU DO NOT
        // NEED TO RESEND YOUR MESSAGE." and of "will keep trying" above), and a next attempt announced
        outcome(Outcome.DEFERRED, "nur eine warnung", "versuchen weiterhin", "weiterhin versuchen",
                "qu'un avertissement", "continuerons d'essayer", "continuerons à essayer", "nouvel essai",
                "solo una advertencia", "sólo una advertencia", "seguiremos intentando", "nuevo intento",
                "apenas um aviso", "continuaremos tentando", "continuaremos a tentar", "ainda estamos tentando",
                "solo un avviso", "continueremo a tentare", "continueremo a provare", "stiamo ancora tentando",
                "slechts een waarschuwing", "alleen een waarschuwing", "proberen nog steeds", "nieuwe poging",
                "tylko ostrzeżenie", "będziemy próbować", "będzie próbował", "kolejna próba", "nadal próbujemy",
                "pouze upozornění", "jen upozornění", "budeme pokoušet", "budeme se pokoušet", "další pokus za",
                "další pokus bude", "další pokus proběhne",
                "только предупреждение", "будем пытаться", "продолжим попытки", "следующая попытка",
                "лише попередження", "намагатимемося", "продовжимо спроби", "наступна спроба",
                "yalnızca bir uyarı", "sadece bir uyarı", "denemeye devam",
                "μόνο μια προειδοποίηση", "θα συνεχίσουμε", "εξακολουθούμε να προσπαθούμε", "νέα προσπάθεια",
                "تحذير فقط", "سنواصل محاولة", "سنستمر في محاولة", "אזהרה בלבד", "נמשיך לנסות",
                "فقط یک هشدار", "به تلاش برای تحویل ادامه", "همچنان تلاش", "警告のみ", "試み続け", "再試行予定",
                "仅为提醒", "仅为警告", "继续尝试", "分钟后重试", "小时后重试", "경고 안내", "계속 시도합니다",
                "계속 시도하겠", "재시도 예정");
        // "we gave up", "failed for good", "will not be tried again" and "returned to you" in the same languages (the
        // project's own translations of "gave up", "failed permanently" and "will not be retried" above)
        outcome(Outcome.FAILED, "geben nun auf", "haben aufgegeben", "endgültig fehlgeschlagen",
                "wird nicht erneut versucht", "an sie zurückgeschickt", "avons abandonné", "ne sera pas retenté",
                "vous est retourné", "hemos desistido", "definitivamente", "se le ha devuelto", "desistimos",
                "não será tentada novamente", "não será tentado novamente", "abbiamo rinunciato",
                "ti viene restituito", "hebben het opgegeven", "wordt niet opnieuw geprobeerd", "definitief",
                "zrezygnowaliśmy", "nie będzie ponawiana", "vzdali", "definitivně", "nebude se opakovat",
                "прекратили попытки", "попытки прекращены", "возвращено вам", "не будет повторяться",
                "припинили спроби", "спроби припинено", "повернуто вам", "denemeyi bıraktık", "vazgeçtik",
                "tekrar denenmeyecek", "yeniden denenmeyecek", "σταματήσαμε", "εγκαταλείψαμε", "σας επιστρέφεται",
                "نهائيًا", "نهائيا", "لن تتم إعادة المحاولة", "توقفنا عن المحاولة", "ויתרנו", "הפסקנו לנסות",
                "دست کشیدیم", "تلاش نخواهد شد", "断念", "再試行されません", "放弃投递", "已放弃", "不会再重试",
                "재시도하지 않습니다");
        negated("no se reintentará", "no se volverá a intentar", "não será reenviada", "não será reenviado",
                "nie zostanie wysłana ponownie", "nebude zopakován", "nebude odeslána znovu", "не будет повторен",
                "не буде повторено", "не буде надіслано повторно", "δεν θα γίνει νέα προσπάθεια",
                "δεν θα επαναληφθεί", "לא תישלח שוב", "לא יישלח שוב", "non verrà ritentat", "non verrà riprovat",
                "wird nicht wiederholt", "不会重新投递", "不再重试", "不再继续尝试", "不会继续尝试",
                "aucune nouvelle tentative",
                "pas de nouvelle tentative", "sans nouvelle tentative", "nenhuma nova tentativa", "sem nova tentativa",
                "nessun nuovo tentativo", "senza nuovo tentativo", "żadna ponowna próba",
                // masqmail's Italian notices write the accent as an apostrophe ("non verra' ritentato")
                "non verra' ritentat",
                "aucun nouvel essai", "sans nouvel essai", "ningún nuevo intento", "sin nuevo intento",
                "geen nieuwe poging", "žádný další pokus", "καμία νέα προσπάθεια",
                // negations that stand after the words they negate
                "ponowna próba nie", "kolejna próba nie", "další pokus nebude", "следующая попытка не",
                "наступна спроба не", "повторная попытка не", "повторна спроба не", "повторної спроби не");
        // the sending side's own announcement of a next attempt, as notices, applications and queue logs write it;
        // registered last, so the cues above that say the same take this kind
        retrying("will retry", "will be retried", "be retried for", "retrying", "retry scheduled", "requeued",
                "re-queued", "another attempt will be made", "another try will be made", "will try again",
                "we'll try again", "will keep trying", "we'll keep trying", "pending retry", "pending_retry",
                "queued for retry", "will reattempt", "attempt redelivery", "automatic redelivery", "auto-retry",
                "still being retried", "resend planned", "will be retried automatically", "retry automatically",
                // Gmail's Japanese delay notice: "配信未完了" (Delivery incomplete, aprico-media.com) and "Gmail は 47 時間再試行
                // します" (will retry for 47 hours; the hours kept, so "再試行しません" (will not retry) is not read so)
                "配信未完了", "時間再試行し",
                // Sendmail's "<addr>... Deferred: <reason>" and the status its log and Postfix's write for a message
                // kept in the queue (sendmail/deliver.c giveresponse(), Postfix's status=deferred)
                "... deferred:", "stat=deferred", "status=deferred");
        // a give-up after the fact: Exim's "retry timeout exceeded", the queue lifetime that ran out, "we have given
        // up", a message returned or discarded; the temporary words that describe the failed attempts do not undo it
        finalCue("retry timeout exceeded", "retry period exceeded", "retry limit reached", "retry limit exceeded",
                "retry window has closed", "retry window closed", "maximum queue time", "lifetime ran out",
                "until the message expired", "message lifetime exceeded", "has been discarded", "was discarded",
                "deleted without delivery", "delivery abandoned", "have given up", "has given up", "we've given up",
                "given up trying", "no further attempts", "no more attempts will be made", "will not be retried",
                "not be retried", "will not try to redeliver", "will not continue trying", "has been returned",
                "have been returned", "was returned to you", "was returned to sender", "has been bounced",
                "been bounced back",
                // the same "returned" in Chinese webmail's notices: QQ Mail's "很抱歉您发送的邮件被退回", 163's "您的邮件被退回来了"
                // and "导致邮件被系统退回" (returned by the system)
                "邮件被退回", "被系统退回",
                // masqmail's German failure notice, "Es wird kein weiterer Versuch unternommen"
                "kein weiterer versuch",
                // Exchange 2007-2013's localized reports' "... will not try to redeliver this message", as Microsoft's
                // localized documentation shows them
                "wird nicht versuchen, die nachricht erneut", "ne tentera plus de remettre",
                "no intentará volver a entregar", "non verranno effettuati ulteriori tentativi",
                "não tentará entregar novamente", "再配信されません", "不会尝试重新传递", "не будет повторять попытку");
        ALL.put(NOTE_WORDS, new int[] {NOTE, 0});
        retry("come back in", "try again in", "retry in", "try again after", "retry after", "retry again in",
                "greylisted for", "please wait", "wait at least", "for another", "try later in");
    }

    private static void stage(Stage s, String... cues) {
        for (String c : cues) {
            ALL.put(c, new int[] {STAGE, s.ordinal()});
        }
    }

    /** Whether a stage cue is strong (names the command the reply answered). */
    static boolean strong(String cue) {
        return cue.startsWith("in reply to") || cue.startsWith("after ") || cue.endsWith("command");
    }

    private static void outcome(Outcome o, String... cues) {
        for (String c : cues) {
            ALL.put(c, new int[] {OUTCOME, o.ordinal()});
        }
    }

    private static void negated(String... cues) {
        for (String c : cues) {
            ALL.put(c, new int[] {NEGATED, 0});
        }
    }

    private static void retrying(String... cues) {
        for (String c : cues) {
            int[] prev = ALL.get(c);
            ALL.put(c, prev != null && prev.length > 2 ? new int[] {RETRYING, 0, 1} : new int[] {RETRYING, 0});
        }
    }

    private static void finalCue(String... cues) {
        for (String c : cues) {
            ALL.put(c, new int[] {FINAL, 0});
        }
    }

    private static void retry(String... cues) {
        for (String c : cues) {
            if (ALL.containsKey(c)) {
                int[] prev = ALL.get(c);
                ALL.put(c, new int[] {prev[0], prev[1], 1});
            } else {
                ALL.put(c, new int[] {RETRY, 0});
            }
        }
    }

    private Cues() {
    }

    /** Parses a delay such as {@code 00:02:00}, {@code 5 minutes}, {@code 300s} at {@code at}; -1 when none. */
    static int parseDelay(io.smtpverdict.core.parse.FoldedText t, int at) {
        int n = t.length();
        int i = at;
        while (i < n && (t.charAt(i) == ' ' || t.charAt(i) == ':')) {
            i++;
        }
        int[] parts = new int[3];
        int count = 0;
        while (count < 3) {
            int start = i;
            long v = 0;
            while (i < n && i - start < 7 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                v = v * 10 + (t.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                break;
            }
            parts[count++] = (int) v;
            if (i < n && t.charAt(i) == ':' && i + 1 < n && Character.isDigit(t.charAt(i + 1))) {
                i++;
                continue;
            }
            break;
        }
        if (count == 0) {
            return -1;
        }
        if (count == 3) {
            return parts[0] * 3600 + parts[1] * 60 + parts[2];
        }
        if (count == 2) {
            return parts[0] * 60 + parts[1];
        }
        int v = parts[0];
        while (i < n && t.charAt(i) == ' ') {
            i++;
        }
        if (t.startsWith("h", i)) {
            return v * 3600;
        }
        if (t.startsWith("m", i) && !t.startsWith("ms", i)) {
            return v * 60;
        }
        if (t.startsWith("s", i)) {
            return v;
        }
        if (t.startsWith("d", i)) {
            return v * 86400;
        }
        return -1;
    }
}
