package io.smtpverdict.cli;

import com.fasterxml.jackson.core.JsonPointer;
import io.smtpverdict.input.InputFormat;
import io.smtpverdict.input.ReadOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where the replies come from and how to read them; shared by {@code classify} and {@code stats}. */
final class InputOptions {
    /** The reply column of CSV input when none is named: PowerMTA accounting's diagnostic. */
    static final String DEFAULT_COLUMN = "dsnDiag";

    @Parameters(paramLabel = "REPLY", arity = "0..*",
            description = "Replies to read, one record each. Without any, the --input files are read, "
                    + "else standard input, one reply per line.")
    List<String> replies = new ArrayList<>();

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", arity = "1..*",
            description = "Read replies from these files, one per line, in order: --input a b c or a glob "
                    + "(--input /var/log/mail.log*); repeatable; '-' is standard input. Pipes, FIFOs, /dev/stdin and "
                    + "<(...) work. Gzip and bzip2 input is unpacked on the fly. A directory, an email, an mbox or a "
                    + "Maildir is read as whole emails, one record per recipient.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "How to read input lines: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, decided per "
                    + "line; files named .csv or .csv.gz are read as CSV; directories, emails and mboxes are "
                    + "recognised by their content).")
    InputFormat inputFormat = InputFormat.AUTO;

    @Option(names = "--field", paramLabel = "POINTER",
            description = "For JSON Lines: a JSON pointer of the reply, e.g. /raw_reason; repeatable, the first "
                    + "present wins. Without it, the events of SparkPost, Momentum, SendGrid, Mailgun, Amazon SES, "
                    + "Postmark, Mandrill, KumoMTA and GreenArrow are recognised by their shape.")
    List<String> fields = new ArrayList<>();

    @Option(names = "--column", paramLabel = "NAME",
            description = "For CSV: the header name of the reply column (default: " + DEFAULT_COLUMN
                    + ", PowerMTA accounting).")
    Optional<String> column = Optional.empty();

    @Option(names = "--original-header", paramLabel = "NAME",
            description = "For emails: also copy this header field of the returned original message into each "
                    + "record (e.g. X-Campaign-Id); repeatable.")
    List<String> originalHeaders = new ArrayList<>();

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Longer lines are not classified and get a record with an error (default: ${DEFAULT-VALUE}).")
    int maxLineBytes = 1 << 20;

    /** The {@code --field} pointers, compiled. */
    List<JsonPointer> fieldPointers() {
        List<JsonPointer> out = new ArrayList<>();
        for (String field : fields) {
            try {
                out.add(JsonPointer.compile(field));
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage("invalid --field '" + field + "': a JSON pointer starts with '/', e.g. "
                        + "/raw_reason");
            }
        }
        return out;
    }

    /** The options as the readers take them. */
    ReadOptions readOptions() {
        ReadOptions o = new ReadOptions(inputFormat, fieldPointers(), column, maxLineBytes);
        return o;
    }

    private static boolean isFile(String text) {
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(text));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** Checks the combination of options before anything is read. */
    void validate() {
        fieldPointers();
        if (maxLineBytes < 256) {
            throw CliFailure.usage("--max-line-bytes must be at least 256: " + maxLineBytes);
        }
        if (!replies.isEmpty() && !inputs.isEmpty()) {
            throw CliFailure.usage("give replies as arguments or with --input, not both");
        }
        if (!replies.isEmpty() && inputFormat.emails()) {
            throw CliFailure.usage("--input-format " + inputFormat + " reads files and directories: use --input PATH");
        }
        for (String reply : replies) {
            if (!reply.isBlank() && reply.indexOf('\n') < 0 && reply.length() < 4096 && isFile(reply)) {
                throw CliFailure.usage("'" + reply + "' is a file, not a reply: read it with --input " + reply);
            }
        }
        if (!replies.isEmpty() && inputFormat == InputFormat.CSV) {
            throw CliFailure.usage("--input-format csv reads files with a header row: use --input FILE");
        }
        if (inputs.stream().filter("-"::equals).count() > 1) {
            throw CliFailure.usage("standard input ('-') can be read only once");
        }
    }
}
