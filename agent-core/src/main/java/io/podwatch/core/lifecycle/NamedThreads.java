package io.podwatch.core.lifecycle;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread naming and executor shutdown with a deadline, so every thread is recognisable and
 * stoppable; every thread made here carries {@link #UNCAUGHT}, so a thread that dies says so.
 */
public final class NamedThreads {
    private static final Logger LOG = LoggerFactory.getLogger(NamedThreads.class);
    private static final LongAdder DIED = new LongAdder();

    /**
     * Logs a thread's death with its stack trace and counts it ({@link #died()}). The owners catch
     * Throwable at their loop's boundary, so this fires only for what escapes them — which would
     * otherwise vanish without a line (the JVM's default prints to stderr at best).
     */
    public static final Thread.UncaughtExceptionHandler UNCAUGHT = (t, e) -> {
        DIED.increment();
        try {
            LOG.error("thread {} died: {}; what it did has stopped", t.getName(), e.toString(), e);
        } catch (Throwable ignored) {
            // logging itself failed (out of memory): the count above still tells
        }
    };

    private NamedThreads() {
    }

    /** Threads that ended through an uncaught exception since start: {@code podwatch_threads_died_total}. */
    public static long died() {
        return DIED.sum();
    }

    /** A daemon thread (not started) named {@code name}, reporting its death through {@link #UNCAUGHT}. */
    public static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler(UNCAUGHT);
        return t;
    }

    /** Daemon threads named {@code prefix}, {@code prefix-2}, ... */
    public static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            int i = n.incrementAndGet();
            return thread(i == 1 ? prefix : prefix + "-" + i, r);
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
