package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

final class SharedWorkTest {
    @RepeatedTest(20)
    void get_everyTaskRunsOnce_andResultsKeepTheirNumbers() {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        AtomicInteger runs = new AtomicInteger();
        SharedWork<String> work = SharedWork.start(200, i -> {
            runs.incrementAndGet();
            ran.add(i);
            return "task " + i;
        });
        for (int i = 0; i < 200; i++) {
            assertThat(work.get(i)).isEqualTo("task " + i);
        }
        assertThat(runs.get()).isEqualTo(200);
        assertThat(ran).hasSize(200);
    }

    @RepeatedTest(20)
    void get_aTaskThatThrows_throwsTheSameException_forThatTaskOnly() {
        IllegalStateException failure = new IllegalStateException("task 3");
        SharedWork<Integer> work = SharedWork.start(8, i -> {
            if (i == 3) {
                throw failure;
            }
            return i;
        });
        assertThat(work.get(2)).isEqualTo(2);
        assertThatThrownBy(() -> work.get(3)).isSameAs(failure);
        assertThat(work.get(7)).isEqualTo(7);
    }

    @Test
    void get_anErrorInATask_isThrownAsThatError() {
        StackOverflowError error = new StackOverflowError();
        SharedWork<Integer> work = SharedWork.start(1, i -> {
            throw error;
        });
        assertThatThrownBy(() -> work.get(0)).isSameAs(error);
    }

    @RepeatedTest(5)
    void abandon_runsNoMoreTasks_andReturnsOnceTheClaimedOnesEnd() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        SharedWork<Integer> work = SharedWork.start(1000, i -> {
            running.incrementAndGet();
            runs.incrementAndGet();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return i;
        });
        work.abandon();
        assertThat(running.get()).isZero();
        int after = runs.get();
        Thread.sleep(20);
        assertThat(runs.get()).isEqualTo(after).isLessThan(1000);
    }
}
