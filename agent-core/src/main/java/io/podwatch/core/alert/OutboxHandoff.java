package io.podwatch.core.alert;

import io.podwatch.core.lifecycle.Managed;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the durable write of notifications off the processing thread: the pipeline's routes submit
 * to queues {@link #wrap}ped here, which only enqueue; the thread {@code podwatch-alerts} hands each
 * notification, in order, to the sink's real queue (its dispatcher, which appends and fsyncs the
 * outbox). The hand-off is bounded and a full one makes the pipeline wait: back-pressure, not loss,
 * since alerts promise durable delivery. {@link #close} stores what is still queued before it returns.
 */
public final class OutboxHandoff implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxHandoff.class);

    private record Pending(NotificationQueue target, Notification notification) {
    }

    private static final Pending STOP = new Pending(null, null);

    private final BlockingQueue<Pending> queue;
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private volatile boolean running;
    private boolean closed;

    public OutboxHandoff(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::loop, "podwatch-alerts");
        this.thread.setDaemon(true);
    }

    /** A queue for the pipeline's route that hands over to {@code target} on this thread. */
    public NotificationQueue wrap(NotificationQueue target) {
        return new NotificationQueue() {
            @Override
            public String sink() {
                return target.sink();
            }

            @Override
            public void submit(Notification n) {
                handOver(new Pending(target, n));
            }
        };
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

    private void handOver(Pending p) {
        if (!running) {
            // before start or after close nothing else stores it: do it here, nothing is lost
            store(p);
            return;
        }
        try {
            queue.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store(p);
        }
    }

    private void loop() {
        while (true) {
            try {
                Pending p = queue.take();
                if (p == STOP) {
                    return;
                }
                store(p);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A sink whose store fails must not stop the others: count it, say it, keep going. */
    private void store(Pending p) {
        try {
            p.target().submit(p.notification());
        } catch (RuntimeException e) {
            if (failures.getAndIncrement() % 1000 == 0) {
                LOG.warn("storing a notification for {} failed ({} so far): {}", p.target().sink(), failures.get(),
                        e.toString());
            }
        }
    }

    /** Notifications that could not be handed to their sink. */
    public long failures() {
        return failures.get();
    }

    /** Stores what is queued (the dispatchers close after this) and stops the thread. */
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
        Pending p;
        while ((p = queue.poll()) != null) {
            if (p != STOP) {
                store(p);
            }
        }
    }
}
