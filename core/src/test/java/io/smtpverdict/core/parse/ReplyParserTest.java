package io.smtpverdict.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class ReplyParserTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // single line, codes first
        "550 5.1.1 <a@b.example>: Recipient address rejected: User unknown | 550 | 5.1.1",
        "550-5.7.1 first line\\n550 5.7.1 last line                          | 550 | 5.7.1",
        "550 Requested action not taken: mailbox unavailable               | 550 | -",
        "5.1.1 user unknown                                                 | -   | 5.1.1",
        // codes inside vendor wrappers and logs
        "Sorry, I couldn't find any host named mx.b.example. (#5.1.2)       | -   | 5.1.2",
        "451 Resources temporarily not available - Please try again later [#4.16.5] | 451 | 4.16.5",
        "Connected to 192.0.2.7 but sender was rejected./Remote host said: 553 5.7.1 Sender address rejected | 553 | 5.7.1",
        "Connected to 10.4.5.6 but connection died. (#4.4.2)                | -   | 4.4.2",
        "Diagnostic-Code: smtp; 550 5.1.1 <x@y.example>... User unknown     | 550 | 5.1.1",
        "host mx.b.example[192.0.2.7] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command) | 552 | 5.2.2",
        "SMTP error from remote mail server after RCPT TO:<a@b.example>: 550 5.1.1 unknown | 550 | 5.1.1",
        "421 4.4.5 System rule canceled connection.                         | 421 | 4.4.5",
        "451 4.4.2 [internal] no banner                                     | 451 | 4.4.2",
        // transcripts: the most severe reply carries the meaning
        "450 busy - please try later 551 not our user 503 need RCPT command [data] 551 not our user | 551 | -",
        "250 2.1.0 ok 550 5.1.1 no such user                                 | 550 | 5.1.1",
        "550 5.7.1 rejected 421 4.7.0 closing                                | 550 | 5.7.1",
        "451 4.7.1 please try again in 550 seconds                          | 451 | 4.7.1",
        // an intermediate 3xx only asks for more input: the reply after it carries the meaning
        "354 End data with <CR><LF>.<CR><LF> 250 2.0.0 Ok: queued as 24B8  | 250 | 2.0.0",
        "354 go ahead 554 5.7.1 rejected                                    | 554 | 5.7.1",
        // but a reply another server said inside the text's own leading reply is quoted, not the reply
        "450 4.1.1 <a@b.example>: Recipient address rejected: unverified address: host mx.b.example[192.0.2.7] said: 550 5.1.1 unknown | 450 | 4.1.1",
        "Delivery failed: host mx.b.example said: 450 4.2.0 busy, then said: 550 5.1.1 unknown | 550 | 5.1.1",
        // numbers that are not codes
        "Connected to 5.4.3.2 but the TLS negotiation failed.               | -   | -",
        "received from IP 192.0.2.222 on Thu, 29 Apr 2015 23:34:45 +0000    | -   | -",
        "message of 2500 bytes refused by user550@b.example                 | -   | -",
        "4.2.23.1 is not a code                                              | -   | -",
        "release 5.0.1.2 of something                                        | -   | -",
        "Domain b.example has exceeded the max emails per hour (500/500 (100%)) allowed | - | -",
        "Sent 450/450 messages today                                        | -   | -",
        "postfix/lmtp[238]: 1A2B3C: to=<a@b.example>, dsn=4.4.1, status=deferred (connect to b.example[192.0.2.6]:24: Connection refused) | - | 4.4.1",
        "exim[451]: 1abc-0001 == a@b.example R=dnslookup defer (-44): retry time not reached | - | -",
        "said: [550 5.1.1 no such user]                                      | 550 | 5.1.1",
        "failed to connect to mx.example.net:587: Connection refused        | -   | -",
        "connect to [192.0.2.7]:465: connection timed out                    | -   | -",
        // Dovecot's SMTP client names its peer "host:port" in brackets, the host a container's name without a dot
        "failed to redirect message to <a@b.example>: smtp(postfix:588): RCPT TO failed: Failed to connect to remote server (temporary failure). | - | -",
        "smtp(mail_relay:525): RCPT TO failed: 550 5.1.1 unknown              | 550 | 5.1.1",
        "Diagnostic-Code: smtp;550 5.1.1 unknown                             | 550 | 5.1.1",
        "Invalid line ending (see RFC 5321 2.3.5)                           | -   | -",
        "bare LF not allowed, see section 4.1.1.4 of RFC 5321                | -   | -",
        "451 4.5.0 line too long (RFC 5322 2.1.1)                            | 451 | 4.5.0",
        // a code a mail library expected is not the server's reply; the one it got is
        "'Expected response code 250 but got code \"550\", with message \"550 Connection frequency limited\"' | 550 | -",
        "SMTP Error: data not accepted. Expected 250, got 554 5.7.1 spam | 554 | 5.7.1",
        "'Expected response code \"250\" but got code \"550\", with message \"550 5.1.1 unknown\".' | 550 | 5.1.1",
        "'Expected response codes \"250/251/252\" but got code \"554\", with message \"554 5.7.1 rejected\".' | 554 | 5.7.1",
        "'Expected response code \"354\" but got code \"554\".'         | 554 | -",
        // the last field of a colon-separated token (an Exim log line's TLS cipher) is not a code
        "H=mx.b.example [192.0.2.123] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no F=<a@b.example> temporarily rejected RCPT <c@d.example> | - | -",
        // log fields, identifiers and quantities are not codes; a field named for a code is
        "postfix/smtp[123]: ABC123: to=<a@b.example>, relay=none, delay=250, delays=250/0/0/0, dsn=4.4.1, status=deferred (connect to mx.b.example[192.0.2.1]:25: Connection timed out) | - | 4.4.1",
        "size=250 nrcpt=1 (queue active)                                    | -   | -",
        "Message delayed: tried 250 times, last error: connection refused   | -   | -",
        "The message size 250 KB exceeds the limit                          | -   | -",
        "Your message (id 450) could not be delivered: mailbox full         | -   | -",
        "over 250% of the quota                                              | -   | -",
        "error code=550 mailbox not found                                   | 550 | -",
        "smtpstatus=554 smtpmsg='554 Transaction failed'                    | 554 | -",
        "LED=450 4.4.316 Connection refused [Message=Socket error code 10061] | 450 | 4.4.316",
        "Attempt 3 of 250 failed: connection timed out                      | -   | -",
        "the remote end sent 250 lines of junk                              | -   | -",
        "Server replied: 250 OK id=1abc                                     | 250 | -",
        // an error's own number is no success reply; a reply quoted after the colon is
        "Temporary error 249 (temporary MX resolution error) resolving .b.example | - | -",
        "send failed 220 times                                              | -   | -",
        "SMTP error: 250 2.0.0 Ok                                           | 250 | 2.0.0",
        "Temporary error 451 4.3.0 try again later                          | 451 | 4.3.0",
        // a bare number does not overrule the enhanced code the text begins with
        "5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405]         | -   | 5.1.0",
        "5.1.1 mailbox unavailable [550]                                    | 550 | 5.1.1",
        // a product's number is no reply: Exchange Online's user text names "Microsoft 365" and "Office 365"
        "For more information, see DSN 5.7.129 Errors in Exchange Online and Microsoft 365 or Office 365. | - | 5.7.129",
        "Office 365 couldn't deliver the message to the recipient           | -   | -",
        "Remote Server returned '550 5.7.133 Microsoft 365 group' after Office 365 tried | 550 | 5.7.133",
        // a reply the leading one quotes from another server does not overrule it
        "400 4.4.7 The server responded with: 554 5.2.0 STOREDRV.Deliver.Exception | 400 | 4.4.7",
        "451 4.4.0 Primary target IP address responded with: 550 5.7.1 blocked | 451 | 4.4.0",
        // a telephone number in an automatic reply or a signature is no reply code; a reply's own number stays one
        "I am out of the office. In urgent cases call +1 555 0100.          | -   | -",
        "Out of office until 3 May. Phone 555-0100                          | -   | -",
        "Please call (415) 555-0100 or 415-555-0101                         | -   | -",
        "Tel. +49 711 1234567                                               | -   | -",
        "550 2014 rejected by policy                                        | 550 | -",
        "host mx.b.example said: 451 1234 try again later                   | 451 | -",
        "Back on Monday. Acme Inc., Suite 400, Springfield; tel. ext. 550   | -   | -",
        "Out of office. Acme Inc., P.O. Box 450, Springfield                | -   | -",
        "PHP Warning: fsockopen(): unable to connect in /srv/mail.php on line 450 | - | -",
        // a reply code after '#' is one: Exchange's diagnostic lines
        "<mx.b.example #5.1.1 smtp;550 5.1.1 User unknown>                  | 550 | 5.1.1",
        "#550 4.4.7 QUEUE.Expired; message expired ##                       | 550 | 4.4.7",
        "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##                | 550 | 5.1.1",
        // an issue tracker's number in a quoted subject is none ("Re: [project] Title (#416)")
        "Your message <Re: [proj] Fix the build (#416)> could not be delivered | - | -",
        "Re: [proj] Release 2.0 [#450] - 550 5.1.1 user unknown             | 550 | 5.1.1",
        // a group of an IPv6 address is no reply code (Exchange Online quotes the client's address in brackets)
        "Access denied, a message sent over IPv6 [2001:db8:f200:2004::240] must pass either SPF or DKIM | - | -",
        "Client host [2001:db8:250::1] blocked                              | -   | -",
        "550 5.7.1 Client host [2001:db8:4:3:2:1:250:1] blocked             | 550 | 5.7.1",
        "554: Dialup/transient IP not allowed                               | 554 | -",
        // a port a client names is no reply code (Jakarta Mail's connect failures); the reply after it is
        "Could not connect to SMTP host: smtp.b.example, port: 465, response: -1 | - | -",
        "Could not connect to SMTP host: smtp.b.example, port: 587, response: 421 | 421 | -",
        "MailConnectException: Couldn't connect to host, port: smtp.b.example, 587; timeout -1 | - | -",
        "connection to port 465 timed out                                   | -   | -",
        "port=587 refused: 550 5.7.1 relaying denied                        | 550 | 5.7.1",
        // an HTTP status an application quotes from an email API is no reply code (RFC 9110 §15)
        "Error: Request failed with status code 401                         | -   | -",
        "Response status code does not indicate success: 503 (Service Unavailable). | - | -",
        "java.io.IOException: Server returned HTTP response code: 403 for URL: https://api.b.example/send | - | -",
        "HTTPError: 429 Client Error: Too Many Requests for url: https://api.b.example/v3/mail/send | - | -",
        "HTTP/1.1 503 Service Unavailable                                   | -   | -",
        "HTTP error 500 from api.b.example                                  | -   | -",
        "{\"statusCode\": 422, \"message\": \"Invalid `to` field.\"}         | -   | -",
        "status_code=429 body=rate limited                                  | -   | -",
        "403 Forbidden                                                      | -   | -",
        "Unauthorized (401) Maximum credits exceeded                        | -   | -",
        "Service unavailable (421) try later                                | 421 | -",
        "400 {\"error\":\"Email from address not parseable\"}                | -   | -",
        "upstream answered (Unauthorized) 401                               | 401 | -",
        "550 5.7.1 Forbidden                                                | 550 | 5.7.1",
        "SMTP response code: 550 mailbox unavailable                        | 550 | -",
        "http://b.example/policy 550 rejected                               | 550 | -",
        // client-side codes of seed 004
        "Connection refused, 111 Can't open SMTP stream                     | 111 | -",
        "101 cannot open SMTP stream                                        | 101 | -",
        // nothing
        "user unknown                                                       | -   | -",
        "''                                                                 | -   | -",
    })
    void parse_realReplyShapes_findsCodesWhereverTheyStand(String input, Integer code, String enhanced) {
        ParsedReply p = ReplyParser.parse(input.replace("\\n", "\n"), 65536);
        assertThat(p.basicCode()).isEqualTo(code == null ? 0 : code);
        assertThat(p.enhancedCode() == null ? null : p.enhancedCode().toString()).isEqualTo(enhanced);
    }

    @Test
    void parse_cutAtASurrogatePair_keepsThePairWholeButCutsLoneSurrogatesAnywhere() {
        assertThat(ReplyParser.parse("abcd\uD83D\uDE00xyz", 5).text()).isEqualTo("abcd");
        ParsedReply lone = ReplyParser.parse("\uDADA".repeat(10), 5);
        assertThat(lone.text()).hasSize(5);
        assertThat(lone.truncated()).isTrue();
    }

    @Test
    void parse_longRunOfGroupsAndColons_findsNoReplyCodeInIt() {
        // each group looks like an IPv6 address's; the check reads at most an address's length around each one
        ParsedReply p = ReplyParser.parse("host [" + "2001:250:".repeat(7_000) + "1] blocked", 65536);
        assertThat(p.basicCode()).isZero();
        assertThat(ReplyParser.parse("550 5.7.1 " + "250:".repeat(16_000), 65536).basicCode()).isEqualTo(550);
    }

    @Test
    void parse_qmailReportAsItsLogWritesIt_readsTheUnderscoresAsSpaces() {
        ParsedReply p = ReplyParser.parse("failure: 192.0.2.1_does_not_like_recipient./Remote_host_said:_550_5.1.1"
                + "_<bob@example.net>:_Recipient_address_rejected:_User_unknown/Giving_up_on_192.0.2.1./", 65536);
        assertThat(p.text()).isEqualTo("failure: 192.0.2.1 does not like recipient./Remote host said: 550 5.1.1"
                + " <bob@example.net>: Recipient address rejected: User unknown/Giving up on 192.0.2.1./");
        assertThat(p.basicCode()).isEqualTo(550);
        assertThat(p.enhancedCode()).hasToString("5.1.1");
        assertThat(ReplyParser.parse("Sorry,_no_mailbox_here_by_that_name._(#5.1.1)/", 65536).text())
                .isEqualTo("Sorry, no mailbox here by that name. (#5.1.1)/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{error,no_more_hosts,{permanent_failure,\"smtp.example.org\",auth_failed}}",
        "550 5.7.1 Message rejected: policy_violation_detected (#5.7.1)",
        "first_last@example.com: policy_id_7 was refused, Giving_up_on_retry",
        "<first_last@example.com>:_(#5.1.1)",
    })
    void parse_underscoresThatAreNotAQmailReportsSpaces_keepsThem(String input) {
        assertThat(ReplyParser.parse(input, 65536).text()).isEqualTo(input);
    }

    @Test
    void parse_diagnosticCodePrefix_bodyStartsAfterTheType() {
        ParsedReply p = ReplyParser.parse("Diagnostic-Code: smtp; 550 5.1.1 unknown", 65536);
        assertThat(p.folded().toString().substring(p.bodyStart())).isEqualTo("550 5.1.1 unknown");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        smtp; 550 5.1.1 unknown | 550 5.1.1 unknown
        x-unix; host name unknown | host name unknown
        X-Postfix; bad address syntax | bad address syntax
        unknown; Maximum recursion level exceeded. | maximum recursion level exceeded.
        """)
    void parse_diagnosticTypeWithoutFieldName_bodyStartsAfterTheType(String text, String body) {
        ParsedReply p = ReplyParser.parse(text, 65536);
        assertThat(p.folded().toString().substring(p.bodyStart())).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown user; mailbox gone", "note; 550 5.1.1 unknown", "x-; nothing", "550 5.1.1 unknown; user"})
    void parse_textNotStartingWithADiagnosticType_bodyStartsAtTheStart(String text) {
        assertThat(ReplyParser.parse(text, 65536).bodyStart()).isZero();
    }

    @Test
    void parse_foldedMultiLine_normalizesWhitespaceAndCase() {
        ParsedReply p = ReplyParser.parse("550-5.1.1 The email account\r\n550-5.1.1  that you TRIED\t to reach", 65536);
        assertThat(p.folded().toString()).isEqualTo("550 5.1.1 the email account that you tried to reach");
        assertThat(p.basicCode()).isEqualTo(550);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address 550 5.1.1 for typos. | 550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos.
        host mx.example.com[192.0.2.1] said: 452-4.2.2 The recipient's inbox is out 452-4.2.2 of storage space. 452 4.2.2 Please direct the recipient (in reply to RCPT TO command) | host mx.example.com[192.0.2.1] said: 452 4.2.2 The recipient's inbox is out of storage space. Please direct the recipient (in reply to RCPT TO command)
        ... while talking to mx.example.com.: <<< 550-Mailbox <<< 550-unavailable <<< 550 here | ... while talking to mx.example.com.: <<< 550 Mailbox unavailable here
        553-sorry, that domain isn't in my 553-list of allowed rcpthosts 553 (#5.7.1) | 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)
        550-Call 550-1234 for help 550 now | 550 Call 550-1234 for help now
        550-5.7.1 Blocked, see 550-5.7.1 https://example.com/550 550 5.7.1 thanks. 550 more | 550 5.7.1 Blocked, see https://example.com/550 thanks. 550 more
        550-only one line here | 550-only one line here
        550-5.7.1 Messages missing a valid address in From:\\n550 5.7.1 header, or having none | 550 5.7.1 Messages missing a valid address in From: header, or having none
        550-5.7.1 Blocked, see\\r\\n550-5.7.1 the page\\n550 5.7.1 for more | 550 5.7.1 Blocked, see the page for more
        """)
    void parse_multiLineReplyJoined_foldsWithoutTheRepeatedCodesOfLaterLines(String input, String joined) {
        ParsedReply p = ReplyParser.parse(input, 65536);
        assertThat(p.folded().toString()).isEqualTo(Normalizer.normalize(joined));
        assertThat(p.text()).as("the text values are bound from keeps every line whole").isEqualTo(input);
    }

    @Test
    void parse_multiLineReplyWithLineBreaks_readsAsOneSentence() {
        ParsedReply p = ReplyParser.parse("421-4.7.0 Try again later, closing\r\n421-4.7.0 connection. (EHLO)\r\n"
                + "421 4.7.0 - gsmtp", 65536);
        assertThat(p.folded().toString()).isEqualTo("421 4.7.0 try again later, closing connection. (ehlo) - gsmtp");
        assertThat(p.basicCode()).isEqualTo(421);
        assertThat(p.enhancedCode()).hasToString("4.7.0");
        int[] offsets = new int[p.text().length() + 1];
        int length = Normalizer.offsets(p.text(), p.skips(), offsets);
        assertThat(length).isEqualTo(p.folded().length());
        assertThat(p.text().charAt(offsets[p.folded().toString().indexOf("connection.")])).isEqualTo('c');
        assertThat(p.text().substring(offsets[p.folded().toString().indexOf("connection.")]))
                .startsWith("connection. (EHLO)");
    }

    @Test
    void parse_oneMegabyte_isCutAtTheLimitAndFlagged() {
        String big = "550 5.1.1 " + "x".repeat(1 << 20);
        ParsedReply p = ReplyParser.parse(big, 65536);
        assertThat(p.truncated()).isTrue();
        assertThat(p.text()).hasSize(65536);
        assertThat(p.basicCode()).isEqualTo(550);
    }

    @Test
    void parse_cutInsideASurrogatePair_doesNotSplitIt() {
        String text = "a".repeat(65535) + "\uD83D\uDE00tail";
        ParsedReply p = ReplyParser.parse(text, 65536);
        assertThat(p.text()).hasSize(65535);
    }

    @Test
    void parse_garbageAndLoneSurrogates_neverThrow() {
        for (String s : new String[] {"\uD800", "\uDFFF550 5.1.1", "\u0000\u0001\u0002", "5.", "5.1.", "550-",
                "(#", "[#4.", "9".repeat(10_000), ".".repeat(10_000), "5.5.5.5.5.5", null}) {
            ParsedReply p = ReplyParser.parse(s, 65536);
            assertThat(p).isNotNull();
        }
    }

    @Test
    void parse_bounceNotice_leavesOutItsCopyOfTheReturnedMessage() {
        String ndr = "Diagnostic information for administrators:\n\nGenerating server: ex01.example.com\n\n"
                + "jane@example.org\nmx.example.org #550 5.1.1 mailbox unavailable ##\n\nOriginal message headers:\n\n"
                + "Received: from ex01.example.com (192.0.2.7) by ex02.example.com (192.0.2.8) with Microsoft SMTP Server "
                + "(version=TLS1_2,\n cipher=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384) id 15.0.1497.2";
        ParsedReply p = ReplyParser.parse(ndr, 10_000);
        assertThat(p.text()).endsWith("##\n").doesNotContain("cipher");
        assertThat(p.basicCode()).isEqualTo(550);
        String exim = "SMTP error from remote mail server after RCPT TO:<jane@example.org>:\n    550 5.1.1 unknown\n\n"
                + "------ This is a copy of the message, including all the headers. ------\nDKIM-Signature: v=1; a=rsa-sha256";
        assertThat(ReplyParser.parse(exim, 10_000).text()).doesNotContain("DKIM");
        String sendmail = "550 5.1.1 <jane@example.org>... User unknown\n\n   ----- Original message follows -----\n"
                + "Subject: 451 temporary";
        assertThat(ReplyParser.parse(sendmail, 10_000).text()).doesNotContain("Subject");
        String online = "Error Details\nReported error:\t550 5.7.1 Message refused\n\nMessage Hops\nHOP\tTIME (UTC)\tFROM"
                + "\tTO\tWITH\tRELAY TIME\n1\tmx1\tmx2\tMicrosoft SMTP Server (version=TLS1_2, cipher=TLS_AES)\t*";
        assertThat(ReplyParser.parse(online, 10_000).text()).endsWith("Message refused\n").doesNotContain("RELAY");
        // a text that is nothing but such a copy keeps it; a marker inside a line is no marker
        assertThat(ReplyParser.parse("----- Original message -----\nSubject: hi", 10_000).text()).contains("Subject");
        assertThat(ReplyParser.parse("550 see the original message headers: spam", 10_000).text()).endsWith("spam");
    }

    @Test
    void parse_qmailReport_leavesOutItsGiveUpLine() {
        String qmail = "<jane@example.org>:\n192.0.2.25 does not like recipient.\n"
                + "Remote host said: 552 looping message.\nGiving up on 192.0.2.25.\n";
        assertThat(ReplyParser.parse(qmail, 10_000).text()).endsWith("552 looping message.");
        assertThat(ReplyParser.parse("Remote host said: 550 no\nGiving up on mx.example.org.", 10_000).text())
                .endsWith("550 no");
        // the line alone stays, and so does a line that only starts with the words
        assertThat(ReplyParser.parse("Giving up on 192.0.2.25.", 10_000).text()).isEqualTo("Giving up on 192.0.2.25.");
        assertThat(ReplyParser.parse("550 quota\nGiving up on this mailbox for now.", 10_000).text())
                .endsWith("for now.");
    }

    @Test
    void parse_exceptionAroundAReply_leavesOutTheStackFrames() {
        String python = "Traceback (most recent call last):\n  File \"/srv/app/notify.py\", line 42, in send_report\n"
                + "    server.sendmail(sender, recipients, msg.as_string())\n"
                + "    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
                + "  File \"/usr/lib/python3.11/smtplib.py\", line 901, in sendmail\n"
                + "    raise SMTPRecipientsRefused(senderrs)\n"
                + "smtplib.SMTPRecipientsRefused: {'jane@example.org': (550, b'5.1.1 User unknown')}";
        assertThat(ReplyParser.parse(python, 10_000).text()).isEqualTo("Traceback (most recent call last):\n"
                + "smtplib.SMTPRecipientsRefused: {'jane@example.org': (550, b'5.1.1 User unknown')}");
        String java = "javax.mail.SendFailedException: Invalid Addresses;\n  nested exception is:\n"
                + "\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 User unknown\n"
                + "\tat com.sun.mail.smtp.SMTPTransport.rcptTo(SMTPTransport.java:2064)\n"
                + "\tat javax.mail.Transport.send(Transport.java:124)\n\t... 12 more";
        assertThat(ReplyParser.parse(java, 10_000).text()).doesNotContain("rcptTo").doesNotContain("more")
                .endsWith("550 5.1.1 User unknown\n");
        String node = "Error: Can't send mail - all recipients were rejected: 550 5.1.1 User unknown\n"
                + "    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:790:19)\n"
                + "    at processTicksAndRejections (node:internal/process/task_queues:95:5)\n"
                + "    at /app/mailer.js:10:5";
        assertThat(ReplyParser.parse(node, 10_000).text()).doesNotContain("_formatError").doesNotContain("task_queues")
                .doesNotContain("mailer.js");
        String dotnet = "System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.1.1 unknown\n"
                + "   at System.Net.Mail.SmtpClient.Send(MailMessage message) in C:\\src\\Mailer.cs:line 42";
        assertThat(ReplyParser.parse(dotnet, 10_000).text()).doesNotContain("SmtpClient.Send");
        // a reply's own lines stay, whatever they start with; a text of nothing but frames keeps them
        assertThat(ReplyParser.parse("550 5.7.1 rejected\n550 5.7.1 at your request (see policy)", 10_000).text())
                .endsWith("(see policy)");
        assertThat(ReplyParser.parse("  at a.B.c(D.java:1)\n  at e.F.g(H.java:2)", 10_000).text()).contains("D.java");
    }
}
