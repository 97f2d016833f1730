package io.podwatch.collectors.engine.docker;

import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.Inventory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Docker Engine as one more engine of the agent: {@link DockerClient} (the Engine API in the
 * engine-neutral shapes) under the same tracker, events watcher and stats collector as Podman,
 * feeding {@code docker/root} in the inventory. Stats come from the containers' cgroup files
 * (cgroupfs and systemd drivers, v1 and v2: the cgroup is read from {@code /proc/PID/cgroup}), with
 * the Engine API as the fallback. Never starts a daemon. No I/O here.
 */
public final class DockerEngine {
    private DockerEngine() {
    }

    /**
     * The sockets tried when none is configured: {@code DOCKER_HOST} when it is a {@code unix://}
     * URI, then the well-known {@code /var/run/docker.sock} and {@code /run/docker.sock}.
     */
    public static List<URI> candidates(String dockerHost) {
        List<URI> out = new ArrayList<>();
        if (dockerHost != null && dockerHost.startsWith("unix://")) {
            out.add(URI.create(dockerHost));
        }
        for (String s : List.of("unix:///var/run/docker.sock", "unix:///run/docker.sock")) {
            URI u = URI.create(s);
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * @param base interval, timeout, stats source, limits and roots as for Podman
     * @param socket the configured Docker socket; empty tries {@link #candidates}
     */
    public static PodmanModule create(PodmanConfig base, Optional<URI> socket, List<URI> candidates, Path stateDir,
                                      Inventory inventory, Emitter out, Clock clock, MeterRegistry meters,
                                      Sightings sightings) {
        PodmanConfig config = new PodmanConfig(socket, candidates, base.interval(), base.timeout(),
                base.statsSource(), false, base.command(), base.relistInterval(), base.maxContainers(),
                base.cgroupRoot(), base.procRoot());
        return PodmanModule.forEngine(EngineRef.DOCKER, DockerClient::new, config, stateDir, inventory, out, clock,
                meters, sightings);
    }
}
