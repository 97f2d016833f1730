package io.podwatch.collectors.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The watcher's counters and a per-volume snapshot, written by the worker (at most once a second)
 * and read by the collector thread for {@code /metrics}. Thread-safe.
 */
final class WatcherStats {
    final AtomicLong inotifyEvents = new AtomicLong();
    final AtomicLong overflows = new AtomicLong();
    final AtomicLong ringLost = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong scanErrors = new AtomicLong();
    final AtomicLong watchErrors = new AtomicLong();
    final AtomicLong skippedDirs = new AtomicLong();
    final AtomicLong scannedFiles = new AtomicLong();
    final AtomicLong scanCpuNanos = new AtomicLong();
    final Map<String, AtomicLong> rescans = new ConcurrentHashMap<>();
    private volatile List<VolumeStat> volumes = List.of();
    private volatile int watches;
    private volatile int budget;
    private long lastPublish;

    /** One volume's numbers at the last publish. */
    record VolumeStat(String id, String name, String source, long bytes, long files, long lastWriteNanos,
                      long changes, boolean scanOnly, int watches, boolean readOnly) {
    }

    void rescan(String reason, long files, long cpuNanos) {
        rescans.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        scannedFiles.addAndGet(files);
        scanCpuNanos.addAndGet(cpuNanos);
    }

    void publish(Volumes vs, Watches w) {
        long now = System.nanoTime();
        if (now - lastPublish < 1_000_000_000L && lastPublish != 0) {
            return;
        }
        lastPublish = now;
        List<VolumeStat> out = new ArrayList<>();
        for (WatchedVolume v : vs.list()) {
            long lastWrite = Math.max(v.index.lastWriteNanos(), v.lastEventWallNanos);
            out.add(new VolumeStat(v.id, v.name, v.source.toString(), v.index.bytes(), v.index.entries(), lastWrite,
                    v.changes, v.scanOnly || !w.enabled(), v.wds.size(), vs.view(v).readOnlyEverywhere()));
        }
        volumes = List.copyOf(out);
        watches = w.count();
        budget = w.budget();
    }

    List<VolumeStat> volumes() {
        return volumes;
    }

    int watches() {
        return watches;
    }

    int budget() {
        return budget;
    }
}
