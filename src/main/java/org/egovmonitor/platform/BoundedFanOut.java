package org.egovmonitor.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one piece of work per item, at most {@code maxParallel} at a time, and hands the outcomes back in the items'
 * order. Each call starts its own daemon threads (named {@code threadName-N}, as {@link DaemonThreads} names them),
 * never more than there are items; each thread takes the next item until none is left, so the items start in order.
 * A call returns once every item is done and its threads have ended, so nothing it started outlives it.
 *
 * <p>Interrupting the calling thread stops the fan-out: no further item starts, the threads still running are
 * interrupted (and not waited for), the call returns at once, and the caller's interrupt flag is left set
 * ({@link #map}) or an {@link InterruptedException} is thrown ({@link #forEach}). Instances hold no threads and are
 * safe to share.
 */
public final class BoundedFanOut {

    /** Marks an item that finished with a null result (so a void fan-out keeps nothing per item). */
    private static final Object NULL_RESULT = new Object();

    private final String threadName;
    private final int maxParallel;

    public BoundedFanOut(String threadName, int maxParallel) {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("maxParallel must be at least 1");
        }
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.maxParallel = maxParallel;
    }

    /**
     * {@code work} applied to each item; the results in the items' order. An item whose work threw, or that had not
     * finished when the calling thread was interrupted, is given {@code onFailure(item, cause)} instead, on the calling
     * thread and in the items' order; the cause is then what the work threw, or an {@link InterruptedException}. A
     * failing item does not stop the others.
     */
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work,
                              BiFunction<? super T, ? super Throwable, ? extends R> onFailure) {
        Objects.requireNonNull(onFailure, "onFailure");
        Outcomes outcomes = run(items, work, false);
        List<R> out = new ArrayList<>(items.size());
        InterruptedException notFinished = null;
        for (int i = 0; i < items.size(); i++) {
            Object o = outcomes.results.get(i);
            if (o instanceof Failure f) {
                out.add(onFailure.apply(items.get(i), f.cause()));
            } else if (o == null) {
                if (notFinished == null) {
                    notFinished = new InterruptedException("the fan-out was interrupted");
                }
                out.add(onFailure.apply(items.get(i), notFinished));
            } else {
                @SuppressWarnings("unchecked")
                R r = o == NULL_RESULT ? null : (R) o;
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Runs {@code work} on each item. The first item whose work throws stops the fan-out: no further item starts,
     * those running finish, and what it threw is thrown as the cause of an {@link ExecutionException}. Interrupting
     * the calling thread throws {@link InterruptedException} (with the interrupt flag cleared, as blocking calls do).
     */
    public <T> void forEach(List<T> items, Consumer<? super T> work) throws InterruptedException, ExecutionException {
        Outcomes outcomes = run(items, item -> {
            work.accept(item);
            return null;
        }, true);
        if (outcomes.interrupted) {
            Thread.interrupted();
            throw new InterruptedException("the fan-out was interrupted");
        }
        for (int i = 0; i < items.size(); i++) {
            if (outcomes.results.get(i) instanceof Failure f) {
                throw new ExecutionException(f.cause());
            }
        }
    }

    private <T, R> Outcomes run(List<T> items, Function<? super T, ? extends R> work, boolean stopOnFailure) {
        Objects.requireNonNull(work, "work");
        int n = items.size();
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(n);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n && !stop.get() && !Thread.currentThread().isInterrupted();
                 i = next.getAndIncrement()) {
                try {
                    R r = work.apply(items.get(i));
                    results.set(i, r == null ? NULL_RESULT : r);
                } catch (Throwable e) {
                    results.set(i, new Failure(e));
                    if (stopOnFailure) {
                        stop.set(true);
                    }
                }
            }
        };
        ThreadFactory factory = DaemonThreads.named(threadName);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < Math.min(maxParallel, n); w++) {
            Thread t = factory.newThread(worker);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
            return new Outcomes(results, false);
        } catch (InterruptedException e) {
            stop.set(true);
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            return new Outcomes(results, true);
        }
    }

    private record Failure(Throwable cause) {
    }

    /** Per item its result, {@link #NULL_RESULT}, a {@link Failure}, or null when it had not finished. */
    private record Outcomes(AtomicReferenceArray<Object> results, boolean interrupted) {
    }
}
