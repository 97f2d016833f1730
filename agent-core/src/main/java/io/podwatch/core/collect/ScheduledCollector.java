package io.podwatch.core.collect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.emit.Emitter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One collector's run state inside the {@link CollectorRunner}. */
final class ScheduledCollector {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorRunner.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final Collector collector;
    private final CollectorRunner.Schedule schedule;
    /** Consecutive failed runs after which the collector\'s last batch is retracted from exposition. */
    static final int STALE_AFTER = 3;
    private final Emitter out;
    private final Clock clock;
    private final LogThrottle logThrottle;
    private final Counter failures;
    private final Counter skipped;
    private Future<?> running;
    private volatile Instant notBefore = Instant.MIN;
    private volatile boolean up;
    private volatile double lastDuration;
    private volatile Instant lastSuccess;
    private volatile int consecutiveFailures;
    private volatile String lastError = "not run yet";

    ScheduledCollector(Collector collector, CollectorRunner.Schedule schedule, Emitter out, Clock clock,
                       MeterRegistry meters) {
        this.collector = collector;
        this.schedule = schedule;
        this.out = out;
        this.clock = clock;
        this.logThrottle = new LogThrottle(clock, Duration.ofMinutes(1));
        String name = collector.name();
        Gauge.builder("podwatch.collector.up", this, s -> s.up ? 1 : 0).tag("collector", name)
                .description("1 when the collector's last run succeeded").register(meters);
        Gauge.builder("podwatch.collector.duration.seconds", this, s -> s.lastDuration).tag("collector", name)
                .description("Duration of the collector's last run").register(meters);
        failures = Counter.builder("podwatch.collector.failures").tag("collector", name)
                .description("Collector runs that failed or timed out").register(meters);
        skipped = Counter.builder("podwatch.collector.skipped").tag("collector", name)
                .description("Ticks skipped because the previous run was still going or backing off").register(meters);
    }

    CollectorRunner.Schedule schedule() {
        return schedule;
    }

    /** Called on the scheduler thread only. */
    void tick(ExecutorService workers, ScheduledExecutorService scheduler) {
        if ((running != null && !running.isDone()) || clock.instant().isBefore(notBefore)) {
            skipped.increment();
            return;
        }
        Future<?> f = workers.submit(this::runOnce);
        running = f;
        scheduler.schedule(() -> {
            if (!f.isDone()) {
                f.cancel(true);
            }
        }, schedule.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        Thread.currentThread().setName("podwatch-collector-" + collector.name());
        long t0 = System.nanoTime();
        try {
            collector.collect(out);
            succeeded();
        } catch (InterruptedException e) {
            failed("timed out after " + schedule.timeout().toMillis() + " ms", null);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } finally {
            lastDuration = (System.nanoTime() - t0) / 1e9;
        }
    }

    private void succeeded() {
        if (!up && consecutiveFailures > 0) {
            LOG.info("collector {} recovered after {} failed runs", collector.name(), consecutiveFailures);
        }
        up = true;
        lastSuccess = clock.instant();
        consecutiveFailures = 0;
        lastError = "";
        notBefore = Instant.MIN;
        logThrottle.reset();
    }

    private void failed(String message, Exception e) {
        up = false;
        failures.increment();
        int n = ++consecutiveFailures;
        lastError = message;
        if (n == STALE_AFTER) {
            // its last batch (named after it) is old news now; up=0 and lastError say why it is gone
            out.retract(collector.name());
        }
        long backoffMs = Math.min(MAX_BACKOFF.toMillis(), schedule.interval().toMillis() << Math.min(n - 1, 16));
        notBefore = clock.instant().plusMillis(n == 1 ? 0 : backoffMs);
        long suppressed = logThrottle.pass();
        if (suppressed >= 0) {
            String held = suppressed > 0 ? " (" + suppressed + " similar failures not logged)" : "";
            LOG.warn("collector {} failed: {}; retrying with backoff{}", collector.name(), message, held);
            if (e != null) {
                LOG.debug("collector {} failure detail", collector.name(), e);
            }
        }
    }

    CollectorHealth health() {
        return new CollectorHealth(collector.name(), up, lastSuccess, consecutiveFailures, lastError);
    }
}
