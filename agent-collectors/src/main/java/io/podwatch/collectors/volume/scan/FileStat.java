package io.podwatch.collectors.volume.scan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the index keeps of one file, from {@code struct statx} (a fixed, architecture-independent
 * layout). ctime is kept because {@code chmod u+s} and a content change followed by
 * {@code touch -r} both leave mtime alone.
 */
public record FileStat(long dev, long ino, int mode, int uid, int nlink, long size, long mtimeNanos,
                       long ctimeNanos) {
    public static final int S_IFMT = 0170000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;
    public static final int SETID = 06000;
    public static final int EXEC = 0111;

    static FileStat fromStatx(byte[] buf) {
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        int nlink = b.getInt(16);
        int uid = b.getInt(20);
        int mode = b.getShort(28) & 0xffff;
        long ino = b.getLong(32);
        long size = b.getLong(40);
        long ctime = b.getLong(96) * 1_000_000_000L + (b.getInt(104) & 0xffffffffL);
        long mtime = b.getLong(112) * 1_000_000_000L + (b.getInt(120) & 0xffffffffL);
        long dev = ((long) b.getInt(136) << 32) | (b.getInt(140) & 0xffffffffL);
        return new FileStat(dev, ino, mode, uid, nlink, size, mtime, ctime);
    }

    public boolean isDir() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isRegular() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean setId() {
        return isRegular() && (mode & SETID) != 0;
    }

    public boolean executable() {
        return isRegular() && (mode & EXEC) != 0;
    }

    /** ECS {@code file.type}. */
    public String type() {
        return switch (mode & S_IFMT) {
            case S_IFREG -> "file";
            case S_IFDIR -> "dir";
            case S_IFLNK -> "symlink";
            default -> "other";
        };
    }

    /** The permission bits as ECS writes them: octal, e.g. {@code 4755}. */
    public String octalMode() {
        return String.format("%04o", mode & 07777);
    }
}
