package io.podwatch.core.lifecycle;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread naming and executor shutdown with a deadline, so every thread is recognisable and stoppable. */
public final class NamedThreads {
    private NamedThreads() {
    }

    /** Daemon threads named {@code prefix}, {@code prefix-2}, ... */
    public static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            int i = n.incrementAndGet();
            Thread t = new Thread(r, i == 1 ? prefix : prefix + "-" + i);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops an executor: no new work, interrupt what runs after the deadline; never throws. */
    public static void shutdown(ExecutorService executor, Duration deadline) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(500, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for a thread told to stop: {@code grace} for it to finish, then interrupts it and waits
     * {@code afterInterrupt} more. Never throws; restores the caller's interrupt flag.
     */
    public static void join(Thread thread, Duration grace, Duration afterInterrupt) {
        try {
            thread.join(grace.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(afterInterrupt.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
