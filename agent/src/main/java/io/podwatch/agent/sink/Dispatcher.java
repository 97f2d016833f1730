package io.podwatch.agent.sink;

import io.podwatch.core.collect.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.alert.Notification;
import io.podwatch.core.alert.NotificationQueue;
import io.podwatch.core.collect.FailureLog;
import io.podwatch.core.collect.LogThrottle;
import io.podwatch.core.durable.FileHealth;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.lifecycle.NamedThreads;
import io.podwatch.core.process.EventSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one sink's notifications: {@link #submit} stores each in the {@link Outbox} (fsync'd)
 * before returning, and the thread {@code podwatch-sink-<name>} sends the oldest, removing it only
 * once the sink confirmed. Failures are retried in order with {@link Backoff}; a notification the
 * receiver rejects for good, or one dropped by the outbox bounds, is counted and reported to the
 * event log. If the disk itself fails, notifications are kept in a bounded memory queue so they
 * still go out while the agent runs.
 */
public final class Dispatcher implements NotificationQueue, Managed {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final NotificationSink sink;
    private final Outbox outbox;
    private final OutboxLimits limits;
    private final Backoff backoff;
    private final DeliveryReports reports;
    private final Clock clock;
    private final Deque<Notification> memoryOnly = new ArrayDeque<>();
    private final Object signal = new Object();
    private final DeliveryCounters counters;
    private final LogThrottle failureLog;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Path outboxDir;
    private final FileHealth files;
    private final FailureLog failures;
    private final Thread thread;
    private volatile boolean running;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile DeliveryState state;
    private boolean opened;
    private java.time.Instant nextOpenAttempt;

    public Dispatcher(NotificationSink sink, Path outboxDir, OutboxLimits limits, Backoff backoff, EventSink reports,
                      Clock clock, MeterRegistry meters) {
        this(sink, outboxDir, limits, backoff, reports, clock, meters, new FileHealth(clock));
    }

    /** @param files told when the outbox cannot be written and when it can again, for {@code /healthz} */
    public Dispatcher(NotificationSink sink, Path outboxDir, OutboxLimits limits, Backoff backoff, EventSink reports,
                      Clock clock, MeterRegistry meters, FileHealth files) {
        this.sink = sink;
        this.outboxDir = outboxDir;
        this.files = files;
        this.failures = new FailureLog("sink-" + sink.name(), clock, meters);
        this.outbox = new Outbox(outboxDir);
        this.limits = limits;
        this.backoff = backoff;
        this.reports = new DeliveryReports(sink.name(), reports, clock);
        this.clock = clock;
        this.counters = new DeliveryCounters(sink.name(), meters);
        this.failureLog = new LogThrottle(clock, Duration.ofMinutes(1));
        Gauge.builder("podwatch.outbox.pending", this, d -> d.outbox.size() + d.memorySize())
                .tag("sink", sink.name()).description("Notifications stored and not yet confirmed").register(meters);
        this.state = new DeliveryState(sink.name(), 0, null, "", null);
        this.thread = NamedThreads.thread("podwatch-sink-" + sink.name(), this::loop);
    }

    @Override
    public String name() {
        return "sink-" + sink.name();
    }

    @Override
    public String sink() {
        return sink.name();
    }

    /**
     * Opens the outbox (what a previous run left is delivered first) and starts the thread. An
     * outbox that cannot be opened (state-dir not writable) does not stop the agent: it is
     * reported, notifications go out from memory meanwhile, and opening is retried every minute.
     */
    @Override
    public void start() {
        tryOpen();
        running = true;
        thread.start();
    }

    private void tryOpen() {
        nextOpenAttempt = clock.instant().plus(Duration.ofMinutes(1));
        try {
            List<Path> unreadable = outbox.open();
            unreadable.forEach(p -> reports.unreadable(p.getFileName().toString()));
            opened = true;
            files.ok(outboxDir);
        } catch (IOException e) {
            LOG.error("sink {}: outbox {} not usable, delivering from memory until it is: {}", sink.name(), outboxDir,
                    e.toString());
            files.failed(outboxDir, e);
            reports.outboxFailed(e);
        }
    }

    @Override
    public void submit(Notification n) {
        try {
            outbox.append(n.id(), n.createdAt(), NotificationJson.encode(n));
            for (Outbox.Entry dropped : outbox.enforce(limits, clock.instant())) {
                counters.outcome("dropped");
                reports.dropped(dropped.id(), "outbox full or entry older than " + limits.maxAge());
            }
            if (opened) {
                files.ok(outboxDir);
            }
        } catch (IOException e) {
            counters.outcome("outbox_error");
            files.failed(outboxDir, e);
            reports.outboxFailed(e);
            synchronized (memoryOnly) {
                memoryOnly.addLast(n);
                while (memoryOnly.size() > limits.maxEntries()) {
                    counters.outcome("dropped");
                    reports.dropped(memoryOnly.removeFirst().id(), "memory queue full while the outbox is unwritable");
                }
            }
        }
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private int memorySize() {
        synchronized (memoryOnly) {
            return memoryOnly.size();
        }
    }

    private void loop() {
        int attempt = 0;
        while (running) {
            try {
                if (!opened && !clock.instant().isBefore(nextOpenAttempt)) {
                    tryOpen();
                }
                Optional<Delivery> next = next();
                if (next.isEmpty()) {
                    pause(Duration.ofSeconds(1));
                    continue;
                }
                Delivery d = next.get();
                try {
                    sink.send(d.notification());
                    d.ack();
                    counters.outcome("sent");
                    state = new DeliveryState(sink.name(), 0, clock.instant(), state.lastError(), state.lastErrorAt());
                    if (attempt > 0) {
                        LOG.info("sink {} delivers again after {} failed attempts", sink.name(), attempt);
                        failureLog.reset();
                    }
                    attempt = 0;
                } catch (DeliveryException e) {
                    if (!e.retryable()) {
                        d.ack();
                        counters.outcome("rejected");
                        reports.rejected(d.notification().id(), e.getMessage());
                        continue;
                    }
                    counters.outcome("retried");
                    state = new DeliveryState(sink.name(), 0, state.lastSuccess(), e.getMessage(), clock.instant());
                    String note = failureLog.note();
                    if (note != null) {
                        LOG.warn("sink {}: delivery failed, will retry: {}{}", sink.name(), e.getMessage(), note);
                    }
                    pause(backoff.delay(attempt++, e.retryAfter(), random));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // the thread's boundary: an outbox I/O error, or a bug in a sink, must not end delivery
                failures.caught("delivery", e);
                pauseQuietly();
            }
        }
    }

    /**
     * The oldest pending notification, from the outbox or (disk failed) memory. Unreadable outbox
     * entries are removed and reported one by one in a loop (a run of thousands of corrupt files
     * must not become as deep a recursion).
     */
    private Optional<Delivery> next() throws IOException {
        Optional<Outbox.Entry> e;
        while ((e = outbox.oldest()).isPresent()) {
            Outbox.Entry entry = e.get();
            Notification n;
            try {
                n = NotificationJson.decode(outbox.read(entry));
            } catch (IOException | RuntimeException bad) {
                outbox.remove(entry);
                counters.outcome("rejected");
                reports.unreadable(entry.file().getFileName().toString());
                continue;
            }
            return Optional.of(new Delivery(n, () -> outbox.remove(entry)));
        }
        synchronized (memoryOnly) {
            Notification n = memoryOnly.peekFirst();
            return n == null ? Optional.empty() : Optional.of(new Delivery(n, () -> {
                synchronized (memoryOnly) {
                    memoryOnly.remove(n);
                }
            }));
        }
    }

    private record Delivery(Notification notification, Ack onConfirmed) {
        void ack() throws IOException {
            onConfirmed.run();
        }
    }

    private interface Ack {
        void run() throws IOException;
    }

    private void pause(Duration d) throws InterruptedException {
        synchronized (signal) {
            if (running) {
                signal.wait(Math.max(1, d.toMillis()));
            }
        }
    }

    private void pauseQuietly() {
        try {
            pause(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * A receiver's delivery state for the status page: what waits, when it last worked, its last
     * error. Any thread; a snapshot, never a lock the sink thread holds.
     */
    public DeliveryState deliveryState() {
        DeliveryState s = state;
        return new DeliveryState(s.sink(), outbox.size() + memorySize(), s.lastSuccess(), s.lastError(), s.lastErrorAt());
    }

    /** @param lastSuccess null until a delivery succeeded; {@code lastError} empty until one failed */
    public record DeliveryState(String sink, long pending, java.time.Instant lastSuccess, String lastError,
                                java.time.Instant lastErrorAt) {
    }

    /** Stops the thread and closes the sink, once; what is still in the outbox is delivered by the next run. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        if (thread.isAlive()) {
            NamedThreads.join(thread, Duration.ofSeconds(3), Duration.ofSeconds(1));
        }
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.warn("sink {} did not close cleanly: {}", sink.name(), e.toString());
        }
    }
}
