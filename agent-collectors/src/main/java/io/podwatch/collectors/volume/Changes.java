package io.podwatch.collectors.volume;

import io.podwatch.collectors.volume.scan.FileStat;
import io.podwatch.collectors.volume.scan.SafeFs;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.volume.VolumeFields;
import io.podwatch.core.volume.VolumeView;
import java.time.Clock;

/**
 * Judges one file's new state against the index entry it replaces and emits the change event:
 * which bits appeared (set-user-id, exec), whether an existing file was rewritten, and for new
 * executables and setuid files their header and SHA-256 (bounded in size and rate). Worker thread.
 */
final class Changes {
    private final Emitter out;
    private final Clock clock;
    private final long hashMax;
    private final int hashesPerMinute;
    private long hashWindowStart;
    private int hashesInWindow;
    long emitted;
    long hashed;
    long hashSkipped;

    Changes(Emitter out, Clock clock, long hashMax, int hashesPerMinute) {
        this.out = out;
        this.clock = clock;
        this.hashMax = hashMax;
        this.hashesPerMinute = hashesPerMinute;
    }

    /**
     * @param dirfd the file's directory (for reading its first bytes), or -1 not to read
     * @param closeWrite whether the file was just closed after writing (header check)
     */
    void file(WatchedVolume v, VolumeView view, String rel, String name, int dirfd, FileStat st, FileStat old,
              boolean closeWrite, String action, String reason) {
        int oldMode = old == null ? 0 : old.mode();
        boolean setuidAdded = st.isRegular() && (st.mode() & FileStat.SETID & ~oldMode) != 0;
        boolean execBitAdded = st.executable() && (old == null || !old.executable());
        boolean fresh = old == null || old.size() == 0 || old.ino() != st.ino();
        if (dirfd < 0 && (setuidAdded || execBitAdded)) {
            // found by a scan: open its directory now, so the alert still carries header and hash
            int own = openParent(v, rel);
            try {
                file(v, view, rel, name, own, st, old, closeWrite, action, reason, fresh);
            } finally {
                SafeFs.close(own);
            }
            return;
        }
        file(v, view, rel, name, dirfd, st, old, closeWrite, action, reason, fresh);
    }

    private static int openParent(WatchedVolume v, String rel) {
        int slash = rel.lastIndexOf('/');
        try {
            return SafeFs.openDir(v.rootFd, slash < 0 ? "" : rel.substring(0, slash));
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private void file(WatchedVolume v, VolumeView view, String rel, String name, int dirfd, FileStat st,
                      FileStat old, boolean closeWrite, String action, String reason, boolean fresh) {
        int oldMode = old == null ? 0 : old.mode();
        boolean setuidAdded = st.isRegular() && (st.mode() & FileStat.SETID & ~oldMode) != 0;
        boolean execBitAdded = st.executable() && (old == null || !old.executable());
        String header = null;
        String sha = null;
        if (dirfd >= 0 && st.isRegular() && (setuidAdded || execBitAdded || closeWrite && fresh)) {
            SafeFs.Content c = SafeFs.content(dirfd, name, st, 0);
            header = c == null ? null : c.header();
        }
        boolean execAdded = execBitAdded || closeWrite && fresh && header != null;
        if (dirfd >= 0 && (setuidAdded || execAdded) && hashMax > 0) {
            if (takeHashToken()) {
                SafeFs.Content c = SafeFs.content(dirfd, name, st, hashMax);
                sha = c == null ? null : c.sha256();
                hashed++;
            } else {
                hashSkipped++;
            }
        }
        boolean rewrite = VolumeFields.CHANGED.equals(action) && old != null && old.size() > 0
                && old.ino() == st.ino();
        emit(v, view, action, reason, rel, st,
                new ChangeEvents.Facts(setuidAdded, execAdded, rewrite, header, sha));
    }

    void emit(WatchedVolume v, VolumeView view, String action, String reason, String rel, FileStat st,
              ChangeEvents.Facts facts) {
        v.changes++;
        v.lastEventWallNanos = clock.millis() * 1_000_000L;
        emitted++;
        Event e = ChangeEvents.change(clock.instant(), action, reason, view, v.hostPath(rel), st, facts);
        if (facts.setuidAdded() || facts.execAdded() || view.readOnlyEverywhere()) {
            // what an alert is made of must not be dropped in a burst: wait for the processing queue
            try {
                out.eventAwait(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt(); // stopping: the worker loop ends on the flag
            }
        } else {
            out.event(e); // routine changes: a full queue drops and counts them (the index still has them)
        }
    }

    private boolean takeHashToken() {
        long now = clock.millis();
        if (now - hashWindowStart >= 60_000) {
            hashWindowStart = now;
            hashesInWindow = 0;
        }
        if (hashesInWindow >= hashesPerMinute) {
            return false;
        }
        hashesInWindow++;
        return true;
    }

    /** Whether a stat differs in what the index tracks (an unchanged re-stat is not a change). */
    static boolean differs(FileStat a, FileStat b) {
        return a == null || b == null || a.ino() != b.ino() || a.mode() != b.mode() || a.uid() != b.uid()
                || a.size() != b.size() || a.mtimeNanos() != b.mtimeNanos() || a.ctimeNanos() != b.ctimeNanos()
                || a.nlink() != b.nlink();
    }
}
