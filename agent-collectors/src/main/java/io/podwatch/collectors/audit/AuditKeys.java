package io.podwatch.collectors.audit;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/** The config keys of {@link AuditTrailConfig}: declarations only (names, types, defaults, docs). */
public final class AuditKeys {
    public static final Setting<Boolean> ENABLED = Setting.of("audit.enabled", ValueTypes.bool(), true,
            "Follow the audit log. On by default wherever audit.log exists; false turns it off.");
    public static final Setting<String> LOG = Setting.of("audit.log", ValueTypes.nonEmpty("a file path"),
            "/var/log/audit/audit.log", "auditd's log file (rotated siblings audit.log.1... are found beside it).");
    public static final Setting<String> START = Setting.of("audit.start", ValueTypes.oneOf("end", "beginning"),
            "end", "Where the very first start reads from; later starts continue from the checkpoint.");
    public static final Setting<Boolean> LOG_ALL = Setting.of("audit.log-all-events", ValueTypes.bool(), false,
            "Write every assembled audit event to the event log, not only rule matches (verbose).");
    public static final Setting<Duration> EVENT_TIMEOUT = Setting.of("audit.event-timeout",
            ValueTypes.duration(Duration.ofMillis(100), Duration.ofMinutes(1)), Duration.ofSeconds(2),
            "How long an event's records are awaited after its first arrived before it is closed as is.");
    public static final Setting<Integer> MAX_IN_FLIGHT = Setting.of("audit.max-events-in-flight",
            ValueTypes.integer(16, 1_000_000), 4096,
            "Open (unfinished) events kept at most; beyond, the oldest is closed early and counted.");
    public static final Setting<Duration> POLL = Setting.of("audit.poll-interval",
            ValueTypes.duration(Duration.ofMillis(20), Duration.ofSeconds(10)), Duration.ofMillis(200),
            "How often the log is checked for new lines when idle, and for rotation.");
    public static final Setting<Duration> STATUS_INTERVAL = Setting.of("audit.status-interval",
            ValueTypes.duration(Duration.ofSeconds(5), Duration.ofHours(1)), Duration.ofSeconds(30),
            "How often the kernel audit status (enabled, lost, backlog, rules) is read with auditctl.");
    public static final Setting<Duration> CONTAINER_CACHE_TTL = Setting.of("audit.container-cache-ttl",
            ValueTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofMinutes(1),
            "How long container names and process→container answers are cached.");

    public static List<Setting<?>> all() {
        return List.of(ENABLED, LOG, START, LOG_ALL, EVENT_TIMEOUT, MAX_IN_FLIGHT, POLL, STATUS_INTERVAL,
                CONTAINER_CACHE_TTL);
    }

    private AuditKeys() {
    }
}
