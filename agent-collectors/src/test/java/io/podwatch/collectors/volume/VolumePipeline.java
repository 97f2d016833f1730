package io.podwatch.collectors.volume;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.rules.volume.VolumeDetector;
import io.podwatch.core.rules.volume.VolumeRuleConfig;
import io.podwatch.core.volume.VolumeDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The processing side for volume tests: every event goes through the real {@link VolumeDetector}
 * (serialised, as on the processing thread), ticks every 100 ms, and alerts are recorded with the
 * time they fired.
 */
final class VolumePipeline implements Emitter, Alerts, AutoCloseable {
    record Fired(Alert alert, long nanos) {
    }

    final VolumeDirectory directory = new VolumeDirectory();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<Fired> alerts = new CopyOnWriteArrayList<>();
    final List<SampleBatch> batches = new CopyOnWriteArrayList<>();
    private final VolumeDetector detector;
    private final Thread ticker;
    private volatile boolean running = true;

    VolumePipeline(Duration attributionWait) {
        detector = new VolumeDetector(directory, new VolumeRuleConfig(attributionWait, 1000, 10.0,
                Duration.ofMinutes(10)));
        ticker = new Thread(() -> {
            while (running) {
                synchronized (this) {
                    detector.onTick(Instant.now(), this);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "podwatch-test-ticker");
        ticker.setDaemon(true);
        ticker.start();
    }

    @Override
    public synchronized void event(Event e) {
        events.add(e);
        detector.onEvent(e, this);
    }

    @Override
    public void eventAwait(Event e) {
        event(e);
    }

    @Override
    public void samples(SampleBatch batch) {
        batches.add(batch);
    }

    @Override
    public void fire(Alert alert) {
        alerts.add(new Fired(alert, System.nanoTime()));
    }

    @Override
    public void resolve(String name, Map<String, String> labels) {
    }

    Optional<Fired> alert(String name, Predicate<Alert> p) {
        return alerts.stream().filter(f -> f.alert().name().equals(name) && p.test(f.alert())).findFirst();
    }

    List<Event> volumeEvents(Predicate<Event> p) {
        return events.stream().filter(e -> "volume".equals(e.source())).filter(p).toList();
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
    }
}
