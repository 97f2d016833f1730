package io.podwatch.collectors.volume;

import io.podwatch.core.model.MetricDef;
import java.util.List;

/** The volume watcher's metric families. */
public final class VolumeMetrics {
    public static final MetricDef SIZE = MetricDef.gauge("podwatch_volume_size_bytes", "bytes",
            "Apparent size of a watched volume's regular files, hard links counted once (kept from events)",
            "volume", "source");
    public static final MetricDef FILES = MetricDef.gauge("podwatch_volume_files", "",
            "Files, directories and other entries in a watched volume", "volume");
    public static final MetricDef LAST_WRITE = MetricDef.gauge("podwatch_volume_last_write_timestamp_seconds",
            "seconds", "Newest change seen in a watched volume (mtime/ctime or event time)", "volume");
    public static final MetricDef GROWTH = MetricDef.gauge("podwatch_volume_growth_bytes_per_second", "bytes",
            "How fast a watched volume grew over the last reconcile interval (negative: shrank)", "volume");
    public static final MetricDef FS_AVAIL = MetricDef.gauge("podwatch_volume_filesystem_avail_bytes", "bytes",
            "Bytes still available to unprivileged writers on the file system holding the volume", "volume");
    public static final MetricDef CHANGES = MetricDef.counter("podwatch_volume_changes_total", "",
            "File changes reported for a watched volume (inotify and scans)", "volume");
    public static final MetricDef SCAN_ONLY = MetricDef.gauge("podwatch_volume_scan_only", "",
            "1 when a volume is watched by periodic scans only (inotify off or watch budget spent)", "volume");
    public static final MetricDef READ_ONLY = MetricDef.gauge("podwatch_volume_read_only", "",
            "1 when every container mounts the source read-only (any change is a violation)", "volume");
    public static final MetricDef WATCHED = MetricDef.gauge("podwatch_volumes_watched", "",
            "Mount sources watched (deduplicated by device and inode)");
    public static final MetricDef WATCHES = MetricDef.gauge("podwatch_volume_inotify_watches", "",
            "inotify watches podwatch holds");
    public static final MetricDef WATCH_BUDGET = MetricDef.gauge("podwatch_volume_inotify_watch_budget", "",
            "inotify watches podwatch may hold (volumes.max-watches or max_user_watches minus those in use)");
    public static final MetricDef EVENTS = MetricDef.counter("podwatch_volume_inotify_events_total", "",
            "Raw inotify events read");
    public static final MetricDef OVERFLOWS = MetricDef.counter("podwatch_volume_inotify_overflows_total", "",
            "Kernel inotify queue overflows (IN_Q_OVERFLOW): the volumes were rescanned");
    public static final MetricDef RING_LOST = MetricDef.counter("podwatch_volume_event_ring_full_total", "",
            "Times the event ring was full and raw events were dropped: the volumes were rescanned");
    public static final MetricDef RESCANS = MetricDef.counter("podwatch_volume_rescans_total", "",
            "Volume rescans by reason: lost-events, scan-only, periodic", "reason");
    public static final MetricDef SCANNED = MetricDef.counter("podwatch_volume_scanned_files_total", "",
            "Entries walked by rescans");
    public static final MetricDef SCAN_CPU = MetricDef.counter("podwatch_volume_scan_cpu_seconds_total", "seconds",
            "CPU time spent in rescans");
    public static final MetricDef ERRORS = MetricDef.counter("podwatch_volume_errors_total", "",
            "Watcher errors by kind: scan, watch, step", "kind");
    public static final MetricDef AUDIT_RULES = MetricDef.gauge("podwatch_volume_audit_rules", "",
            "podwatch's per-volume audit rules loaded in the kernel");
    public static final MetricDef AUDIT_LOCKED = MetricDef.gauge("podwatch_volume_audit_rules_locked", "",
            "1 when audit rules are immutable (auditctl -e 2) so volume rules cannot be added");
    public static final MetricDef SPRAWL_ITEMS = MetricDef.gauge("podwatch_sprawl_items", "",
            "Things to clean up (podwatch sprawl): dangling or long-unused volumes, old stopped containers, unused images",
            "kind");
    public static final MetricDef DANGLING_SINCE = MetricDef.gauge("podwatch_volume_dangling_since_timestamp_seconds",
            "seconds", "When a volume no container uses was last used (or first seen unused, or created)", "volume");
    public static final MetricDef IMAGE_LAST_USED = MetricDef.gauge("podwatch_image_last_used_timestamp_seconds",
            "seconds", "When the agent last saw a container using the image (or its creation time)", "image");
    public static final MetricDef CONTAINER_STOPPED_SINCE = MetricDef.gauge(
            "podwatch_container_stopped_since_timestamp_seconds", "seconds",
            "When a stopped container exited (or was created, if it never ran)", "container");
    public static final MetricDef STORAGE_SIZE = MetricDef.gauge("podwatch_storage_root_size_bytes", "bytes",
            "Size of the file system holding the engine's storage root (images, containers, volumes)", "path");
    public static final MetricDef STORAGE_AVAIL = MetricDef.gauge("podwatch_storage_root_avail_bytes", "bytes",
            "Bytes still available on the file system holding the engine's storage root", "path");

    private VolumeMetrics() {
    }

    public static List<MetricDef> all() {
        return List.of(SIZE, FILES, LAST_WRITE, GROWTH, FS_AVAIL, CHANGES, SCAN_ONLY, READ_ONLY, WATCHED, WATCHES,
                WATCH_BUDGET, EVENTS, OVERFLOWS, RING_LOST, RESCANS, SCANNED, SCAN_CPU, ERRORS, AUDIT_RULES,
                AUDIT_LOCKED, SPRAWL_ITEMS, DANGLING_SINCE, IMAGE_LAST_USED, CONTAINER_STOPPED_SINCE, STORAGE_SIZE, STORAGE_AVAIL);
    }
}
