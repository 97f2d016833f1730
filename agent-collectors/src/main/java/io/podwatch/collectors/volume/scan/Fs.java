package io.podwatch.collectors.volume.scan;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The descriptor-relative libc calls the safe walk needs, by JNA direct mapping. Not the JDK's
 * SecureDirectoryStream: it opens a subdirectory with {@code O_RDONLY|O_NOFOLLOW} only, so a FIFO
 * swapped in for a directory between listing and opening blocks the scan forever, and its attribute
 * views have neither the set-user-id bits nor ctime. Here every directory is opened with
 * {@code O_DIRECTORY|O_NOFOLLOW|O_NONBLOCK} relative to its parent's descriptor, and every entry is
 * stat'ed with {@code statx(dirfd, name, AT_SYMLINK_NOFOLLOW)}: no symlink is ever followed, no
 * FIFO or device is ever opened.
 */
final class Fs {
    static final int O_RDONLY = 0;
    static final int O_NONBLOCK = 0x800;
    static final int O_DIRECTORY = 0x10000;
    static final int O_NOFOLLOW = 0x20000;
    static final int O_CLOEXEC = 0x80000;
    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_EMPTY_PATH = 0x1000;
    /** type, mode, nlink, uid, gid, mtime, ctime, ino, size. */
    static final int STATX_BASIC = 0x7ff;
    static final int STATX_SIZE = 256;
    static final int DIR_FLAGS = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
    static final int FILE_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
    static final int ENOENT = 2;
    static final int ENOTDIR = 20;
    static final int ELOOP = 40;

    static {
        if (!Platform.isLinux()) {
            throw new ExceptionInInitializerError("the volume walk needs Linux");
        }
        Native.register(Fs.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private Fs() {
    }

    static native int openat(int dirfd, byte[] path, int flags, int mode) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int statx(int dirfd, byte[] path, int flags, int mask, byte[] buf) throws LastErrorException;

    /** Takes ownership of {@code fd}. */
    static native Pointer fdopendir(int fd) throws LastErrorException;

    /** glibc's {@code struct dirent} on 64-bit Linux: d_ino at 0, d_type at 18, d_name at 19; null at the end. */
    static native Pointer readdir(Pointer dir) throws LastErrorException;

    static native int closedir(Pointer dir) throws LastErrorException;

    static native long read(int fd, byte[] buf, long count) throws LastErrorException;

    static void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                close(fd);
            } catch (LastErrorException e) {
                // the descriptor is released either way
            }
        }
    }
}
