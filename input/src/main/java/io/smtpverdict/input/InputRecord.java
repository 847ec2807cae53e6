package io.smtpverdict.input;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.core.ClassifyContext;
import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One unit of input and what was read from it: the reply to classify and what the MTA reported about it, or why
 * there is none. Classify it with {@link #classify(VerdictEngine, ClassifyOptions)}.
 *
 * @param source the input file name, empty for arguments and standard input
 * @param position where it stands: {@code line} (1-based line number) or {@code arg} (1-based argument number)
 * @param number the line or argument number
 * @param lines how many physical lines it spans (multi-line replies, folded DSN fields, quoted CSV fields)
 * @param index the position inside a JSON array or among an event's recipients, if it came from one
 * @param input the original text
 * @param reply the text to classify; empty when the record is an error or was skipped
 * @param context values read from around the reply: {@code recipient}, {@code relay}, {@code queueId},
 *     {@code time}, {@code logStatus}, {@code event}, {@code dsn}, {@code format}, {@code command} (the SMTP command
 *     a log record says the reply answered, whose stage is the classification's stage hint) ...
 * @param mta what the MTA or ESP itself reported: its decision and logged status code ({@link ClassifyContext#NONE}
 *     when the input does not say)
 * @param error why the input could not be read or parsed
 * @param warning something worth knowing that did not stop classification (e.g. invalid UTF-8 replaced)
 * @param skipped why a recognised line holds no reply (e.g. a DSN field other than Diagnostic-Code)
 * @param verdict the verdict the reader already decided (whole emails: the DSN's Action counts, feedback reports
 *     and auto-replies are no reply texts); when present it is used instead of classifying {@code reply}
 */
public record InputRecord(Optional<String> source, String position, long number, int lines, OptionalInt index,
        String input, Optional<String> reply, Map<String, String> context, ClassifyContext mta, Optional<String> error,
        Optional<String> warning, Optional<String> skipped, Optional<Verdict> verdict) {
    /** Longest input echoed in a record that could not be read; the rest is cut. */
    public static final int ECHO_LIMIT = 1000;

    /** Validates the parts. */
    public InputRecord {
        requireNonNull(source, "source is null");
        requireNonNull(position, "position is null");
        requireNonNull(index, "index is null");
        requireNonNull(input, "input is null");
        requireNonNull(reply, "reply is null");
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        requireNonNull(mta, "mta is null");
        requireNonNull(error, "error is null");
        requireNonNull(warning, "warning is null");
        requireNonNull(skipped, "skipped is null");
        requireNonNull(verdict, "verdict is null");
    }

    /** A record whose reply is still to be classified. */
    public InputRecord(Optional<String> source, String position, long number, int lines, OptionalInt index,
            String input, Optional<String> reply, Map<String, String> context, ClassifyContext mta,
            Optional<String> error, Optional<String> warning, Optional<String> skipped) {
        this(source, position, number, lines, index, input, reply, context, mta, error, warning, skipped,
                Optional.empty());
    }

    /**
     * The verdict of this record: the one its reader already decided, else the engine's for the reply weighed with
     * what the MTA reported, if there is a reply. Never throws.
     */
    public Optional<Verdict> classify(VerdictEngine engine, ClassifyOptions options) {
        if (verdict.isPresent()) {
            return verdict;
        }
        Stage logged = options.stageHint() == Stage.UNKNOWN ? stageOfCommand(context.get("command")) : Stage.UNKNOWN;
        ClassifyOptions o = logged == Stage.UNKNOWN ? options : options.withStage(logged);
        return reply.map(r -> engine.classify(r, mta, o));
    }

    /**
     * The stage of the SMTP command a log record says the reply answered ({@code command} in the context, e.g.
     * {@code RCPT TO:<a@b.example>}, {@code DATA}, {@code .} for the end of the message), or UNKNOWN.
     */
    static Stage stageOfCommand(String command) {
        if (command == null) {
            return Stage.UNKNOWN;
        }
        String c = command.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.equals(".")) {
            return Stage.BODY;
        }
        int end = 0;
        while (end < c.length() && c.charAt(end) >= 'A' && c.charAt(end) <= 'Z') {
            end++;
        }
        switch (c.substring(0, end)) {
            case "RCPT":
                return Stage.RCPT;
            case "MAIL":
                return Stage.MAIL;
            case "DATA":
            case "BDAT":
                return Stage.DATA;
            case "EHLO":
            case "HELO":
            case "LHLO":
                return Stage.HELO;
            case "STARTTLS":
                return Stage.TLS;
            case "AUTH":
                return Stage.AUTH;
            default:
                return Stage.UNKNOWN;
        }
    }

    /**
     * Where a record starts: which source, which line or argument.
     *
     * @param source the input file name, empty for arguments and standard input
     * @param position {@code line} or {@code arg}
     * @param number the 1-based line or argument number
     * @param lines how many physical lines it spans
     * @param index the position inside a JSON array or an event's recipients, if any
     */
    public record Origin(Optional<String> source, String position, long number, int lines, OptionalInt index) {
        /** Validates the parts. */
        public Origin {
            requireNonNull(source, "source is null");
            requireNonNull(position, "position is null");
            requireNonNull(index, "index is null");
        }

        /** The same origin spanning this many lines. */
        Origin spanning(int count) {
            return new Origin(source, position, number, count, index);
        }

        /** The same origin at this index of a JSON array. */
        Origin at(int i) {
            return new Origin(source, position, number, lines, OptionalInt.of(i));
        }
    }

    /** A record with a reply to classify. */
    static InputRecord reply(Origin at, String input, String reply, Map<String, String> context, ClassifyContext mta,
            Optional<String> warning) {
        return new InputRecord(at.source(), at.position(), at.number(), at.lines(), at.index(), input,
                Optional.of(reply), context, mta, Optional.empty(), warning, Optional.empty());
    }

    /** A record with a reply to classify and nothing known besides it. */
    static InputRecord reply(Origin at, String input, String reply, Map<String, String> context,
            Optional<String> warning) {
        return reply(at, input, reply, context, ClassifyContext.NONE, warning);
    }

    /** The same record without a reply, carrying an error instead (e.g. when classifying it failed). */
    public InputRecord withError(String why) {
        return new InputRecord(source, position, number, lines, index, input, Optional.empty(), context, mta,
                Optional.of(why), warning, skipped, Optional.empty());
    }

    /** A record for input that could not be read or parsed. */
    static InputRecord error(Origin at, String input, String error) {
        return new InputRecord(at.source(), at.position(), at.number(), at.lines(), at.index(), echo(input),
                Optional.empty(), Map.of(), ClassifyContext.NONE, Optional.of(error), Optional.empty(),
                Optional.empty());
    }

    /** A record for a recognised line that holds no reply. */
    static InputRecord skipped(Origin at, String input, Map<String, String> context, String why) {
        return new InputRecord(at.source(), at.position(), at.number(), at.lines(), at.index(), echo(input),
                Optional.empty(), context, ClassifyContext.NONE, Optional.empty(), Optional.empty(), Optional.of(why));
    }

    /** The input as echoed in an error record: cut at {@link #ECHO_LIMIT} characters. */
    public static String echo(String input) {
        return input.length() <= ECHO_LIMIT ? input : input.substring(0, ECHO_LIMIT) + "…";
    }
}
