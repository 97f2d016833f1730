package io.podwatch.collectors.volume.index;

import io.podwatch.collectors.volume.scan.FileStat;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What podwatch last saw of every file of one volume (one device: the walk never crosses devices,
 * so the inode alone identifies a file): path → inode, mode, uid, links, size, mtime, ctime. Keeps
 * the volume's apparent size with hard links counted once (by inode) and its file count
 * incrementally, so sprawl metrics never need a full walk. Owned by the watcher thread.
 */
public final class VolumeIndex {
    private final HashMap<String, FileStat> byPath = new HashMap<>();
    /** Inode → paths naming it, only for files with more than one link (rare). */
    private final HashMap<Long, Integer> linked = new HashMap<>();
    private long bytes;
    private long lastWriteNanos;

    /** The entry at {@code rel}, or null. */
    public FileStat get(String rel) {
        return byPath.get(rel);
    }

    /** Records {@code st} at {@code rel}; returns what was there before, or null. */
    public FileStat put(String rel, FileStat st) {
        FileStat old = byPath.put(rel, st);
        if (old != null) {
            account(old, -1);
        }
        account(st, +1);
        lastWriteNanos = Math.max(lastWriteNanos, Math.max(st.mtimeNanos(), st.ctimeNanos()));
        return old;
    }

    /** Forgets {@code rel}; returns its entry, or null. */
    public FileStat remove(String rel) {
        FileStat old = byPath.remove(rel);
        if (old != null) {
            account(old, -1);
        }
        return old;
    }

    /** Forgets a directory's whole subtree (deleted or moved out); hands each forgotten entry to {@code gone}. */
    public void removeTree(String relDir, BiConsumer<String, FileStat> gone) {
        String prefix = relDir + "/";
        Iterator<Map.Entry<String, FileStat>> it = byPath.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, FileStat> e = it.next();
            if (e.getKey().startsWith(prefix)) {
                it.remove();
                account(e.getValue(), -1);
                gone.accept(e.getKey(), e.getValue());
            }
        }
    }

    private void account(FileStat st, int sign) {
        if (!st.isRegular()) {
            return;
        }
        if (st.nlink() <= 1) {
            bytes += sign * st.size();
            return;
        }
        int before = linked.getOrDefault(st.ino(), 0);
        int after = before + sign;
        if (before == 0 && after > 0) {
            bytes += st.size(); // first name of this inode
        } else if (before > 0 && after == 0) {
            bytes -= st.size();
        }
        if (after <= 0) {
            linked.remove(st.ino());
        } else {
            linked.put(st.ino(), after);
        }
    }

    /** Entries (files, directories and others), each path once. */
    public int entries() {
        return byPath.size();
    }

    /** Apparent bytes of regular files, hard links counted once. */
    public long bytes() {
        return bytes;
    }

    /** The newest mtime or ctime seen, in epoch nanoseconds; 0 when empty. */
    public long lastWriteNanos() {
        return lastWriteNanos;
    }

    public void forEach(BiConsumer<String, FileStat> each) {
        byPath.forEach(each);
    }

    public boolean contains(String rel) {
        return byPath.containsKey(rel);
    }
}
