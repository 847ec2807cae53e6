package io.smtpverdict.input;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.List;
import java.util.Optional;

/**
 * How an input is read.
 *
 * @param format how lines are read ({@link InputFormat#AUTO} decides per line)
 * @param fields for JSON: where the reply is, tried in order; empty to recognise the event by its shape
 * @param column for CSV: the header name of the reply column; empty for PowerMTA's {@code dsnDiag}
 * @param maxLineBytes longer lines are not classified and give a record with an error
 */
public record ReadOptions(InputFormat format, List<JsonPointer> fields, Optional<String> column, int maxLineBytes) {
    /** Automatic format, no field or column named, lines up to 1 MiB. */
    public static final ReadOptions DEFAULT = new ReadOptions(InputFormat.AUTO, List.of(), Optional.empty(), 1 << 20);

    /** Validates the parts. */
    public ReadOptions {
        requireNonNull(format, "format is null");
        fields = List.copyOf(fields);
        requireNonNull(column, "column is null");
        if (maxLineBytes < 256) {
            throw new IllegalArgumentException("maxLineBytes must be at least 256: " + maxLineBytes);
        }
    }

    /** The same options with this format. */
    public ReadOptions withFormat(InputFormat value) {
        return new ReadOptions(value, fields, column, maxLineBytes);
    }

    /** The same options with these JSON pointers for the reply (e.g. {@code /raw_reason}). */
    public ReadOptions withFields(List<JsonPointer> value) {
        return new ReadOptions(format, value, column, maxLineBytes);
    }

    /** The same options with this CSV reply column. */
    public ReadOptions withColumn(String value) {
        return new ReadOptions(format, fields, Optional.of(requireNonNull(value, "value is null")), maxLineBytes);
    }

    /** The same options with this line limit. */
    public ReadOptions withMaxLineBytes(int value) {
        return new ReadOptions(format, fields, column, value);
    }
}
