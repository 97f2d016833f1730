package io.podwatch.core.collect;

import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.lifecycle.NamedThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs every collector on its schedule: one scheduler thread ticks, each collector collects on a
 * worker thread of its own (so a hung collector delays nobody else), a run still going at the next
 * tick makes that tick a skip, a run past its timeout is interrupted (and reported as stuck while
 * it does not return), failures back off exponentially and are logged at most once a minute. Exports {@code podwatch_collector_up},
 * {@code podwatch_collector_duration_seconds}, {@code podwatch_collector_failures_total},
 * {@code podwatch_collector_stuck} and {@code podwatch_collector_skipped_total}, labelled by collector.
 */
public final class CollectorRunner implements Managed {
    /** How one collector is scheduled. */
    public record Schedule(Duration interval, Duration timeout) {
        public Schedule {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive");
            }
            if (timeout.compareTo(interval) > 0 || timeout.isZero()) {
                timeout = interval;
            }
        }
    }

    private final Emitter out;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<ScheduledCollector> collectors = new ArrayList<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private boolean closed;

    public CollectorRunner(Emitter out, Clock clock, MeterRegistry meters) {
        this.out = out;
        this.clock = clock;
        this.meters = meters;
    }

    /** Registers a collector; the caller still owns its lifecycle (start/close). */
    public void add(Collector collector, Schedule schedule) {
        collectors.add(new ScheduledCollector(collector, schedule, out, clock, meters));
    }

    @Override
    public String name() {
        return "collector-runner";
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("podwatch-scheduler"));
        // one thread per collector at most: a collector never runs twice at once (see ScheduledCollector),
        // so a stuck one holds its own thread and never makes the pool grow
        workers = new ThreadPoolExecutor(0, Math.max(1, collectors.size()), 1, TimeUnit.MINUTES,
                new SynchronousQueue<>(), NamedThreads.daemon("podwatch-collector"));
        for (ScheduledCollector c : collectors) {
            long period = c.schedule().interval().toMillis();
            scheduler.scheduleAtFixedRate(() -> c.tick(workers, scheduler), 0, period, TimeUnit.MILLISECONDS);
        }
    }

    public List<CollectorHealth> health() {
        return collectors.stream().map(ScheduledCollector::health).toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        NamedThreads.shutdown(scheduler, Duration.ofSeconds(1));
        NamedThreads.shutdown(workers, Duration.ofSeconds(2));
    }
}
