package io.podwatch.collectors.host;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/** The config keys of {@link HostConfig}: declarations only (names, types, defaults, docs). */
public final class HostKeys {
    public static final Setting<Boolean> ENABLED = Setting.of("host.enabled", ValueTypes.bool(), true,
            "Collect host CPU, memory, filesystem, network and load metrics (node_exporter names).");
    public static final Setting<Duration> INTERVAL = Setting.of("host.interval",
            ValueTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(15),
            "How often host metrics are read.");

    public static List<Setting<?>> all() {
        return List.of(ENABLED, INTERVAL);
    }

    private HostKeys() {
    }
}
