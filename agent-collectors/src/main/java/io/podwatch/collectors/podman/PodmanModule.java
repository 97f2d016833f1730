package io.podwatch.collectors.podman;

import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.collectors.engine.proc.ProcStatsSource;
import io.podwatch.collectors.podman.api.ApiObserver;
import io.podwatch.collectors.podman.api.PodmanClient;
import io.podwatch.collectors.podman.api.PodmanConnection;
import io.podwatch.collectors.podman.cgroup.CgroupStatsSource;
import io.podwatch.collectors.podman.cgroup.OomCounters;
import io.podwatch.collectors.podman.container.ContainerTracker;
import io.podwatch.collectors.podman.events.EventWatcher;
import io.podwatch.collectors.plugin.Engine;
import io.podwatch.collectors.podman.service.OwnedPodmanService;
import io.podwatch.collectors.podman.stats.ApiStatsSource;
import io.podwatch.collectors.podman.stats.AutoStatsSource;
import io.podwatch.collectors.podman.stats.StatsSource;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerKey;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.inventory.InventoryFeed;
import io.podwatch.core.lifecycle.Managed;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the Podman side from its config in one call, doing no I/O: the optional self-owned API
 * service, the reconnecting API connection, the events watcher feeding the container inventory,
 * and the stats collector. The caller
 * adds {@link #managed()} to its lifecycle in order (then the collector), and registers
 * {@link #collector()} with the runner under {@link #schedule()}.
 */
public final class PodmanModule implements Engine {
    private final OwnedPodmanService service;
    private final PodmanConnection connection;
    private final EventWatcher events;
    private final PodmanStatsCollector collector;
    private final CollectorRunner.Schedule schedule;
    private final ContainerTracker tracker;
    private final EngineRef engine;

    /** Makes an engine's API client for a socket, reporting each call to the observer. */
    @FunctionalInterface
    public interface Clients {
        PodmanApi client(URI socket, Duration timeout, ApiObserver observer);
    }

    private PodmanModule(PodmanConfig config, Path stateDir, Inventory inventory, Emitter out, Clock clock,
                         MeterRegistry meters, Sightings sightings, EngineRef engine, Clients clients) {
        this.engine = engine;
        PodmanSelfMetrics self = new PodmanSelfMetrics(meters, engine);
        boolean mayOwn = config.ownService() && config.socket().isEmpty();
        service = mayOwn ? new OwnedPodmanService(config.command(), stateDir, config.candidates(), meters) : null;
        connection = new PodmanConnection(config.socket(), config.candidates(),
                service == null ? Optional::empty : service::ownedSocket,
                (uri, timeout) -> clients.client(uri, timeout, self), config.timeout());
        InventoryFeed containers = inventory.feed(engine.engine(), engine.owner(), config.maxContainers());
        tracker = new ContainerTracker(connection, containers, out, clock,
                new OomCounters(config.cgroupRoot(), config.procRoot()), sightings);
        self.watch(connection, containers);
        events = new EventWatcher(connection, tracker, clock, meters);
        String name = engine.owner().equals(ContainerKey.ROOT) ? engine.engine() : engine.engine() + "-" + engine.owner();
        collector = new PodmanStatsCollector(name, tracker, source(config), clock, config.relistInterval());
        schedule = new CollectorRunner.Schedule(config.interval(), config.interval());
    }

    /**
     * Any engine that answers the engine-neutral calls of {@link PodmanApi} — rootless Podman,
     * Docker (through its adapting client) — assembled like rootful Podman: the same tracker,
     * events watcher and stats collector, feeding {@code engine}'s part of the inventory. A
     * service of its own is started only for Podman ({@code config.ownService()}).
     */
    public static PodmanModule forEngine(EngineRef engine, Clients clients, PodmanConfig config, Path stateDir,
                                         Inventory inventory, Emitter out, Clock clock, MeterRegistry meters,
                                         Sightings sightings) {
        return new PodmanModule(config, stateDir, inventory, out, clock, meters, sightings, engine, clients);
    }

    /** @param inventory the agent's container inventory, which this module feeds as rootful Podman */
    public static PodmanModule create(PodmanConfig config, Path stateDir, Inventory inventory, Emitter out,
                                      Clock clock, MeterRegistry meters) {
        return create(config, stateDir, inventory, out, clock, meters, Sightings.create(clock));
    }

    /** @param sightings shared with the audit trail: the containers seen, their conmon and init pids */
    public static PodmanModule create(PodmanConfig config, Path stateDir, Inventory inventory, Emitter out,
                                      Clock clock, MeterRegistry meters, Sightings sightings) {
        return new PodmanModule(config, stateDir, inventory, out, clock, meters, sightings, EngineRef.ROOTFUL_PODMAN,
                PodmanClient::new);
    }

    private StatsSource source(PodmanConfig config) {
        ApiStatsSource api = new ApiStatsSource(connection);
        CgroupStatsSource cgroup = new CgroupStatsSource(config.cgroupRoot(), config.procRoot());
        return switch (config.statsSource()) {
            case API -> api;
            case CGROUP -> cgroup;
            case AUTO -> new AutoStatsSource(cgroup, api);
            case PROC -> new ProcStatsSource(config.procRoot());
        };
    }

    /** In start order: own service (when podwatch may run one), API connection, events watcher. */
    public List<Managed> managed() {
        List<Managed> out = new ArrayList<>();
        if (service != null) {
            out.add(service);
        }
        out.add(new Managed() {
            @Override
            public String name() {
                return collector.name() + "-api";
            }

            @Override
            public void close() {
                connection.close();
            }
        });
        out.add(events);
        return out;
    }

    public PodmanStatsCollector collector() {
        return collector;
    }

    public CollectorRunner.Schedule schedule() {
        return schedule;
    }

    /** The API the collectors share; other Podman-based collectors (volumes, posture) may reuse it. */
    public PodmanApi api() {
        return connection;
    }

    @Override
    public String name() {
        return collector.name();
    }

    @Override
    public Optional<PodmanApi> podmanApi() {
        return Optional.of(connection);
    }

    /** Which engine and owner this module watches. */
    public EngineRef engineRef() {
        return engine;
    }

    @Override
    public Optional<ContainerInfo> learn(String containerId) {
        return tracker.learn(containerId);
    }

    public ContainerTracker tracker() {
        return tracker;
    }

    /** The service podwatch runs itself, when it may run one. */
    public Optional<OwnedPodmanService> ownedService() {
        return Optional.ofNullable(service);
    }
}
