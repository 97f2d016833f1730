package io.podwatch.collectors.volume;

import io.podwatch.collectors.volume.MountScope.ContainerMounts;
import io.podwatch.collectors.volume.MountScope.Mount;
import io.podwatch.collectors.volume.scan.FileStat;
import io.podwatch.collectors.volume.scan.SafeFs;
import io.podwatch.core.volume.VolumeDirectory;
import io.podwatch.core.volume.VolumeView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The set of watched sources, deduplicated by (device, inode), kept equal to what the running
 * containers mount. A source removed and re-created (same name, new inode) is a new volume: the old
 * one is dropped with its watches, the new one scanned and watched. The inventory is offered from
 * the collector thread; everything else runs on the worker thread.
 */
final class Volumes {
    private final Map<String, WatchedVolume> byKey = new LinkedHashMap<>();
    private final Map<WatchedVolume, VolumeView> views = new IdentityHashMap<>();
    private final AtomicReference<List<ContainerMounts>> pending = new AtomicReference<>();
    private final Watches watches;
    private final VolumeDirectory directory;
    private final BooleanSupplier auditInstalled;
    private Scanner scanner;

    Volumes(Watches watches, VolumeDirectory directory, BooleanSupplier auditInstalled) {
        this.watches = watches;
        this.directory = directory;
        this.auditInstalled = auditInstalled;
    }

    void bind(Scanner s) {
        this.scanner = s;
    }

    /** Called from the collector thread with the current inventory; the worker applies the latest. */
    void offer(List<ContainerMounts> running) {
        pending.set(List.copyOf(running));
    }

    private static final class Desired {
        final Path source;
        final String name;
        final int fd;
        final FileStat stat;
        final List<VolumeView.MountUse> mounts = new ArrayList<>();

        Desired(Path source, String name, int fd, FileStat stat) {
            this.source = source;
            this.name = name;
            this.fd = fd;
            this.stat = stat;
        }
    }

    void applyPendingScope() {
        List<ContainerMounts> p = pending.getAndSet(null);
        if (p != null) {
            apply(p);
        }
    }

    private void apply(List<ContainerMounts> running) {
        Map<String, Desired> want = new LinkedHashMap<>();
        for (ContainerMounts c : running) {
            for (Mount m : c.mounts()) {
                if (!m.watchable()) {
                    continue;
                }
                int fd;
                try {
                    fd = SafeFs.openRoot(m.source()); // a bind-mounted file is not a directory: not watched here
                } catch (IOException e) {
                    continue;
                }
                FileStat st = SafeFs.statFd(fd);
                String key = st.dev() + ":" + st.ino();
                Desired d = want.get(key);
                if (d == null) {
                    d = new Desired(m.source(), m.name().isEmpty() ? m.source().toString() : m.name(), fd, st);
                    want.put(key, d);
                } else {
                    SafeFs.close(fd);
                }
                d.mounts.add(new VolumeView.MountUse(c.container(), m.destination(), m.rw()));
            }
        }
        for (String key : new ArrayList<>(byKey.keySet())) {
            if (!want.containsKey(key)) {
                remove(byKey.get(key));
            }
        }
        for (Map.Entry<String, Desired> e : want.entrySet()) {
            Desired d = e.getValue();
            WatchedVolume v = byKey.get(e.getKey());
            if (v == null) {
                v = new WatchedVolume(d.source, d.stat.dev(), d.stat.ino(), d.fd, d.name);
                v.mounts = List.copyOf(d.mounts);
                byKey.put(e.getKey(), v);
                views.put(v, v.view());
                scanner.baseline(v, views.get(v));
            } else {
                SafeFs.close(d.fd);
                v.name = d.name;
                v.mounts = List.copyOf(d.mounts);
                views.put(v, v.view());
            }
        }
        publish();
    }

    private void remove(WatchedVolume v) {
        watches.removeAll(v);
        SafeFs.close(v.rootFd);
        byKey.values().remove(v);
        views.remove(v);
    }

    void publish() {
        Map<String, VolumeView> m = new LinkedHashMap<>();
        views.values().forEach(v -> m.put(v.id(), v));
        directory.publish(m, auditInstalled.getAsBoolean());
    }

    void markAllDirty(long now, String why) {
        byKey.values().forEach(v -> v.markDirty(now));
    }

    Collection<WatchedVolume> list() {
        return byKey.values();
    }

    VolumeView view(WatchedVolume v) {
        return views.get(v);
    }

    void closeAll() {
        new ArrayList<>(byKey.values()).forEach(this::remove);
    }
}
