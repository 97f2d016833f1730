package io.podwatch.core.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.collect.FailureLog;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.lifecycle.NamedThreads;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which detectors, rules and the alert pipeline run. Sources enqueue onto a
 * bounded queue; samples and plain events are dropped and counted when it is full, so a slow rule
 * never stalls a collector, while {@link #eventAwait} gives loss-free sources back-pressure.
 */
public final class ProcessingStage implements Emitter, Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessingStage.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final LatestSamples latest;
    private final List<Detector> detectors;
    private final List<EventSink> sinks;
    private final Alerts alerts;
    private final Clock clock;
    private final BlockingQueue<Object> queue;
    private final Counter dropped;
    private final FailureLog failures;
    private final Thread thread;
    private volatile boolean running;
    private boolean closed;

    public ProcessingStage(LatestSamples latest, List<Detector> detectors, List<EventSink> sinks, Alerts alerts,
                           Clock clock, int capacity, MeterRegistry meters) {
        this.latest = latest;
        this.detectors = new ArrayList<>(detectors);
        this.sinks = List.copyOf(sinks);
        this.alerts = alerts;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dropped = Counter.builder("podwatch.processing.dropped")
                .description("Samples and events dropped because the processing queue was full")
                .register(meters);
        Gauge.builder("podwatch.processing.queue", queue, BlockingQueue::size)
                .description("Items waiting for the processing thread").register(meters);
        this.failures = new FailureLog("processor", clock, meters);
        this.thread = NamedThreads.thread("podwatch-processor", this::run);
    }

    @Override
    public String name() {
        return "processor";
    }

    /**
     * Adds a detector, to run after those given so far. Only before {@link #start()}: sources are
     * built with this stage as their emitter, and may bring detectors of their own.
     */
    public synchronized void add(Detector detector) {
        if (running) {
            throw new IllegalStateException("detectors are added before start()");
        }
        detectors.add(detector);
    }

    @Override
    public synchronized void start() {
        running = true;
        thread.start();
    }

    @Override
    public void samples(SampleBatch batch) {
        latest.put(batch);
        if (!queue.offer(batch)) {
            dropped.increment();
        }
    }

    @Override
    public void event(Event event) {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    @Override
    public void retract(String source) {
        latest.remove(source);
    }

    @Override
    public void eventAwait(Event event) throws InterruptedException {
        queue.put(event);
    }

    /**
     * The thread's body: the loop, then — on this thread, never the closer's, so detector state
     * stays single-threaded — what is still queued, up to a deadline.
     */
    private void run() {
        try {
            loop();
            drain(System.nanoTime() + DRAIN.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() throws InterruptedException {
        Instant nextTick = clock.instant().plus(TICK);
        while (running) {
            try {
                Object item = queue.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
                if (item != null) {
                    dispatch(item);
                }
                Instant now = clock.instant();
                if (!now.isBefore(nextTick)) {
                    nextTick = now.plus(TICK);
                    for (Detector d : detectors) {
                        guarded(d.name(), () -> d.onTick(now, alerts));
                    }
                    // after the detectors, so the pipeline sees this second's changes
                    tickAlerts(now);
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable t) {
                // the boundary of the thread: whatever escaped, the next item must still be processed
                failures.caught("processing loop", t);
            }
        }
    }

    private void drain(long deadlineNanos) {
        Object item;
        while (System.nanoTime() < deadlineNanos && (item = queue.poll()) != null) {
            dispatch(item);
        }
        if (!queue.isEmpty()) {
            LOG.warn("stopped with {} samples and events not processed (drain deadline)", queue.size());
        }
    }

    private void dispatch(Object item) {
        if (item instanceof SampleBatch batch) {
            for (Detector d : detectors) {
                guarded(d.name(), () -> d.onSamples(batch, alerts, this));
            }
        } else if (item instanceof Event event) {
            for (EventSink s : sinks) {
                guarded("event sink " + s.getClass().getSimpleName(), () -> s.accept(event));
            }
            for (Detector d : detectors) {
                guarded(d.name(), () -> d.onEvent(event, alerts));
            }
        }
    }

    private void tickAlerts(Instant now) {
        guarded("alert pipeline tick", () -> alerts.tick(now));
    }

    /**
     * A failing detector or sink must not take the others, or the thread, down with it: anything
     * thrown, Errors included, is counted and logged at most once a minute per cause.
     */
    private void guarded(String who, Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            failures.caught(who, t);
        }
    }

    /**
     * Stops the thread, which first processes what is queued (up to a deadline) so no accepted
     * event is lost on a clean stop. If it does not end in time it is interrupted and left: the
     * queue is never drained here, on the caller's thread, beside a processor that may still run.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        if (thread.isAlive()) {
            NamedThreads.join(thread, DRAIN.plusSeconds(1), Duration.ofSeconds(1));
            if (thread.isAlive()) {
                LOG.warn("processor thread did not stop in time; {} items left unprocessed", queue.size());
            }
        }
    }
}
