package io.smtpverdict.cli;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where the replies come from and how to read them; shared by {@code classify} and {@code stats}. */
final class InputOptions {
    @Parameters(paramLabel = "REPLY", arity = "0..*",
            description = "Replies to read, one record each. Without any, the --input files are read, "
                    + "else standard input, one reply per line.")
    List<String> replies = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Read replies from FILE, one per line; repeatable; '-' is standard input. "
                    + "Gzip-compressed input (.gz) is unpacked on the fly. A directory, an email, an mbox or a "
                    + "Maildir is read as whole emails, one record per recipient.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "How to read input lines: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, decided per "
                    + "line; files named .csv or .csv.gz are read as CSV; directories, emails and mboxes are "
                    + "recognised by their content).")
    InputFormat inputFormat = InputFormat.AUTO;

    @Option(names = "--field", paramLabel = "POINTER",
            description = "For JSON Lines: the JSON pointer of the reply, e.g. /raw_reason or "
                    + "/msys/message_event/raw_reason (default: the first of those found).")
    Optional<String> field = Optional.empty();

    @Option(names = "--column", paramLabel = "NAME",
            description = "For CSV: the header name of the reply column (default: " + CsvRecordSource.DEFAULT_COLUMN
                    + ", PowerMTA accounting).")
    Optional<String> column = Optional.empty();

    @Option(names = "--original-header", paramLabel = "NAME",
            description = "For emails: also copy this header field of the returned original message into each "
                    + "record (e.g. X-Campaign-Id); repeatable.")
    List<String> originalHeaders = new ArrayList<>();

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Longer lines are not classified and get a record with an error (default: ${DEFAULT-VALUE}).")
    int maxLineBytes = 1 << 20;

    /** The {@code --field} pointer, compiled. */
    Optional<JsonPointer> fieldPointer() {
        if (field.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonPointer.compile(field.get()));
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("invalid --field '" + field.get() + "': a JSON pointer starts with '/', e.g. "
                    + "/raw_reason");
        }
    }

    /** Checks the combination of options before anything is read. */
    void validate() {
        fieldPointer();
        if (maxLineBytes < 256) {
            throw CliFailure.usage("--max-line-bytes must be at least 256: " + maxLineBytes);
        }
        if (!replies.isEmpty() && !inputs.isEmpty()) {
            throw CliFailure.usage("give replies as arguments or with --input, not both");
        }
        boolean emails = inputFormat == InputFormat.EMAIL || inputFormat == InputFormat.MBOX
                || inputFormat == InputFormat.MAILDIR;
        if (!replies.isEmpty() && emails) {
            throw CliFailure.usage("--input-format " + inputFormat + " reads files and directories: use --input PATH");
        }
        if (!replies.isEmpty() && inputFormat == InputFormat.CSV) {
            throw CliFailure.usage("--input-format csv reads files with a header row: use --input FILE");
        }
        if (inputs.stream().filter("-"::equals).count() > 1) {
            throw CliFailure.usage("standard input ('-') can be read only once");
        }
    }
}
