package io.podwatch.collectors.volume;

import io.podwatch.collectors.volume.inotify.InotifyMask;
import io.podwatch.collectors.volume.inotify.InotifySource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The inotify watches of all volumes: watch descriptor → (volume, directory). A directory is
 * watched through {@code /proc/self/fd/N} of the descriptor the walk opened it with, so the watch
 * lands on exactly the directory that was checked, whatever symlinks a container plants in the
 * path meanwhile. Worker thread only.
 */
final class Watches {
    record Ref(WatchedVolume volume, String rel) {
    }

    /** The watch budget is spent: this volume falls back to scanning. */
    static final class BudgetExceeded extends IOException {
        BudgetExceeded(String message) {
            super(message);
        }
    }

    private final InotifySource inotify;
    private final int budget;
    private final Map<Integer, Ref> byWd = new HashMap<>();

    Watches(InotifySource inotify, int budget) {
        this.inotify = inotify;
        this.budget = budget;
    }

    boolean enabled() {
        return inotify != null;
    }

    void add(WatchedVolume v, String rel, int dirFd) throws IOException {
        if (inotify == null || v.scanOnly) {
            return;
        }
        if (byWd.size() >= budget) {
            throw new BudgetExceeded("inotify watch budget of " + budget + " watches is spent "
                    + "(raise sysctl fs.inotify.max_user_watches or volumes.max-watches)");
        }
        int wd;
        try {
            wd = inotify.addWatch(Path.of("/proc/self/fd/" + dirFd), InotifyMask.VOLUME & ~InotifyMask.DONT_FOLLOW);
        } catch (InotifySource.WatchLimitException e) {
            throw new BudgetExceeded(e.getMessage());
        }
        Ref old = byWd.put(wd, new Ref(v, rel));
        if (old != null && old.volume() != v) {
            byWd.put(wd, old); // the same directory is in two sources (nested binds): the first keeps it
            return;
        }
        if (old != null) {
            old.volume().wds.remove(wd);
        }
        v.wds.put(wd, rel);
    }

    Ref get(int wd) {
        return byWd.get(wd);
    }

    /** The kernel dropped a watch (its directory is gone). */
    void ignored(int wd) {
        Ref r = byWd.remove(wd);
        if (r != null) {
            r.volume().wds.remove(wd);
        }
    }

    void removeAll(WatchedVolume v) {
        if (inotify == null) {
            v.wds.clear();
            return;
        }
        for (int wd : v.wds.keySet()) {
            Ref r = byWd.get(wd);
            if (r != null && r.volume() == v) {
                byWd.remove(wd);
                inotify.removeWatch(wd);
            }
        }
        v.wds.clear();
    }

    int count() {
        return byWd.size();
    }

    int budget() {
        return budget;
    }
}
