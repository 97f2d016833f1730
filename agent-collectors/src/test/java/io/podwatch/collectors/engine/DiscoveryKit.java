package io.podwatch.collectors.engine;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.collectors.plugin.Engines;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.service.PodmanCommand;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.plugin.Assembly;
import io.podwatch.core.process.Detector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An {@link EngineDiscovery} as the agent builds it, for tests: auto discovery under /run/user, no Docker candidate. */
public final class DiscoveryKit {
    private DiscoveryKit() {
    }

    /** Default {@code podman.*} settings with the host's cgroup and proc roots. */
    public static PodmanConfig base(StatsSourceKind source) {
        return new PodmanConfig(Optional.empty(), List.of(), Duration.ofSeconds(5), Duration.ofSeconds(4), source, false,
                PodmanCommand.of("podman"), Duration.ofMinutes(1), 1000, Path.of("/sys/fs/cgroup"), Path.of("/proc"));
    }

    public static EngineDiscovery discovery(Path stateDir, Emitter out, Sightings sightings) {
        Assembly none = new Assembly() {
            @Override
            public <T extends Managed> T manage(T part) {
                return part;
            }

            @Override
            public <T extends Collector> T collect(T collector, CollectorRunner.Schedule schedule) {
                return collector;
            }

            @Override
            public void detect(Detector detector) {
            }
        };
        EnginesConfig config = new EnginesConfig(true, List.of(), Duration.ofSeconds(1), base(StatsSourceKind.AUTO),
                "unix:///nonexistent.sock", Path.of("/run/user"));
        return new EngineDiscovery(config, new SourceContext(Clock.systemUTC(), new SimpleMeterRegistry(), stateDir,
                new HostEnv(true, "/root", java.util.Map.of()), out, none, new Inventory(Clock.systemUTC()),
                Engines.NONE, new io.podwatch.core.durable.FileHealth(Clock.systemUTC()), sightings));
    }
}
