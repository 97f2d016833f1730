package io.podwatch.collectors.volume.scan;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Descriptor-relative access below a volume root: every path component is opened with
 * {@code O_DIRECTORY|O_NOFOLLOW}, so a symlink planted anywhere in a container-writable tree can
 * never lead podwatch (root) outside it. Used for single files on inotify events and by the walk.
 */
public final class SafeFs {
    static final Charset NAMES = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    private SafeFs() {
    }

    static byte[] cstr(String s) {
        byte[] p = s.getBytes(NAMES);
        byte[] z = new byte[p.length + 1];
        System.arraycopy(p, 0, z, 0, p.length);
        return z;
    }

    /** Opens the volume root itself (its path comes from the engine, not from the container). */
    public static int openRoot(Path root) throws IOException {
        try {
            return Fs.openat(Fs.AT_FDCWD, cstr(root.toString()), Fs.DIR_FLAGS, 0);
        } catch (LastErrorException e) {
            throw new IOException("cannot open volume root " + root + ": errno " + e.getErrorCode(), e);
        }
    }

    /** Opens directory {@code rel} ("" for the root itself) below {@code rootFd}, component by component. */
    public static int openDir(int rootFd, String rel) throws IOException {
        int fd = -1;
        try {
            fd = Fs.openat(rootFd, cstr("."), Fs.DIR_FLAGS, 0);
            if (rel.isEmpty()) {
                return fd;
            }
            for (String part : rel.split("/")) {
                if (part.isEmpty() || part.equals("..")) {
                    throw new IOException("bad relative path " + rel);
                }
                int next = Fs.openat(fd, cstr(part), Fs.DIR_FLAGS, 0);
                Fs.closeQuietly(fd);
                fd = next;
            }
            return fd;
        } catch (LastErrorException e) {
            Fs.closeQuietly(fd);
            throw new IOException("cannot open " + rel + ": errno " + e.getErrorCode(), e);
        }
    }

    /** statx of {@code name} in {@code dirfd}, never following a symlink; null when it is gone. */
    public static FileStat stat(int dirfd, String name) throws IOException {
        byte[] buf = new byte[Fs.STATX_SIZE];
        try {
            Fs.statx(dirfd, cstr(name), Fs.AT_SYMLINK_NOFOLLOW, Fs.STATX_BASIC, buf);
            return FileStat.fromStatx(buf);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Fs.ENOENT || e.getErrorCode() == Fs.ENOTDIR) {
                return null;
            }
            throw new IOException("statx " + name + ": errno " + e.getErrorCode(), e);
        }
    }

    /** statx of an open descriptor. */
    public static FileStat statFd(int fd) {
        byte[] buf = new byte[Fs.STATX_SIZE];
        Fs.statx(fd, new byte[] {0}, Fs.AT_EMPTY_PATH, Fs.STATX_BASIC, buf);
        return FileStat.fromStatx(buf);
    }

    /** What a file's first bytes and (bounded) content say: an ELF or {@code #!} header and its SHA-256. */
    public record Content(String header, String sha256) {
    }

    /**
     * Reads the header and, when {@code hashLimit} > 0 and the file is no larger, the SHA-256 of the
     * regular file {@code name} in {@code dirfd} — only if it is still the inode {@code expect}
     * (opened {@code O_NOFOLLOW|O_NONBLOCK}: never a FIFO, device or symlink). Null when it changed.
     */
    public static Content content(int dirfd, String name, FileStat expect, long hashLimit) {
        int fd = -1;
        try {
            fd = Fs.openat(dirfd, cstr(name), Fs.FILE_FLAGS, 0);
            FileStat now = statFd(fd);
            if (!now.isRegular() || now.ino() != expect.ino()) {
                return null;
            }
            byte[] buf = new byte[64 * 1024];
            long n = Fs.read(fd, buf, buf.length);
            String header = n >= 4 && buf[0] == 0x7f && buf[1] == 'E' && buf[2] == 'L' && buf[3] == 'F' ? "elf"
                    : n >= 2 && buf[0] == '#' && buf[1] == '!' ? "script" : null;
            if (hashLimit <= 0 || now.size() > hashLimit) {
                return new Content(header, null);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            while (n > 0 && total < hashLimit) {
                sha.update(buf, 0, (int) n);
                total += n;
                n = Fs.read(fd, buf, buf.length);
            }
            return new Content(header, HexFormat.of().formatHex(sha.digest()));
        } catch (LastErrorException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } finally {
            Fs.closeQuietly(fd);
        }
    }

    public static void close(int fd) {
        Fs.closeQuietly(fd);
    }
}
