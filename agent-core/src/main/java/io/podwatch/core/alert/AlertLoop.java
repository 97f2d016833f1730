package io.podwatch.core.alert;

import io.podwatch.core.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the {@link AlertPipeline} a thread of its own, {@code podwatch-alerts}: detectors call
 * {@link #fire}/{@link #resolve} on the processing thread, which only queues the call; this thread
 * applies them in order, ticks the pipeline once a second, and so is the thread that writes (and
 * fsyncs) the sinks' outboxes — never the processing thread. The queue is bounded and a full queue
 * makes the caller wait (back-pressure, not loss: alerts promise durable delivery).
 */
public final class AlertLoop implements Alerts, Managed {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLoop.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Runnable STOP = () -> { };

    private final AlertPipeline pipeline;
    private final Clock clock;
    private final BlockingQueue<Runnable> queue;
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running;
    private boolean closed;

    public AlertLoop(AlertPipeline pipeline, Clock clock, int capacity) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::loop, "podwatch-alerts");
        this.thread.setDaemon(true);
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public synchronized void start() {
        if (!running && !closed) {
            running = true;
            thread.start();
        }
    }

    @Override
    public void fire(Alert alert) {
        submit(() -> pipeline.fire(alert));
    }

    @Override
    public void resolve(String name, Map<String, String> labels) {
        submit(() -> pipeline.resolve(name, labels));
    }

    private void submit(Runnable call) {
        if (!running) {
            // before start (wiring) or after close: apply on the caller's thread, nothing else runs it
            synchronized (pipeline) {
                call.run();
            }
            return;
        }
        try {
            queue.put(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        Instant nextTick = clock.instant().plus(TICK);
        while (true) {
            try {
                Runnable call = queue.poll(Math.max(1, Duration.between(clock.instant(), nextTick).toMillis()),
                        TimeUnit.MILLISECONDS);
                if (call == STOP) {
                    return;
                }
                synchronized (pipeline) {
                    if (call != null) {
                        guarded(call);
                    }
                    Instant now = clock.instant();
                    if (!now.isBefore(nextTick)) {
                        nextTick = now.plus(TICK);
                        guarded(() -> pipeline.tick(now));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A failing step must not stop alerting: count it, say it, keep going. */
    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            if (failures.getAndIncrement() % 1000 == 0) {
                LOG.warn("alert pipeline step failed ({} so far): {}", failures.get(), e.toString(), e);
            }
        }
    }

    /** Pipeline steps that threw. */
    public long failures() {
        return failures.get();
    }

    /**
     * Applies what is queued, ticks once more (so due notifications reach the outboxes) and stops
     * the thread. What is still undelivered stays in the outboxes for the next run.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (running) {
            try {
                if (!queue.offer(STOP, 2, TimeUnit.SECONDS)) {
                    thread.interrupt();
                }
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("podwatch-alerts did not stop within 3 s");
                return;
            }
            running = false;
        }
        synchronized (pipeline) {
            Runnable call;
            while ((call = queue.poll()) != null) {
                if (call != STOP) {
                    guarded(call);
                }
            }
            guarded(() -> pipeline.tick(clock.instant()));
        }
    }
}
