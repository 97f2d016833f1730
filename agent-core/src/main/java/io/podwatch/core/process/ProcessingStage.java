package io.podwatch.core.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.lifecycle.Managed;
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

    private final LatestSamples latest;
    private final List<Detector> detectors;
    private final List<EventSink> sinks;
    private final Alerts alerts;
    private final Clock clock;
    private final BlockingQueue<Object> queue;
    private final Counter dropped;
    private final Thread thread;
    private volatile boolean running;

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
        this.thread = new Thread(this::loop, "podwatch-processor");
        this.thread.setDaemon(true);
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

    private void loop() {
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
                        guarded(d, () -> d.onTick(now, alerts));
                    }
                    // after the detectors, so the pipeline sees this second's changes
                    tickAlerts(now);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void dispatch(Object item) {
        if (item instanceof SampleBatch batch) {
            for (Detector d : detectors) {
                guarded(d, () -> d.onSamples(batch, alerts, this));
            }
        } else if (item instanceof Event event) {
            for (EventSink s : sinks) {
                s.accept(event);
            }
            for (Detector d : detectors) {
                guarded(d, () -> d.onEvent(event, alerts));
            }
        }
    }

    private void tickAlerts(Instant now) {
        try {
            alerts.tick(now);
        } catch (RuntimeException e) {
            LOG.warn("alert pipeline tick failed: {}", e.toString(), e);
        }
    }

    /** A failing detector must not take the others, or the thread, down with it. */
    private static void guarded(Detector d, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("detector {} failed: {}", d.name(), e.toString(), e);
        }
    }

    /** Drains what is queued (up to a deadline) so no accepted event is lost on a clean stop. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join(2000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Object item;
        while ((item = queue.poll()) != null) {
            dispatch(item);
        }
    }
}
