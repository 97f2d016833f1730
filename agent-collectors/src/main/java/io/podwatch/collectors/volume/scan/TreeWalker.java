package io.podwatch.collectors.volume.scan;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import java.io.IOException;

/**
 * Walks a volume tree through descriptors (see {@link Fs}): directories are reported before their
 * entries (the watcher adds a directory's watch first, then reads it, so a file created in between
 * is seen by one or the other), other devices are not entered, depth is capped at
 * {@value #MAX_DEPTH} (each level holds one descriptor). Not thread-safe; one walk at a time.
 */
public final class TreeWalker {
    static final int MAX_DEPTH = 128;

    /** Receives the tree; relative paths use '/' and the root is "". */
    public interface Visitor {
        /** Called before the directory's entries are read; {@code fd} is open only during the call. */
        void directory(String rel, int fd, FileStat stat);

        void entry(String rel, FileStat stat);

        /** A directory not entered: another device, too deep, or gone while walking. */
        default void skipped(String rel, String why) {
        }
    }

    private TreeWalker() {
    }

    /** Walks the tree of directory {@code rel} below {@code rootFd} (which stays open). */
    public static void walk(int rootFd, String rel, long rootDev, Visitor v) throws IOException {
        int fd = SafeFs.openDir(rootFd, rel);
        walkOpen(fd, rel, rootDev, v, 0);
    }

    private static void walkOpen(int fd, String rel, long rootDev, Visitor v, int depth) throws IOException {
        FileStat self;
        Pointer dir;
        try {
            self = SafeFs.statFd(fd);
            dir = Fs.fdopendir(fd); // owns fd from here
        } catch (LastErrorException e) {
            Fs.closeQuietly(fd);
            throw new IOException("cannot read directory " + rel + ": errno " + e.getErrorCode(), e);
        }
        try {
            v.directory(rel, fd, self);
            String prefix = rel.isEmpty() ? "" : rel + "/";
            for (Pointer d = Fs.readdir(dir); d != null; d = Fs.readdir(dir)) {
                String name = name(d);
                if (name.equals(".") || name.equals("..")) {
                    continue;
                }
                FileStat st = SafeFs.stat(fd, name);
                if (st == null) {
                    continue; // deleted while walking: its DELETE event or the next scan tells
                }
                String childRel = prefix + name;
                v.entry(childRel, st);
                if (!st.isDir()) {
                    continue;
                }
                if (st.dev() != rootDev) {
                    v.skipped(childRel, "another file system is mounted here");
                } else if (depth + 1 >= MAX_DEPTH) {
                    v.skipped(childRel, "deeper than " + MAX_DEPTH + " levels");
                } else {
                    int child = openChild(fd, name, st);
                    if (child < 0) {
                        v.skipped(childRel, "replaced while walking");
                    } else {
                        walkOpen(child, childRel, rootDev, v, depth + 1);
                    }
                }
            }
        } catch (LastErrorException e) {
            throw new IOException("readdir " + rel + ": errno " + e.getErrorCode(), e);
        } finally {
            try {
                Fs.closedir(dir);
            } catch (LastErrorException e) {
                // released either way
            }
        }
    }

    private static int openChild(int fd, String name, FileStat expect) {
        try {
            int c = Fs.openat(fd, SafeFs.cstr(name), Fs.DIR_FLAGS, 0);
            if (SafeFs.statFd(c).ino() != expect.ino()) {
                Fs.closeQuietly(c);
                return -1;
            }
            return c;
        } catch (LastErrorException e) {
            return -1;
        }
    }

    private static String name(Pointer d) {
        int reclen = d.getShort(16) & 0xffff;
        byte[] raw = d.getByteArray(19, Math.max(0, reclen - 19));
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, SafeFs.NAMES);
    }
}
