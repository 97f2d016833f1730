package io.podwatch.collectors.podman;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.service.PodmanCommand;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.testing.RecordingEmitter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** A {@link PodmanModule} wired to a {@link PodmanHarness}, started and closed like the agent does. */
public final class PodmanItKit implements AutoCloseable {
    public final RecordingEmitter out = new RecordingEmitter();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final PodmanModule module;
    private final List<Managed> started = new ArrayList<>();

    private PodmanItKit(PodmanConfig config, Path stateDir, Sightings sightings) {
        module = PodmanModule.create(config, stateDir, new Inventory(Clock.systemUTC()), out, Clock.systemUTC(), meters,
                sightings);
    }

    /** Default config pointed at the harness's socket, with the given stats source. */
    public static PodmanConfig config(PodmanHarness h, StatsSourceKind source) {
        return new PodmanConfig(Optional.of(URI.create(h.socketUri())), List.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(4), source, false, new PodmanCommand("podman", h.podmanArgs(), h.env()),
                Duration.ofMinutes(1), 1000, Path.of("/sys/fs/cgroup"), Path.of("/proc"));
    }

    public static PodmanItKit start(PodmanConfig config, Path stateDir) throws Exception {
        return start(config, stateDir, Sightings.create(Clock.systemUTC()));
    }

    /** As the agent wires it: this engine feeds the shared sightings the audit trail reads. */
    public static PodmanItKit start(PodmanConfig config, Path stateDir, Sightings sightings) throws Exception {
        PodmanItKit kit = new PodmanItKit(config, stateDir, sightings);
        for (Managed m : kit.module.managed()) {
            m.start();
            kit.started.add(0, m);
        }
        return kit;
    }

    /** Runs one collection; returns its batch. */
    public SampleBatch collect() throws Exception {
        module.collector().collect(out);
        return out.lastBatch();
    }

    public static OptionalDouble value(SampleBatch b, MetricDef def, String name) {
        return b.samples().stream().filter(s -> s.metric() == def && s.label("name").equals(name))
                .mapToDouble(Sample::value).findFirst();
    }

    public double counter(String name) {
        var c = meters.find(name).counter();
        return c == null ? 0 : c.count();
    }

    @Override
    public void close() {
        module.collector().close();
        started.forEach(Managed::close);
    }
}
