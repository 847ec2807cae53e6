package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** Standard output as the commands write it, with write errors turned into a quiet stop or an exit code 1. */
final class Output {
    private final PrintWriter out;
    private final Optional<TrackingWriter> tracking;

    Output(PrintWriter out, Optional<TrackingWriter> tracking) {
        this.out = requireNonNull(out, "out is null");
        this.tracking = requireNonNull(tracking, "tracking is null");
    }

    /** The writer. */
    PrintWriter writer() {
        return out;
    }

    /**
     * Flushes and checks for a write error.
     *
     * @throws ReaderGone when the reader of a pipe went away (e.g. {@code | head}): the command ends quietly
     * @throws CliFailure (exit 1) for any other write error, e.g. a full disk, with its reason
     */
    void check() {
        if (!out.checkError() && tracking.flatMap(TrackingWriter::failure).isEmpty()) {
            return;
        }
        Optional<IOException> failure = tracking.flatMap(TrackingWriter::failure);
        String reason = failure.map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                .orElse("write error");
        if (isClosedPipe(reason)) {
            throw new ReaderGone();
        }
        throw CliFailure.runtime("cannot write output: " + reason);
    }

    /**
     * Writes records already rendered as UTF-8 after everything written so far (as bytes where the output takes
     * them); a write error surfaces through {@link #check()}, as one on the writer does.
     */
    void writeUtf8(ChunkedBytes utf8) {
        out.flush();
        try {
            if (tracking.isPresent()) {
                tracking.get().writeUtf8(utf8);
            } else {
                utf8.writeTo(out);
            }
        } catch (IOException e) {
            // remembered by the tracking writer; check() reports it
        }
    }

    private static boolean isClosedPipe(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        return r.contains("broken pipe") || r.contains("pipe is being closed") || r.contains("pipe has been ended");
    }

    /** The reader of standard output went away; nothing more can be written, and that is not an error. */
    static final class ReaderGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReaderGone() {
            super("output closed by its reader", null, false, false);
        }
    }
}
