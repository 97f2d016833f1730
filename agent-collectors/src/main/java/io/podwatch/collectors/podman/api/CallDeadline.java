package io.podwatch.collectors.podman.api;

import io.podwatch.core.lifecycle.NamedThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds a blocking call by interrupting its thread when it overruns. docker-java reads the Unix
 * socket through a blocking {@code SocketChannel}, which ignores socket read timeouts but is an
 * interruptible channel: an interrupt closes it and the blocked read fails at once. So a timeout
 * is an interrupt we caused; {@link Guard#close()} tells the caller whether it fired and clears
 * the interrupt it set (an interrupt from anyone else is left alone).
 */
final class CallDeadline implements AutoCloseable {
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("podwatch-podman-timeout"));

    /** Starts guarding the current thread for {@code timeout}; zero or negative means unbounded. */
    Guard start(Duration timeout) {
        Thread caller = Thread.currentThread();
        AtomicBoolean fired = new AtomicBoolean();
        if (timeout.isZero() || timeout.isNegative()) {
            return new Guard(fired);
        }
        Guard guard = new Guard(fired);
        guard.task = timer.schedule(() -> guard.fire(caller), timeout.toMillis(), TimeUnit.MILLISECONDS);
        return guard;
    }

    @Override
    public void close() {
        NamedThreads.shutdown(timer, Duration.ofMillis(200));
    }

    /** One guarded call; closed in a finally block by the thread that started it. */
    static final class Guard implements AutoCloseable {
        private final AtomicBoolean fired;
        private volatile ScheduledFuture<?> task;
        private boolean done;

        private Guard(AtomicBoolean fired) {
            this.fired = fired;
        }

        private void fire(Thread caller) {
            synchronized (fired) {
                if (!done) {
                    fired.set(true);
                    caller.interrupt();
                }
            }
        }

        /** True once the deadline has interrupted the call. */
        boolean fired() {
            return fired.get();
        }

        @Override
        public void close() {
            if (task != null) {
                task.cancel(false);
            }
            synchronized (fired) {
                done = true;
                if (fired.get()) {
                    // the interrupt was ours, not a request to stop the thread
                    Thread.interrupted();
                }
            }
        }
    }
}
