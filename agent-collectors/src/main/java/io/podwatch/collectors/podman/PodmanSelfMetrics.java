package io.podwatch.collectors.podman;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.core.inventory.ContainerKey;
import io.podwatch.collectors.podman.api.ApiObserver;
import io.podwatch.collectors.podman.api.PodmanConnection;
import io.podwatch.core.inventory.InventoryFeed;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Podman side's health as metrics: {@code podwatch_podman_up}, {@code podwatch_podman_containers},
 * {@code podwatch_podman_containers_refused} and {@code podwatch_podman_api_request_seconds{call,outcome}}.
 * (Events reconnects and service restarts are counted where they happen.)
 */
public final class PodmanSelfMetrics implements ApiObserver {
    private final MeterRegistry meters;
    private final String prefix;
    private final Tags tags;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    PodmanSelfMetrics(MeterRegistry meters) {
        this(meters, EngineRef.ROOTFUL_PODMAN);
    }

    /** {@code podwatch_<engine>_*}, with an {@code owner} tag for a rootless user's engine. */
    public PodmanSelfMetrics(MeterRegistry meters, EngineRef engine) {
        this.meters = meters;
        this.prefix = "podwatch." + engine.engine();
        this.tags = tags(engine);
    }

    /** No tags for the root engine (the names alone, as before), {@code owner} for a rootless one. */
    public static Tags tags(EngineRef engine) {
        return engine.owner().equals(ContainerKey.ROOT) ? Tags.empty() : Tags.of("owner", engine.owner());
    }

    public void watch(PodmanConnection connection, InventoryFeed containers) {
        Gauge.builder(prefix + ".up", connection, c -> c.up() ? 1 : 0).tags(tags)
                .description("1 when the last engine API call got an answer").register(meters);
        Gauge.builder(prefix + ".containers", containers, InventoryFeed::size).tags(tags)
                .description("Containers podwatch currently tracks").register(meters);
        Gauge.builder(prefix + ".containers.refused", containers, InventoryFeed::refused).tags(tags)
                .description("Containers not tracked because the engine's max-containers was reached").register(meters);
    }

    @Override
    public void observed(String call, long nanos, boolean ok) {
        String key = call + (ok ? "+" : "-");
        timers.computeIfAbsent(key, k -> Timer.builder(prefix + ".api.request").tags(tags).tag("call", call)
                .tag("outcome", ok ? "success" : "failure")
                .description("Engine API calls podwatch made and how long they took").register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
