package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.core.ClassifyContext;
import io.smtpverdict.input.Decompression;
import io.smtpverdict.input.InputFormat;
import io.smtpverdict.input.InputRecord;
import io.smtpverdict.input.InputRecord.Origin;
import io.smtpverdict.input.RecordSource;
import io.smtpverdict.input.email.BounceReader;
import io.smtpverdict.input.email.EmailRecord;
import io.smtpverdict.input.email.MailboxReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Whole emails as records: every recipient of every email of a file, directory, mbox or Maildir, each with the
 * verdict the bounce reader decided (the reporting MTA's Action counts). One message is read at a time.
 */
final class EmailRecordSource implements RecordSource, AutoCloseable {
    /**
     * Header fields that open an email; two of them in the first header block make a file an email. Extension
     * fields ({@code X-...}) do not count: a file of DSN fields has them too and is read line by line.
     */
    private static final Pattern EMAIL_HEADER = Pattern.compile("(?im)^(Received|Return-Path|From|To|Subject|Date"
            + "|Message-ID|MIME-Version|Delivered-To|Content-Type|Auto-Submitted):[ \\t]");

    private final MailboxReader mailbox;
    private final BounceReader reader;
    private final ArrayDeque<InputRecord> ready = new ArrayDeque<>();

    EmailRecordSource(Path path, InputFormat format, BounceReader reader) throws IOException {
        this.reader = requireNonNull(reader, "reader is null");
        this.mailbox = MailboxReader.open(path, containerFormat(format));
    }

    private static MailboxReader.Format containerFormat(InputFormat format) {
        return switch (format) {
            case EMAIL -> MailboxReader.Format.EMAIL;
            case MBOX -> MailboxReader.Format.MBOX;
            case MAILDIR -> MailboxReader.Format.MAILDIR;
            default -> MailboxReader.Format.AUTO;
        };
    }

    /** Whether an input is read as emails: a directory, an email format, or a file whose content is an email. */
    static boolean applies(String input, InputFormat format) {
        if (format.emails()) {
            return true;
        }
        if (format != InputFormat.AUTO || input.equals("-")) {
            return false;
        }
        Path p = Path.of(input);
        if (Files.isDirectory(p)) {
            return true;
        }
        if (!Files.isRegularFile(p)) {
            // a FIFO, /dev/stdin or <(...) can be read once only: sniffing would eat its first lines
            return false;
        }
        try (InputStream in = Decompression.open(Files.newInputStream(p))) {
            byte[] head = in.readNBytes(8192);
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (text.startsWith("From ") && EMAIL_HEADER.matcher(text).find()) {
                return true;
            }
            if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
                return false;
            }
            int end = text.indexOf("\n\n");
            if (end < 0) {
                end = text.indexOf("\r\n\r\n");
            }
            String header = end < 0 ? text : text.substring(0, end);
            var m = EMAIL_HEADER.matcher(header);
            int n = 0;
            while (m.find() && n < 2) {
                n++;
            }
            return n >= 2 && header.lines().findFirst().orElse("").matches("^[A-Za-z0-9-]+:.*");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Optional<InputRecord> next() throws IOException {
        while (ready.isEmpty()) {
            Optional<MailboxReader.Message> m = mailbox.next();
            if (m.isEmpty()) {
                return Optional.empty();
            }
            for (EmailRecord r : MailboxReader.read(reader, m.get())) {
                ready.add(record(r));
            }
        }
        return Optional.ofNullable(ready.poll());
    }

    private static InputRecord record(EmailRecord r) {
        Origin at = new Origin(Optional.of(r.file()), "message", r.message().orElse(1), 1, OptionalInt.empty());
        Map<String, String> context = new LinkedHashMap<>();
        r.recipient().ifPresent(x -> context.put("recipient", x));
        context.put("emailKind", r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        context.put("foundBy", r.foundBy());
        context.putAll(r.fields());
        Optional<String> warning = r.warnings().isEmpty() ? Optional.empty() : Optional.of(String.join("; ",
                r.warnings()));
        String input = InputRecord.echo(r.reply().orElse(""));
        if (r.error().isPresent()) {
            return new InputRecord(at.source(), at.position(), at.number(), 1, at.index(), input, Optional.empty(),
                    context, ClassifyContext.NONE, r.error(), warning, Optional.empty());
        }
        if (r.verdict().isEmpty()) {
            return new InputRecord(at.source(), at.position(), at.number(), 1, at.index(), input, Optional.empty(),
                    context, ClassifyContext.NONE, Optional.empty(), warning,
                    Optional.of("not a bounce, feedback report or auto-reply"));
        }
        return new InputRecord(at.source(), at.position(), at.number(), 1, at.index(), input, r.reply(), context,
                ClassifyContext.NONE, Optional.empty(), warning, Optional.empty(), r.verdict());
    }

    @Override
    public void close() throws IOException {
        mailbox.close();
    }
}
