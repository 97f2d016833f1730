package io.podwatch.collectors.podman;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
final class PodmanSelfMetrics implements ApiObserver {
    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    PodmanSelfMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void watch(PodmanConnection connection, InventoryFeed containers) {
        Gauge.builder("podwatch.podman.up", connection, c -> c.up() ? 1 : 0)
                .description("1 when the last Podman API call got an answer").register(meters);
        Gauge.builder("podwatch.podman.containers", containers, InventoryFeed::size)
                .description("Containers podwatch currently tracks").register(meters);
        Gauge.builder("podwatch.podman.containers.refused", containers, InventoryFeed::refused)
                .description("Containers not tracked because podman.max-containers was reached").register(meters);
    }

    @Override
    public void observed(String call, long nanos, boolean ok) {
        String key = call + (ok ? "+" : "-");
        timers.computeIfAbsent(key, k -> Timer.builder("podwatch.podman.api.request").tag("call", call)
                .tag("outcome", ok ? "success" : "failure")
                .description("Podman API calls podwatch made and how long they took").register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
