package io.smtpverdict.core.testing;

import io.smtpverdict.core.VerdictEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Engines made from one user table written in a test, with no plugin beside it. */
public final class UserTables {
    private UserTables() {
    }

    /** An engine whose only rules are the JSON table {@code json}, written as {@code name} into {@code dir}. */
    public static VerdictEngine engine(Path dir, String name, String json) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return VerdictEngine.builder().ruleTable(file).build();
    }
}
