package io.smtpverdict.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Numbered tasks shared between the thread that needs their results and at most one helper from the common pool.
 *
 * <p>Each task is claimed once, by whichever thread comes first, so the caller never waits for a helper that has not
 * started (the pool may be busy with the application's work, or have no thread to spare): it then runs the tasks
 * itself, as it would without a helper. No helper is asked for on a single processor, where it could only take
 * turns with the caller. No thread is started or left running: the helper is a task of the pool that ends once
 * every task is claimed.
 */
final class SharedWork<T> {
    private final IntFunction<T> task;
    /** Each task's result or failure, completed by the thread that claimed it; the completion publishes it. */
    private final CompletableFuture<T>[] results;
    /** The next task to claim; from the count on, every task is claimed. */
    private final AtomicInteger next = new AtomicInteger();

    @SuppressWarnings("unchecked")
    private SharedWork(int count, IntFunction<T> task) {
        this.task = task;
        this.results = new CompletableFuture[count];
        for (int i = 0; i < count; i++) {
            results[i] = new CompletableFuture<>();
        }
    }

    /** Tasks 0 to {@code count - 1}, which a helper starts on when there is a second processor. */
    static <T> SharedWork<T> start(int count, IntFunction<T> task) {
        SharedWork<T> work = new SharedWork<>(count, task);
        if (count > 0 && Runtime.getRuntime().availableProcessors() > 1) {
            ForkJoinPool.commonPool().execute(work::runClaimed);
        }
        return work;
    }

    /**
     * Task {@code i}'s result, once the caller has run every task no helper has claimed yet: a task's exception or
     * error is thrown here, as the caller would have met it running the task itself.
     */
    T get(int i) {
        runClaimed();
        try {
            return results[i].join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Claims every task not claimed yet, running none of them, and waits for those a helper is running: what they
     * read (an open jar) may then be closed. Their results and failures are dropped.
     */
    void abandon() {
        int claimed = Math.min(next.getAndSet(results.length), results.length);
        for (int i = 0; i < claimed; i++) {
            results[i].exceptionally(e -> null).join();
        }
    }

    private void runClaimed() {
        for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
            try {
                results[i].complete(task.apply(i));
            } catch (RuntimeException | Error e) {
                results[i].completeExceptionally(e);
            }
        }
    }
}
