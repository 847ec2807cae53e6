package io.smtpverdict.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --format text|json} option shared by the commands that print one report. */
final class TextOrJson {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text or json (default: ${DEFAULT-VALUE}).")
    String format = "text";

    /** Whether JSON was asked for; a value other than text or json is a usage error. */
    boolean json() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw CliFailure.usage("--format must be text or json: " + format);
        }
        return f.equals("json");
    }
}
