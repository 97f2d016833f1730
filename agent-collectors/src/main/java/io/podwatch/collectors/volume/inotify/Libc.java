package io.podwatch.collectors.volume.inotify;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The few libc calls the JDK does not offer, by JNA direct mapping (JNA is in the jar through
 * OSHI). The JDK's WatchService is not used: it drops every pending event of a directory past 512,
 * has no CLOSE_WRITE and no rename cookie. Errors come back as {@link LastErrorException} (errno).
 */
final class Libc {
    static final int IN_NONBLOCK = 0x800;
    static final int IN_CLOEXEC = 0x80000;
    static final short POLLIN = 0x1;

    static {
        Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private Libc() {
    }

    static native int inotify_init1(int flags) throws LastErrorException;

    /** {@code path} NUL-terminated bytes: file names are bytes, not text. */
    static native int inotify_add_watch(int fd, byte[] path, int mask) throws LastErrorException;

    static native int inotify_rm_watch(int fd, int wd) throws LastErrorException;

    static native long read(int fd, byte[] buf, long count) throws LastErrorException;

    /** {@code fds}: struct pollfd as ints, {@code fd} then {@code events | revents << 16} (little-endian). */
    static native int poll(int[] fds, long nfds, int timeoutMs) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
