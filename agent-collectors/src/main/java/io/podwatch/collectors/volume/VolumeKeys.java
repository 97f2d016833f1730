package io.podwatch.collectors.volume;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/** The volume watcher's config keys; the alert thresholds are in {@code VolumeRuleKeys}. */
public final class VolumeKeys {
    public static final Setting<Boolean> ENABLED = Setting.of("volumes.enabled", ValueTypes.bool(), true,
            "Watch every running container's writable mounts (named volumes, RW bind mounts) for changes.");
    public static final Setting<Boolean> INOTIFY = Setting.of("volumes.inotify", ValueTypes.bool(), true,
            "Real-time layer: inotify watches on every directory of every watched volume.");
    public static final Setting<Boolean> AUDIT = Setting.of("volumes.audit-rules", ValueTypes.bool(), true,
            "Who-layer: add one audit rule per volume (-F dir=SOURCE -F perm=wa -k podwatch-vol:ID) where auditd "
                    + "runs, removed again on stop. Needs the audit trail (audit.enabled).");
    public static final Setting<Duration> RECONCILE = Setting.of("volumes.reconcile-interval",
            ValueTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(10),
            "How often the container inventory, audit rules and volume metrics are reconciled.");
    public static final Setting<Duration> FULL_SCAN = Setting.of("volumes.full-scan-interval",
            ValueTypes.duration(Duration.ofMinutes(1), Duration.ofDays(7)), Duration.ofHours(6),
            "Safety net: every volume is walked and compared with the index this often (ctime catches chmod u+s "
                    + "that leaves mtime alone, with inotify and audit off).");
    public static final Setting<Double> SCAN_CPU = Setting.of("volumes.full-scan-cpu-budget",
            ValueTypes.decimal(0.01, 1.0), 0.1,
            "Share of one core the periodic full pass may use (it pauses between volumes).");
    public static final Setting<Duration> SCAN_ONLY = Setting.of("volumes.scan-only-interval",
            ValueTypes.duration(Duration.ofSeconds(5), Duration.ofHours(6)), Duration.ofMinutes(1),
            "How often volumes without inotify watches (inotify off or watch budget exhausted) are rescanned.");
    public static final Setting<Long> RING = Setting.of("volumes.event-ring-size",
            ValueTypes.bytes(64 * 1024, 1L << 30), 8L << 20,
            "Bytes of raw inotify events buffered between the reader and the worker; when full, the volumes "
                    + "are rescanned instead (counted).");
    public static final Setting<Integer> MAX_WATCHES = Setting.of("volumes.max-watches",
            ValueTypes.integer(0, Integer.MAX_VALUE), 0,
            "Most inotify watches podwatch uses; 0: fs.inotify.max_user_watches minus those in use, less a "
                    + "reserve of 10 %. A volume beyond the budget is watched by scanning only.");
    public static final Setting<Long> HASH_MAX = Setting.of("volumes.hash-max-file-size",
            ValueTypes.bytes(0, 1L << 34), 64L << 20,
            "SHA-256 of new executables and set-user-id files up to this size (0: never hash).");
    public static final Setting<Integer> HASH_RATE = Setting.of("volumes.hashes-per-minute",
            ValueTypes.integer(0, 1_000_000), 600, "At most this many files hashed per minute.");
    public static final Setting<Duration> DIRTY_DELAY = Setting.of("volumes.dirty-rescan-delay",
            ValueTypes.duration(Duration.ZERO, Duration.ofMinutes(5)), Duration.ofMillis(500),
            "After lost events, wait this long for the burst to settle before rescanning (never longer while "
                    + "events keep coming than 10 times this).");
    public static final Setting<Duration> SPRAWL_INTERVAL = Setting.of("volumes.sprawl-interval",
            ValueTypes.duration(Duration.ofMinutes(1), Duration.ofDays(1)), Duration.ofHours(1),
            "How often volumes, containers and images are reviewed for sprawl (one inspect per container).");
    public static final Setting<Integer> UNUSED_DAYS = Setting.of("volumes.unused-days",
            ValueTypes.integer(0, 3650), 30,
            "Dangling volumes, stopped containers and unused images older than this are sprawl (podwatch sprawl).");

    private VolumeKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(ENABLED, INOTIFY, AUDIT, RECONCILE, FULL_SCAN, SCAN_CPU, SCAN_ONLY, RING, MAX_WATCHES,
                HASH_MAX, HASH_RATE, DIRTY_DELAY, SPRAWL_INTERVAL, UNUSED_DAYS);
    }
}
