package io.podwatch.collectors.podman.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.collectors.podman.PodmanSelfMetrics;
import io.podwatch.core.inventory.ContainerKey;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.collectors.podman.container.ContainerTracker;
import io.podwatch.core.collect.Backoff;
import io.podwatch.core.collect.LogThrottle;
import io.podwatch.core.lifecycle.Managed;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the libpod events stream on its own thread, {@code podwatch-podman-events}: re-lists the
 * containers on every (re)connect (so nothing missed while disconnected stays missed), then hands
 * each event to the {@link ContainerTracker}. When the stream fails or ends (the service was
 * restarted) it reconnects with exponential backoff, counted in
 * {@code podwatch_podman_events_reconnects_total}. {@link #close()} interrupts the thread, which
 * closes the socket under the blocked read.
 */
public final class EventWatcher implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(EventWatcher.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    private final PodmanApi api;
    private final ContainerTracker tracker;
    private final LogThrottle logThrottle;
    private final Counter reconnects;
    private final Counter received;
    private final String label;
    private Thread thread;
    private boolean closed;

    public EventWatcher(PodmanApi api, ContainerTracker tracker, Clock clock, MeterRegistry meters) {
        this.api = api;
        this.tracker = tracker;
        this.logThrottle = new LogThrottle(clock, Duration.ofMinutes(1));
        EngineRef engine = tracker.engine();
        this.label = engine.engine() + (engine.owner().equals(ContainerKey.ROOT) ? "" : "-" + engine.owner());
        String prefix = "podwatch." + engine.engine() + ".events";
        Tags tags = PodmanSelfMetrics.tags(engine);
        this.reconnects = Counter.builder(prefix + ".reconnects").tags(tags)
                .description("Times the engine's events stream was reconnected after it failed or ended").register(meters);
        this.received = Counter.builder(prefix + ".received").tags(tags)
                .description("Container events read from the engine's events stream").register(meters);
    }

    @Override
    public String name() {
        return label + "-events";
    }

    @Override
    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = new Thread(this::loop, "podwatch-" + label + "-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int failures = 0;
        boolean first = true;
        while (!Thread.currentThread().isInterrupted()) {
            if (!first) {
                reconnects.increment();
            }
            first = false;
            try {
                tracker.relist();
                LOG.debug("following {} events", label);
                api.streamEvents(json -> {
                    received.increment();
                    tracker.onEvent(json);
                });
                failures = 0;
                LOG.info("{} events stream ended; reconnecting", label);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                String note = logThrottle.note();
                if (note != null) {
                    LOG.warn("{} events stream failed: {}; reconnecting with backoff{}", label, e.getMessage(), note);
                }
                failures++;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(BACKOFF.delay(failures).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("podwatch-{}-events did not stop within 3 s", label);
            }
        }
    }
}
