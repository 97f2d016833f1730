package io.podwatch.core.collect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.emit.Emitter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collector's run state inside the {@link CollectorRunner}. A run is tracked by the thread that
 * executes it, not by a Future: after {@code Future.cancel(true)} a future is "done" while a
 * collector that ignores interrupts (a blocked pipe read, {@code statvfs} on a hung NFS mount) is
 * still running, and the next tick would start a second run beside it. Here the next run starts
 * only once the previous one returned; one still running past its timeout is interrupted again on
 * every tick and reported as stuck ({@code podwatch_collector_stuck}, {@code /healthz}).
 */
final class ScheduledCollector {
    private static final Logger LOG = LoggerFactory.getLogger(CollectorRunner.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final Collector collector;
    private final CollectorRunner.Schedule schedule;
    /** Consecutive failed runs after which the collector\'s last batch is retracted from exposition. */
    static final int STALE_AFTER = 3;
    private final Emitter out;
    private final Clock clock;
    private final Backoff backoff;
    private final LogThrottle logThrottle;
    private final LogThrottle stuckLog;
    private final Counter failures;
    private final Counter skipped;
    private final AtomicLong runs = new AtomicLong();
    /** Set from submit until the run returned: at most one run per collector, ever. */
    private volatile boolean busy;
    private volatile Thread runner;
    private volatile long runId;
    private volatile Instant runStarted;
    private volatile boolean stuck;
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
        this.backoff = new Backoff(schedule.interval(), MAX_BACKOFF.compareTo(schedule.interval()) < 0
                ? schedule.interval() : MAX_BACKOFF);
        this.logThrottle = new LogThrottle(clock, Duration.ofMinutes(1));
        this.stuckLog = new LogThrottle(clock, Duration.ofMinutes(1));
        String name = collector.name();
        Gauge.builder("podwatch.collector.up", this, s -> s.up ? 1 : 0).tag("collector", name)
                .description("1 when the collector's last run succeeded").register(meters);
        Gauge.builder("podwatch.collector.stuck", this, s -> s.stuck ? 1 : 0).tag("collector", name)
                .description("1 while a run is still going after its timeout and interrupt").register(meters);
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
    void tick(Executor workers, ScheduledExecutorService scheduler) {
        if (busy) {
            skipped.increment();
            checkOverdue();
            return;
        }
        if (clock.instant().isBefore(notBefore)) {
            skipped.increment();
            return;
        }
        long id = runs.incrementAndGet();
        busy = true;
        try {
            workers.execute(() -> runOnce(id));
        } catch (RejectedExecutionException e) {
            busy = false; // stopping, or every worker is held by a stuck collector: try again next tick
            skipped.increment();
            return;
        }
        scheduler.schedule(() -> interruptIfStill(id), schedule.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void interruptIfStill(long id) {
        Thread t = runner;
        if (t != null && runId == id) {
            t.interrupt();
        }
    }

    /** A run past its timeout that did not return on interrupt: say so, and interrupt it again. */
    private void checkOverdue() {
        Instant started = runStarted;
        Thread t = runner;
        if (t == null || started == null || !clock.instant().isAfter(started.plus(schedule.timeout()))) {
            return;
        }
        t.interrupt();
        if (!stuck) {
            stuck = true;
            up = false;
            lastError = "stuck: the run started at " + started + " has not returned after its timeout and interrupt";
        }
        String note = stuckLog.note();
        if (note != null) {
            LOG.error("collector {} is stuck: its run started at {} ignores the interrupt ({}); no new run starts "
                    + "until it returns{}", collector.name(), started, where(t), note);
        }
    }

    private static String where(Thread t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length == 0 ? "no stack" : "at " + st[0];
    }

    private void runOnce(long id) {
        Thread self = Thread.currentThread();
        String poolName = self.getName();
        self.setName("podwatch-collector-" + collector.name());
        runId = id;
        runStarted = clock.instant();
        runner = self;
        long t0 = System.nanoTime();
        try {
            collector.collect(out);
            succeeded();
        } catch (InterruptedException e) {
            failed("timed out after " + schedule.timeout().toMillis() + " ms", null);
        } catch (Throwable e) {
            failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } finally {
            lastDuration = (System.nanoTime() - t0) / 1e9;
            runner = null;
            runStarted = null;
            if (stuck) {
                stuck = false;
                LOG.warn("collector {} returned after being stuck for {} s", collector.name(), Math.round(lastDuration));
            }
            Thread.interrupted(); // the pool thread is reused: a late timeout interrupt must not hit the next run
            self.setName(poolName);
            busy = false;
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

    private void failed(String message, Throwable e) {
        up = false;
        failures.increment();
        int n = ++consecutiveFailures;
        lastError = message;
        if (n == STALE_AFTER) {
            // its last batch (named after it) is old news now; up=0 and lastError say why it is gone
            out.retract(collector.name());
        }
        notBefore = n == 1 ? Instant.MIN : clock.instant().plus(backoff.delay(n - 1));
        String note = logThrottle.note();
        if (note != null) {
            LOG.warn("collector {} failed: {}; retrying with backoff{}", collector.name(), message, note);
            if (e instanceof Error) {
                LOG.error("collector {} threw an Error", collector.name(), e);
            } else if (e != null) {
                LOG.debug("collector {} failure detail", collector.name(), e);
            }
        }
    }

    CollectorHealth health() {
        return new CollectorHealth(collector.name(), up, lastSuccess, consecutiveFailures, lastError);
    }
}
