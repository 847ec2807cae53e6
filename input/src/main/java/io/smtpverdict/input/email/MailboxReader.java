package io.smtpverdict.input.email;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.input.Decompression;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Streams the emails of a container: a single email file, a directory of them (recursively, in name order), an
 * mbox (also gzip-compressed), or a Maildir ({@code cur}, {@code new}, {@code tmp}). One message is open at a
 * time; a mailbox is never held in memory. The container is recognised by its content unless a format is given.
 *
 * <pre>{@code
 * BounceReader bounces = BounceReader.of(engine);
 * try (MailboxReader mailbox = MailboxReader.open(Path.of("/var/mail/bounces"), MailboxReader.Format.AUTO)) {
 *     mailbox.forEach(bounces, record -> System.out.println(record));
 * }
 * }</pre>
 */
public final class MailboxReader implements Closeable {
    /** How to read the path. */
    public enum Format {
        /** Decide by the content: a directory with cur/new/tmp is a Maildir, other directories are walked, a file
         *  whose first line is a From_ line is an mbox, else a single email. Gzip is unpacked first. */
        AUTO,
        /** Each file is one email. */
        EMAIL,
        /** Each file is an mbox. */
        MBOX,
        /** The directory is a Maildir: only the files under cur, new and tmp are read. */
        MAILDIR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One message of the container.
     *
     * @param file the email's path, or the mbox's
     * @param index the 1-based position in the mbox, empty for a file of its own
     * @param content the message's bytes; readable until the next call to {@link #next()}
     * @param error why this entry is not a message, when it is not
     */
    public record Message(String file, OptionalInt index, InputStream content, Optional<String> error) {
        /** Validates the parts. */
        public Message {
            requireNonNull(file, "file is null");
            requireNonNull(index, "index is null");
            requireNonNull(content, "content is null");
            requireNonNull(error, "error is null");
        }
    }

    private final Format format;
    private final Deque<Path> files;
    private InputStream open;
    private Mbox mbox;
    private String mboxName;
    private int mboxIndex;

    private MailboxReader(Format format, List<Path> files) {
        this.format = format;
        this.files = new ArrayDeque<>(files);
    }

    /**
     * Opens a container.
     *
     * @throws IOException when the path does not exist or a directory cannot be listed
     */
    public static MailboxReader open(Path path, Format format) throws IOException {
        requireNonNull(path, "path is null");
        requireNonNull(format, "format is null");
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        if (!Files.isDirectory(path)) {
            if (format == Format.MAILDIR) {
                throw new IOException(path + " is not a Maildir: it is a file");
            }
            return new MailboxReader(format, List.of(path));
        }
        boolean maildir = format == Format.MAILDIR || format == Format.AUTO && isMaildir(path);
        if (format == Format.MAILDIR && !isMaildir(path)) {
            throw new IOException(path + " is not a Maildir: it has no cur, new or tmp directory");
        }
        List<Path> files = new ArrayList<>();
        if (maildir) {
            for (String sub : List.of("cur", "new", "tmp")) {
                Path d = path.resolve(sub);
                if (Files.isDirectory(d)) {
                    files.addAll(walk(d));
                }
            }
        } else {
            files.addAll(walk(path));
        }
        return new MailboxReader(format == Format.MAILDIR ? Format.EMAIL : format, files);
    }

    /** Whether a directory is a Maildir: it has a cur or a new directory. */
    public static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
    }

    private static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The next message, or empty at the end. Unreadable files give a message with an error. */
    public Optional<Message> next() throws IOException {
        while (true) {
            if (mbox != null) {
                Mbox.Entry e;
                try {
                    e = mbox.next();
                } catch (IOException ex) {
                    String name = mboxName;
                    closeOpen();
                    return Optional.of(new Message(name, OptionalInt.of(mboxIndex + 1), InputStream.nullInputStream(),
                            Optional.of("the mailbox could not be read to the end: " + reason(ex))));
                }
                if (e != null) {
                    mboxIndex++;
                    Optional<String> error = e.kind() == Mbox.Kind.NO_FROM_LINE
                            ? Optional.of("text that does not start with a From_ line: not a message of an mbox")
                            : Optional.empty();
                    return Optional.of(new Message(mboxName, OptionalInt.of(mboxIndex), e.content(), error));
                }
                closeOpen();
            }
            closeOpen();
            Path file = files.poll();
            if (file == null) {
                return Optional.empty();
            }
            String name = file.toString();
            InputStream in;
            try {
                in = unpack(new BufferedInputStream(Files.newInputStream(file), 65536));
            } catch (IOException ex) {
                return Optional.of(new Message(name, OptionalInt.empty(), InputStream.nullInputStream(),
                        Optional.of("cannot read " + name + ": " + reason(ex))));
            }
            open = in;
            boolean isMbox = format == Format.MBOX || format == Format.AUTO && startsWithFromLine(in);
            if (isMbox) {
                mbox = new Mbox(in);
                mboxName = name;
                mboxIndex = 0;
                continue;
            }
            return Optional.of(new Message(name, OptionalInt.empty(), in, Optional.empty()));
        }
    }

    /**
     * Reads every message with the reader and hands each record on, in order; an unreadable message gives a
     * record with an error and the rest are still read.
     */
    public void forEach(BounceReader reader, Consumer<EmailRecord> consumer) throws IOException {
        while (true) {
            Optional<Message> m = next();
            if (m.isEmpty()) {
                return;
            }
            for (EmailRecord r : read(reader, m.get())) {
                consumer.accept(r);
            }
        }
    }

    /** The records of one message: its error, or what the reader makes of it. */
    public static List<EmailRecord> read(BounceReader reader, Message m) {
        if (m.error().isPresent()) {
            return List.of(EmailRecord.unreadable(m.file(), m.index(), m.error().get()));
        }
        try {
            return reader.read(m.content(), m.file(), m.index());
        } catch (IOException e) {
            return List.of(EmailRecord.unreadable(m.file(), m.index(), "cannot read the message: " + reason(e)));
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.io.EOFException) {
            return "unexpected end of compressed data";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file unpacked as the line readers unpack theirs, buffered so the container can be sniffed. */
    private static InputStream unpack(InputStream in) throws IOException {
        return new BufferedInputStream(Decompression.open(in), 65536);
    }

    private static boolean startsWithFromLine(InputStream in) throws IOException {
        in.mark(5);
        byte[] b = in.readNBytes(5);
        in.reset();
        return b.length == 5 && b[0] == 'F' && b[1] == 'r' && b[2] == 'o' && b[3] == 'm' && b[4] == ' ';
    }

    private void closeOpen() throws IOException {
        mbox = null;
        if (open != null) {
            InputStream o = open;
            open = null;
            o.close();
        }
    }

    @Override
    public void close() throws IOException {
        files.clear();
        closeOpen();
    }
}
