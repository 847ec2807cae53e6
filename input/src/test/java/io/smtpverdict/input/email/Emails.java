package io.smtpverdict.input.email;

import io.smtpverdict.core.VerdictEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalInt;

/** Shared test helpers: one engine with every plugin on the test class path, and reading test resources. */
final class Emails {
    static final VerdictEngine ENGINE = VerdictEngine.builder().discoverPlugins().build();
    static final BounceReader READER = BounceReader.of(ENGINE, List.of("X-Campaign-Id"));

    private Emails() {
    }

    /** The records of a golden email. */
    static List<EmailRecord> golden(String name) {
        return resource("golden/" + name);
    }

    /** The records of an email among this package's test resources. */
    static List<EmailRecord> resource(String path) {
        try (InputStream in = Emails.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return READER.read(in, path, OptionalInt.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of these bytes. */
    static List<EmailRecord> bytes(byte[] email) {
        try {
            return READER.read(new java.io.ByteArrayInputStream(email));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
