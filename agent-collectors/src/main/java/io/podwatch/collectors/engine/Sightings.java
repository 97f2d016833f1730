package io.podwatch.collectors.engine;

import java.time.Clock;
import java.time.Duration;

/**
 * What the engine trackers tell the audit trail: the monitor and init pids of their containers and
 * every container they saw (kept a while after removal). One per agent, shared by all engines.
 * Thread-safe.
 */
public record Sightings(MonitorPids pids, RecentContainers containers) {
    /** How long a removed container is still named in audit events read late. */
    public static final Duration KEEP_REMOVED = Duration.ofMinutes(10);

    public static Sightings create(Clock clock) {
        return new Sightings(new MonitorPids(), new RecentContainers(clock, KEEP_REMOVED, 16_384));
    }
}
