package org.egovmonitor.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.egovmonitor.testing.Await;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundedFanOutTest {

    private static final Duration ENDS = Duration.ofSeconds(30);

    private static List<Integer> items(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static List<Thread> alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix + "-")).toList();
    }

    @Nested
    class Mapping {

        @ParameterizedTest(name = "{0} items, at most {1} at a time")
        @CsvSource({"0, 1", "1, 1", "5, 1", "10, 3", "3, 8", "200, 4"})
        void map_anySizeAndParallelism_resultsInItemOrderAndNoThreadLeft(int n, int maxParallel) {
            String name = "fanout-order-" + n + "-" + maxParallel;
            Set<String> threadNames = ConcurrentHashMap.newKeySet();
            List<String> out = new BoundedFanOut(name, maxParallel).map(items(n), i -> {
                threadNames.add(Thread.currentThread().getName());
                assertThat(Thread.currentThread().isDaemon()).isTrue();
                return i % 7 == 0 ? null : "r" + i;
            }, (i, e) -> "failed");

            assertThat(out).containsExactlyElementsOf(items(n).stream().map(i -> i % 7 == 0 ? null : "r" + i).toList());
            assertThat(threadNames).hasSizeLessThanOrEqualTo(Math.min(n, maxParallel))
                    .allMatch(t -> t.startsWith(name + "-"));
            assertThat(alive(name)).isEmpty();
        }

        @ParameterizedTest(name = "{0} items, at most {1} at a time")
        @CsvSource({"1, 1", "6, 1", "12, 3", "3, 3", "40, 5"})
        void map_moreItemsThanThreads_exactlyMaxParallelRunAtOnce(int n, int maxParallel) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            // The first maxParallel items wait until all of them have started: the peak is reached, never passed.
            CountDownLatch allStarted = new CountDownLatch(Math.min(n, maxParallel));
            List<Integer> out = new BoundedFanOut("fanout-bound", maxParallel).map(items(n), i -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                allStarted.countDown();
                try {
                    allStarted.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                running.decrementAndGet();
                return i;
            }, (i, e) -> -1);

            assertThat(out).isEqualTo(items(n));
            assertThat(most.get()).isEqualTo(Math.min(n, maxParallel));
        }

        @Test
        void map_oneItemThrows_itsCauseGoesToOnFailureAndTheOthersComplete() {
            IllegalStateException boom = new IllegalStateException("boom");
            List<Throwable> causes = new ArrayList<>();
            List<String> out = new BoundedFanOut("fanout-fail", 2).map(items(5), i -> {
                if (i == 2) {
                    throw boom;
                }
                return "r" + i;
            }, (i, e) -> {
                causes.add(e);
                return "failed " + i;
            });

            assertThat(out).containsExactly("r0", "r1", "failed 2", "r3", "r4");
            assertThat(causes).containsExactly(boom);
        }

        @Test
        void map_callerInterrupted_remainingItemsNeverStartAndGetInterruptedFailure() throws Exception {
            int maxParallel = 2;
            CountDownLatch started = new CountDownLatch(maxParallel);
            CountDownLatch never = new CountDownLatch(1);
            AtomicInteger starts = new AtomicInteger();
            Set<Thread> workers = ConcurrentHashMap.newKeySet();
            AtomicReference<List<String>> result = new AtomicReference<>();
            AtomicReference<Boolean> flagAfter = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                result.set(new BoundedFanOut("fanout-interrupt", maxParallel).map(items(10), i -> {
                    workers.add(Thread.currentThread());
                    starts.incrementAndGet();
                    started.countDown();
                    try {
                        never.await();
                        return "done";
                    } catch (InterruptedException e) {
                        return "stopped";
                    }
                }, (i, e) -> e instanceof InterruptedException ? "interrupted" : "failed"));
                flagAfter.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            started.await();
            caller.interrupt();
            caller.join();

            // The two running items were interrupted too; they may have answered before the call returned.
            assertThat(result.get()).hasSize(10);
            assertThat(result.get().subList(0, maxParallel)).allMatch(r -> r.equals("interrupted")
                    || r.equals("stopped"));
            assertThat(result.get().subList(maxParallel, 10)).containsOnly("interrupted");
            assertThat(flagAfter.get()).as("the caller's interrupt flag is kept").isTrue();
            for (Thread w : workers) {
                w.join(); // the workers were interrupted: they end
            }
            assertThat(starts.get()).isEqualTo(maxParallel);
        }
    }

    @Nested
    class ForEach {

        @Test
        void forEach_allSucceed_everyItemRunOnceNoThreadLeft() throws Exception {
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            new BoundedFanOut("fanout-each", 3).forEach(items(50), i -> assertThat(seen.add(i)).isTrue());

            assertThat(seen).hasSize(50);
            assertThat(alive("fanout-each")).isEmpty();
        }

        @Test
        void forEach_itemThrows_causeSurfacesAndLaterItemsNeverStart() {
            Error boom = new AssertionError("boom");
            List<Integer> ran = new ArrayList<>();
            assertThatThrownBy(() -> new BoundedFanOut("fanout-each-fail", 1).forEach(items(6), i -> {
                ran.add(i);
                if (i == 2) {
                    throw boom;
                }
            })).isInstanceOf(ExecutionException.class).hasCause(boom);

            assertThat(ran).containsExactly(0, 1, 2);
            assertThat(alive("fanout-each-fail")).isEmpty();
        }

        @Test
        void forEach_callerInterrupted_throwsInterruptedAndWorkersEnd() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            Set<Thread> workers = ConcurrentHashMap.newKeySet();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flagAfter = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    new BoundedFanOut("fanout-each-interrupt", 1).forEach(items(3), i -> {
                        workers.add(Thread.currentThread());
                        started.countDown();
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (InterruptedException | ExecutionException e) {
                    thrown.set(e);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            started.await();
            caller.interrupt();
            caller.join();

            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(flagAfter.get()).as("cleared, as a blocking call that throws clears it").isFalse();
            Await.threadsEnded("an interrupted fan-out", ENDS, workers::contains);
        }
    }

    @Test
    void constructor_noParallelism_refused() {
        assertThatThrownBy(() -> new BoundedFanOut("fanout", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
