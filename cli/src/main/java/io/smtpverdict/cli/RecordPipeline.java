package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import io.smtpverdict.input.InputRecord;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Reads, classifies and hands on records, keeping input order. With one thread everything happens on the calling
 * thread, one record after the other. With more, one reader thread cuts the input into batches, {@code threads}
 * classifier threads decide the batches' verdicts, and the calling thread receives the records in input order: the
 * batches wait in a bounded queue in the order they were read, so memory stays flat however long the input is.
 */
final class RecordPipeline {
    /** Most records per batch: large enough that handing a batch on costs little per record. */
    static final int BATCH_RECORDS = 512;

    /** Most input characters per batch, so that a batch of long lines does not hold megabytes. */
    static final int BATCH_CHARS = 256 * 1024;

    /**
     * How many batches may be in flight: enough that every classifier has one while the sink drains another, and no
     * more than a budget of memory holds (a batch's input and its rendered output, about 1 MB at most), so that many
     * cores in a small heap wait for one another instead of filling it; at least four.
     */
    static int inFlight(int threads, long budget) {
        long perBatch = 4L * BATCH_CHARS; // its characters (two bytes each) and about as much rendered output
        return (int) Math.min(2L * threads + 2, Math.max(4, budget / perBatch));
    }

    /** One record and its verdict (empty when the record holds no reply or could not be classified). */
    record Classified(InputRecord record, Optional<Verdict> verdict) {
    }

    /** Decides one record's verdict; called from several threads at once, so it must be thread-safe. */
    interface Classifier {
        /** The record (possibly replaced, e.g. by one carrying an error) and its verdict. */
        Classified classify(InputRecord record);
    }

    /** Receives the classified records in input order, always on the thread that called {@link #run}. */
    interface Sink {
        /** One record. */
        void accept(Classified classified);

        /** The reader is about to wait for more input: a good moment to flush what was written. */
        default void readPause() {
        }

        /** Several records a {@link Renderer} has already written, in input order; only called when there is one. */
        default void acceptRendered(ChunkedBytes rendered, int records) {
            throw new UnsupportedOperationException("this sink takes no rendered records");
        }
    }

    /**
     * Writes a batch of classified records to a buffer on a classifier thread, so that the calling thread only copies
     * the text. Only for formats whose records do not depend on each other (JSON Lines).
     */
    interface Renderer {
        /** Writes the records, in order, exactly as the sink would have written them one by one. */
        void render(Classified[] records, int size, OutputStream to) throws IOException;
    }

    private final int threads;
    private final Classifier classifier;
    private final Sink sink;
    private final Optional<Renderer> renderer;
    private volatile long read;

    // Multi-threaded state: set in run(), used by the reader thread (and the calling thread on abort).
    private BlockingQueue<Batch> work;
    private BlockingQueue<Batch> ordered;
    private Batch current;
    private Queue<byte[]> chunks;
    private volatile boolean cancelled;

    /**
     * @param threads classifier threads; 1 classifies on the calling thread without any other thread
     */
    RecordPipeline(int threads, Classifier classifier, Sink sink) {
        this(threads, classifier, sink, Optional.empty());
    }

    /**
     * @param threads classifier threads; 1 classifies on the calling thread without any other thread
     * @param renderer when present and {@code threads > 1}, writes the records of each batch on its classifier
     *     thread and the sink receives them through {@link Sink#acceptRendered}
     */
    RecordPipeline(int threads, Classifier classifier, Sink sink, Optional<Renderer> renderer) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.classifier = requireNonNull(classifier, "classifier is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.renderer = requireNonNull(renderer, "renderer is null");
    }

    /** How many records have been read so far (for progress lines; any thread may ask). */
    long recordsRead() {
        return read;
    }

    /**
     * The progress hook to give the {@link ReplyReader}: it runs {@code then} and lets the sink flush when the reader
     * is about to wait for input (with several threads, once the records read so far have reached the sink).
     */
    ReplyReader.Progress progress(ReplyReader.Progress then) {
        requireNonNull(then, "then is null");
        if (threads == 1) {
            return (source, bytesRead, total) -> {
                sink.readPause();
                then.reading(source, bytesRead, total);
            };
        }
        return (source, bytesRead, total) -> {
            handOff(true);
            then.reading(source, bytesRead, total);
        };
    }

    /**
     * Reads every record of the reader, classifies it and hands it to the sink, in input order.
     *
     * @return what {@link ReplyReader#forEach} returned: whether every input was read to its end
     * @throws RuntimeException whatever the reader, a classifier or the sink threw (the first of them); records read
     *     before a reader failure have all reached the sink
     */
    boolean run(ReplyReader reader) {
        if (threads == 1) {
            return reader.forEach(record -> {
                read++;
                sink.accept(classifier.classify(record));
            });
        }
        return runParallel(reader);
    }

    private boolean runParallel(ReplyReader reader) {
        long budget = Runtime.getRuntime().maxMemory() / 8;
        int inFlight = inFlight(threads, budget);
        work = new ArrayBlockingQueue<>(inFlight);
        ordered = new ArrayBlockingQueue<>(inFlight);
        current = new Batch();
        // Typical rendered batches (512 records of about 700 bytes) take about half a dozen chunks; keep up to 1 MB
        // of them per batch in flight, and no more than the budget.
        chunks = ChunkedBytes.pool((int) Math.min(inFlight * 16L, Math.max(16, budget / ChunkedBytes.CHUNK)));
        List<Thread> started = new ArrayList<>(threads + 1);
        for (int i = 0; i < threads; i++) {
            started.add(start("verdict-classify-" + (i + 1), this::classifyBatches));
        }
        boolean[] complete = {false};
        started.add(start("verdict-read", () -> read(reader, complete)));
        boolean done = false;
        try {
            while (true) {
                Batch batch = ordered.take();
                batch.done.await();
                if (batch.failure != null) {
                    throw rethrow(batch.failure);
                }
                if (batch.rendered != null) {
                    sink.acceptRendered(batch.rendered, batch.size);
                    batch.rendered.release();
                    batch.rendered = null;
                } else {
                    for (int i = 0; i < batch.size; i++) {
                        sink.accept(batch.out[i]);
                        batch.out[i] = null;
                    }
                }
                if (batch.last) {
                    if (batch.readFailure != null) {
                        throw rethrow(batch.readFailure);
                    }
                    done = true;
                    return complete[0];
                }
                if (batch.flush) {
                    sink.readPause();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for classified records", e);
        } finally {
            if (!done) {
                cancelled = true;
                started.forEach(Thread::interrupt);
            }
            // The classifiers end on the poison batches the reader queued after its last batch.
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        // A reader blocked on standard input must not keep the process alive once the output is done.
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The reader thread: records into batches, batches into both queues, then the last batch and the poison. */
    private void read(ReplyReader reader, boolean[] complete) {
        Throwable failure = null;
        try {
            complete[0] = reader.forEach(record -> {
                if (cancelled) {
                    throw new Cancelled();
                }
                read++;
                current.add(record);
                if (current.size == BATCH_RECORDS || current.chars >= BATCH_CHARS) {
                    handOff(false);
                }
            });
        } catch (Cancelled e) {
            return;
        } catch (Throwable t) {
            failure = t;
        }
        try {
            handOff(false);
            Batch last = new Batch();
            last.last = true;
            last.readFailure = failure;
            last.done.countDown();
            ordered.put(last);
            for (int i = 0; i < threads; i++) {
                work.put(Batch.POISON);
            }
        } catch (InterruptedException | Cancelled e) {
            // the calling thread gave up: nobody waits for the rest
        }
    }

    /** Queues the batch being filled (if it holds records or asks for a flush) and starts a new one. */
    private void handOff(boolean flush) {
        Batch batch = current;
        if (batch.size == 0 && !flush) {
            return;
        }
        batch.flush = flush;
        current = new Batch();
        try {
            ordered.put(batch);
            if (batch.size == 0) {
                batch.done.countDown();
            } else {
                work.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    /** A classifier thread: takes batches until the poison batch and decides each record's verdict. */
    private void classifyBatches() {
        try {
            while (true) {
                Batch batch = work.take();
                if (batch == Batch.POISON) {
                    return;
                }
                try {
                    for (int i = 0; i < batch.size; i++) {
                        batch.out[i] = classifier.classify(batch.in[i]);
                        batch.in[i] = null;
                    }
                    if (renderer.isPresent()) {
                        ChunkedBytes to = new ChunkedBytes(chunks);
                        renderer.get().render(batch.out, batch.size, to);
                        batch.rendered = to;
                        Arrays.fill(batch.out, 0, batch.size, null);
                    }
                } catch (Throwable t) {
                    batch.failure = t;
                } finally {
                    batch.done.countDown();
                }
            }
        } catch (InterruptedException e) {
            // cancelled
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IllegalStateException(t);
    }

    /** Up to {@link #BATCH_RECORDS} records in input order, then their classifications. */
    private static final class Batch {
        static final Batch POISON = new Batch();

        final InputRecord[] in = new InputRecord[BATCH_RECORDS];
        final Classified[] out = new Classified[BATCH_RECORDS];
        final CountDownLatch done = new CountDownLatch(1);
        int size;
        long chars;
        boolean flush;
        boolean last;
        ChunkedBytes rendered;
        Throwable failure;
        Throwable readFailure;

        void add(InputRecord record) {
            in[size++] = record;
            chars += record.input().length();
        }
    }

    /** Unwinds the reader once the calling thread has stopped taking records. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("pipeline cancelled", null, false, false);
        }
    }
}
