package io.podwatch.collectors.volume;

import io.podwatch.collectors.volume.inotify.InotifyEvent;
import io.podwatch.collectors.volume.inotify.InotifyMask;
import io.podwatch.collectors.volume.inotify.InotifyParser;
import io.podwatch.collectors.volume.inotify.InotifySource;
import io.podwatch.collectors.volume.scan.FileStat;
import io.podwatch.collectors.volume.scan.SafeFs;
import io.podwatch.core.collect.LogThrottle;
import io.podwatch.core.volume.VolumeFields;
import io.podwatch.core.volume.VolumeView;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watcher's one worker thread ({@code podwatch-volume-worker}): applies the inventory, turns raw
 * inotify bytes into change events, rescans dirty and scan-only volumes, and runs the periodic full
 * pass under its CPU budget. All volume state is confined to this thread.
 */
final class VolumeWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(VolumeWorker.class);
    private static final Charset NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    /** Idle wake-up: the worker also re-checks dirty and scan-only volumes this often. */
    private static final Duration TAKE = Duration.ofMillis(500);

    private final VolumeWatcherConfig settings;
    private final InotifySource inotify;
    private final Watches watches;
    private final Volumes volumes;
    private final Scanner scanner;
    private final Changes changes;
    private final WatcherStats stats;
    private final Clock clock;
    private final LogThrottle throttle;
    private final Deque<WatchedVolume> fullPass = new ArrayDeque<>();
    private long nextFullPassNanos;
    private long fullPassNotBefore;
    private volatile boolean running = true;

    VolumeWorker(VolumeWatcherConfig settings, InotifySource inotify, Watches watches, Volumes volumes, Scanner scanner,
                 Changes changes, WatcherStats stats, Clock clock) {
        this.settings = settings;
        this.inotify = inotify;
        this.watches = watches;
        this.volumes = volumes;
        this.scanner = scanner;
        this.changes = changes;
        this.stats = stats;
        this.clock = clock;
        this.throttle = new LogThrottle(clock, Duration.ofMinutes(1));
        this.nextFullPassNanos = System.nanoTime() + settings.fullScanInterval().toNanos();
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                stats.failures.incrementAndGet();
                long suppressed = throttle.pass();
                if (suppressed >= 0) {
                    LOG.warn("volume watcher step failed ({} similar not logged): {}", suppressed, e.toString(), e);
                }
            }
        }
    }

    private void step() throws InterruptedException {
        boolean busy = false;
        if (inotify != null) {
            byte[] chunk = inotify.take(TAKE);
            for (int i = 0; chunk != null && i < 64; i++) {
                busy = true;
                stats.inotifyEvents.addAndGet(InotifyParser.parse(chunk, chunk.length, this::handle));
                chunk = i < 63 ? inotify.take(Duration.ZERO) : null;
            }
            if (inotify.takeLost()) {
                stats.ringLost.incrementAndGet();
                volumes.markAllDirty(System.nanoTime(), "event ring full");
            }
        } else {
            Thread.sleep(TAKE.toMillis());
        }
        volumes.applyPendingScope();
        long now = System.nanoTime();
        rescanDirty(now, busy);
        rescanScanOnly(now);
        fullPass(now);
        stats.publish(volumes, watches);
    }

    private void handle(InotifyEvent ev) {
        long now = System.nanoTime();
        if (ev.is(InotifyMask.Q_OVERFLOW)) {
            stats.overflows.incrementAndGet();
            volumes.markAllDirty(now, "kernel inotify queue overflow");
            return;
        }
        Watches.Ref ref = watches.get(ev.wd());
        if (ref == null) {
            return; // a watch removed a moment ago
        }
        WatchedVolume v = ref.volume();
        if (ev.is(InotifyMask.IGNORED)) {
            watches.ignored(ev.wd());
            if (ref.rel().isEmpty()) {
                v.rootGone = true; // the volume was removed; the next reconcile drops or replaces it
            }
            return;
        }
        if (ev.name().length == 0 || v.dirty) {
            return; // events on the directory itself are covered by its parent; a dirty volume is rescanned anyway
        }
        String name = new String(ev.name(), NAMES);
        String rel = ref.rel().isEmpty() ? name : ref.rel() + "/" + name;
        VolumeView view = volumes.view(v);
        if (ev.is(InotifyMask.DELETE) || ev.is(InotifyMask.MOVED_FROM)) {
            FileStat old = v.index.remove(rel);
            if (ev.isDir() && ev.is(InotifyMask.MOVED_FROM)) {
                v.markDirty(now); // its watched subtree now has other paths: rescan puts them right
            } else if (ev.isDir()) {
                v.index.removeTree(rel, (r, st) -> { });
            }
            changes.emit(v, view, ev.is(InotifyMask.DELETE) ? VolumeFields.DELETED : VolumeFields.MOVED, "inotify",
                    rel, old, ChangeEvents.Facts.NONE);
            return;
        }
        if (ev.isDir() && (ev.is(InotifyMask.CREATE) || ev.is(InotifyMask.MOVED_TO))) {
            if (ev.is(InotifyMask.MOVED_TO)) {
                v.markDirty(now);
            } else {
                scanner.newDirectory(v, view, rel); // watch first, then read: nothing created meanwhile is missed
            }
            return;
        }
        fileEvent(v, view, ref.rel(), name, rel, ev);
    }

    private void fileEvent(WatchedVolume v, VolumeView view, String dirRel, String name, String rel, InotifyEvent ev) {
        int dirfd = -1;
        try {
            dirfd = SafeFs.openDir(v.rootFd, dirRel);
            FileStat st = SafeFs.stat(dirfd, name);
            if (st == null) {
                return; // already gone: its DELETE follows
            }
            FileStat old = v.index.put(rel, st);
            if (old != null && !Changes.differs(old, st)) {
                return;
            }
            String action = ev.is(InotifyMask.CREATE) ? VolumeFields.CREATED
                    : ev.is(InotifyMask.MOVED_TO) ? VolumeFields.MOVED
                    : ev.is(InotifyMask.CLOSE_WRITE) ? VolumeFields.CHANGED
                    : old == null ? VolumeFields.CREATED : VolumeFields.ATTRIBUTES;
            changes.file(v, view, rel, name, dirfd, st, old, ev.is(InotifyMask.CLOSE_WRITE), action, "inotify");
        } catch (IOException e) {
            v.markDirty(System.nanoTime()); // the directory moved or vanished under us: let a rescan decide
        } finally {
            SafeFs.close(dirfd);
        }
    }

    private void rescanDirty(long now, boolean busy) {
        long delay = settings.dirtyRescanDelay().toNanos();
        for (WatchedVolume v : volumes.list()) {
            if (!v.dirty || v.rootGone) {
                continue;
            }
            long waited = now - v.dirtySinceNanos;
            // let a burst settle (rescanning mid-burst overflows again), but never wait forever
            if (waited >= delay && (!busy || waited >= 10 * delay)) {
                scanner.rescan(v, volumes.view(v), "lost-events");
            }
        }
    }

    private void rescanScanOnly(long now) {
        long every = settings.scanOnlyInterval().toNanos();
        for (WatchedVolume v : volumes.list()) {
            if ((v.scanOnly || !watches.enabled()) && !v.rootGone && now - v.lastScanNanos >= every) {
                scanner.rescan(v, volumes.view(v), "scan-only");
            }
        }
    }

    private void fullPass(long now) {
        if (now >= nextFullPassNanos) {
            nextFullPassNanos = now + settings.fullScanInterval().toNanos();
            fullPass.clear();
            fullPass.addAll(volumes.list());
        }
        if (fullPass.isEmpty() || now < fullPassNotBefore) {
            return;
        }
        WatchedVolume v = fullPass.poll();
        if (!volumes.list().contains(v) || v.rootGone) {
            return;
        }
        long cpu = scanner.rescan(v, volumes.view(v), "periodic");
        // pause so that the pass uses at most its share of one core
        fullPassNotBefore = System.nanoTime() + (long) (cpu * (1 / settings.scanCpuBudget() - 1));
    }

    List<WatchedVolume> snapshotList() {
        return new ArrayList<>(volumes.list());
    }
}
