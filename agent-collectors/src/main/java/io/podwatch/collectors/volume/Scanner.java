package io.podwatch.collectors.volume;

import io.podwatch.collectors.volume.index.VolumeIndex;
import io.podwatch.collectors.volume.scan.FileStat;
import io.podwatch.collectors.volume.scan.TreeWalker;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Severity;
import io.podwatch.core.volume.VolumeFields;
import io.podwatch.core.volume.VolumeView;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walks volumes (watching each directory before reading it) and compares what it finds with the
 * index: the baseline when a volume appears, a new directory's subtree, and full rescans after lost
 * events, for scan-only volumes and in the periodic pass. Worker thread.
 */
final class Scanner {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Watches watches;
    private final Changes changes;
    private final WatcherStats stats;
    private final Emitter out;
    private final Clock clock;

    Scanner(Watches watches, Changes changes, WatcherStats stats, Emitter out, Clock clock) {
        this.watches = watches;
        this.changes = changes;
        this.stats = stats;
        this.out = out;
        this.clock = clock;
    }

    /** First sight of a volume: index and watch it, quietly (what was there before is not a change). */
    void baseline(WatchedVolume v, VolumeView view) {
        VolumeIndex idx = new VolumeIndex();
        walk(v, view, "", idx);
        v.index = idx;
        v.lastScanNanos = System.nanoTime();
    }

    /** A directory just created: watch it and everything below, then report what is already inside. */
    void newDirectory(WatchedVolume v, VolumeView view, String rel) {
        VolumeIndex found = new VolumeIndex();
        if (!walk(v, view, rel, found)) {
            return;
        }
        found.forEach((r, st) -> {
            FileStat old = v.index.put(r, st);
            if (Changes.differs(old, st)) {
                changes.file(v, view, r, name(r), -1, st, old, false,
                        old == null ? VolumeFields.CREATED : VolumeFields.CHANGED, "inotify");
            }
        });
    }

    /** Walks the whole volume and reports every difference with the index; returns the CPU it took. */
    long rescan(WatchedVolume v, VolumeView view, String reason) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        v.dirty = false; // events from now on are handled normally; the walk sees everything before
        VolumeIndex fresh = new VolumeIndex();
        if (!walk(v, view, "", fresh)) {
            v.lastScanNanos = System.nanoTime();
            return THREADS.getCurrentThreadCpuTime() - cpu0;
        }
        VolumeIndex old = v.index;
        long[] n = new long[4];
        fresh.forEach((rel, st) -> {
            FileStat before = old.get(rel);
            if (before == null) {
                n[0]++;
                changes.file(v, view, rel, name(rel), -1, st, null, false, VolumeFields.CREATED, "scan");
            } else if (Changes.differs(before, st)) {
                boolean attrsOnly = before.size() == st.size() && before.mtimeNanos() == st.mtimeNanos()
                        && before.ino() == st.ino();
                n[attrsOnly ? 2 : 1]++;
                changes.file(v, view, rel, name(rel), -1, st, before, false,
                        attrsOnly ? VolumeFields.ATTRIBUTES : VolumeFields.CHANGED, "scan");
            }
        });
        old.forEach((rel, st) -> {
            if (!fresh.contains(rel)) {
                n[3]++;
                changes.emit(v, view, VolumeFields.DELETED, "scan", rel, st, ChangeEvents.Facts.NONE);
            }
        });
        v.index = fresh;
        v.lastScanNanos = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        stats.rescan(reason, fresh.entries(), cpu);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put(VolumeFields.REASON, reason);
        f.put("volume.files", fresh.entries());
        f.put("volume.created", n[0]);
        f.put("volume.modified", n[1]);
        f.put("volume.attributes_changed", n[2]);
        f.put("volume.deleted", n[3]);
        if (!reason.equals("scan-only") || n[0] + n[1] + n[2] + n[3] > 0) {
            out.event(ChangeEvents.volume(clock.instant(), VolumeFields.RESCANNED, Severity.INFO, view,
                    "volume " + view.name() + " rescanned (" + reason + "): " + n[0] + " created, " + n[1]
                            + " modified, " + n[2] + " attributes changed, " + n[3] + " deleted", f));
        }
        return cpu;
    }

    /** Walks {@code rel} of {@code v} into {@code into}, watching directories; false when the volume is unreadable. */
    private boolean walk(WatchedVolume v, VolumeView view, String rel, VolumeIndex into) {
        try {
            TreeWalker.walk(v.rootFd, rel, v.dev, new TreeWalker.Visitor() {
                @Override
                public void directory(String r, int fd, FileStat stat) {
                    watch(v, view, r, fd);
                    if (!r.isEmpty() && r.equals(rel)) {
                        into.put(r, stat); // the walk's own start; all others arrive as entries
                    }
                }

                @Override
                public void entry(String r, FileStat stat) {
                    into.put(r, stat);
                }

                @Override
                public void skipped(String r, String why) {
                    stats.skippedDirs.incrementAndGet();
                }
            });
            return true;
        } catch (IOException e) {
            stats.scanErrors.incrementAndGet();
            return false;
        }
    }

    private void watch(WatchedVolume v, VolumeView view, String rel, int fd) {
        try {
            watches.add(v, rel, fd);
        } catch (Watches.BudgetExceeded e) {
            watches.removeAll(v);
            v.scanOnly = true;
            v.scanOnlyReason = e.getMessage();
            out.event(ChangeEvents.volume(clock.instant(), VolumeFields.SCAN_ONLY, Severity.MEDIUM, view,
                    "volume " + view.name() + " is watched by scanning only: " + e.getMessage(),
                    Map.of("error.message", e.getMessage())));
        } catch (IOException e) {
            stats.watchErrors.incrementAndGet();
        }
    }

    private static String name(String rel) {
        return rel.substring(rel.lastIndexOf('/') + 1);
    }
}
