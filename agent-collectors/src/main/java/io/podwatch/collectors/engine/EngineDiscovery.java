package io.podwatch.collectors.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.podwatch.collectors.engine.docker.DockerClient;
import io.podwatch.collectors.engine.docker.DockerEngine;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.podman.api.PodmanClient;
import io.podwatch.collectors.podman.api.SocketProbe;
import io.podwatch.collectors.plugin.Engine;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.collect.LogThrottle;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerKey;
import io.podwatch.core.lifecycle.Managed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every engine besides the rootful Podman, in one collector ({@code engines}): the listed ones
 * from the start, and — with {@code engines.auto} — every rootless user's Podman socket and the
 * Docker socket, looked for at start and every {@code engines.discover-interval}, so an engine that
 * appears later (a user logs in, dockerd starts) is picked up. Each engine is a full engine module
 * (tracker feeding the inventory, events watcher thread, stats collector) started here and collected
 * here, one after the other; one engine failing never stops the others, and an engine that vanishes
 * is logged once and shown by its {@code podwatch_<engine>_up} gauge, never fatal. Rootless engines
 * on cgroup v1 take their stats from {@code /proc} (their containers have no cgroup of their own).
 * Collector thread for discovery and collection; {@link #close()} from the lifecycle.
 */
public final class EngineDiscovery implements Collector, Engine {
    public static final String NAME = "engines";
    private static final Logger LOG = LoggerFactory.getLogger(EngineDiscovery.class);
    private static final Duration PROBE = Duration.ofMillis(500);

    private final EnginesConfig config;
    private final SourceContext context;
    private final Map<EngineRef, Watched> engines = new LinkedHashMap<>();
    private final LogThrottle failures;
    private final Counter collectFailures;
    private Instant nextDiscovery = Instant.MIN;
    private boolean closed;

    private record Watched(PodmanModule module, List<Managed> started) {
    }

    public EngineDiscovery(EnginesConfig config, SourceContext context) {
        this.config = config;
        this.context = context;
        this.failures = new LogThrottle(context.clock(), Duration.ofMinutes(1));
        this.collectFailures = Counter.builder("podwatch.engines.collect.failures")
                .description("Collections of one discovered engine that failed (the others still ran)")
                .register(context.meters());
        Gauge.builder("podwatch.engines.watched", engines, Map::size)
                .description("Engines watched besides the rootful Podman (rootless users' Podman, Docker)")
                .register(context.meters());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The engine modules watched now, for audit names and tests. */
    public synchronized List<PodmanModule> modules() {
        return engines.values().stream().map(Watched::module).toList();
    }

    /** Asks each watched engine in turn about a container the inventory does not know yet. */
    @Override
    public Optional<ContainerInfo> learn(String containerId) {
        for (PodmanModule m : modules()) {
            Optional<ContainerInfo> c = m.learn(containerId);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    @Override
    public void collect(Emitter out) {
        Instant now = context.clock().instant();
        if (!now.isBefore(nextDiscovery)) {
            nextDiscovery = now.plus(config.discoverInterval());
            discover();
        }
        for (PodmanModule m : modules()) {
            try {
                m.collector().collect(out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                collectFailures.increment();
                String note = failures.note();
                if (note != null) {
                    LOG.warn("engine {} could not be collected: {}{}", m.engineRef(), e.getMessage(), note);
                }
            }
        }
    }

    /** Listed engines always; found ones when {@code engines.auto}. */
    synchronized void discover() {
        if (closed) {
            return;
        }
        for (EnginesConfig.Listed l : config.list()) {
            String owner = l.owner().isEmpty() ? socketOwner(l.socket()) : l.owner();
            watch(new EngineRef(l.type(), owner), l.socket());
        }
        if (!config.auto()) {
            return;
        }
        for (URI docker : DockerEngine.candidates(config.dockerHost())) {
            if (engines.containsKey(EngineRef.DOCKER)) {
                break;
            }
            if (SocketProbe.answers(docker, PROBE)) {
                watch(EngineRef.DOCKER, docker);
            }
        }
        for (Map.Entry<String, URI> u : rootlessSockets().entrySet()) {
            EngineRef ref = new EngineRef(ContainerKey.PODMAN, u.getKey());
            if (!engines.containsKey(ref) && SocketProbe.answers(u.getValue(), PROBE)) {
                watch(ref, u.getValue());
            }
        }
    }

    private void watch(EngineRef ref, URI socket) {
        if (engines.containsKey(ref)) {
            return;
        }
        PodmanConfig base = config.base();
        boolean docker = ref.engine().equals(ContainerKey.DOCKER);
        StatsSourceKind stats = !docker && !ref.owner().equals(ContainerKey.ROOT) && !cgroupV2()
                ? StatsSourceKind.PROC : base.statsSource();
        PodmanConfig c = new PodmanConfig(Optional.of(socket), List.of(), base.interval(), base.timeout(), stats, false,
                base.command(), base.relistInterval(), base.maxContainers(), base.cgroupRoot(), base.procRoot());
        PodmanModule m = PodmanModule.forEngine(ref, docker ? DockerClient::new : PodmanClient::new, c,
                context.stateDir(), context.inventory(), context.out(), context.clock(), context.meters(),
                context.sightings());
        List<Managed> started = new ArrayList<>();
        for (Managed part : m.managed()) {
            try {
                part.start();
                started.add(0, part);
            } catch (Exception e) {
                LOG.warn("engine {} on {}: {} did not start: {}", ref, socket, part.name(), e.getMessage());
            }
        }
        engines.put(ref, new Watched(m, started));
        LOG.info("watching {} on {} (stats from {})", ref, socket, stats.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** {@code /run/user/UID/podman/podman.sock} of every user but root, by the socket owner's name. */
    private Map<String, URI> rootlessSockets() {
        Map<String, URI> out = new LinkedHashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(config.runUser())) {
            for (Path d : dirs) {
                Path sock = d.resolve("podman/podman.sock");
                if (!d.getFileName().toString().equals("0") && Files.exists(sock)) {
                    URI uri = URI.create("unix://" + sock);
                    out.putIfAbsent(socketOwner(uri), uri);
                }
            }
        } catch (IOException e) {
            // no /run/user: no rootless sessions on this host
        }
        return out;
    }

    private static String socketOwner(URI socket) {
        try {
            return Files.getOwner(Path.of(socket.getPath())).getName();
        } catch (IOException | RuntimeException e) {
            return ContainerKey.ROOT;
        }
    }

    private boolean cgroupV2() {
        return Files.exists(config.base().cgroupRoot().resolve("cgroup.controllers"));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Watched w : engines.values()) {
            w.module().collector().close();
            w.started().forEach(Managed::close);
        }
    }
}
