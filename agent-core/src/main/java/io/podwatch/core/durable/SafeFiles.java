package io.podwatch.core.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How podwatch opens the files it writes as root — the event log, the outbox, the audit checkpoint
 * — so that a planted file cannot redirect the write: a symbolic link at the path is never
 * followed ({@code O_NOFOLLOW}), a new file is created exclusively ({@code O_CREAT|O_EXCL}), and an
 * existing one is used only when it is a regular file owned by the agent's own user. A FIFO or a
 * device is refused before it is opened (opening a FIFO for writing would block the thread).
 * Reads of these files are bounded, too.
 */
public final class SafeFiles {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private SafeFiles() {
    }

    /** The uid podwatch runs as (the owner of {@code /proc/self}); -1 where it cannot be read. */
    private static final class Self {
        static final int UID = read();

        private static int read() {
            try {
                return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    /**
     * Refuses {@code file} unless it is absent or a regular file owned by podwatch's user.
     *
     * @return whether it exists
     */
    public static boolean checkOwnRegular(Path file) throws IOException {
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(file, PosixFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (a.isSymbolicLink()) {
            throw new IOException("refusing " + file + ": it is a symbolic link (podwatch never writes through one)");
        }
        if (!a.isRegularFile()) {
            throw new IOException("refusing " + file + ": not a regular file");
        }
        int owner = (Integer) Files.getAttribute(file, "unix:uid", NOFOLLOW);
        if (Self.UID >= 0 && owner != Self.UID) {
            throw new IOException("refusing " + file + ": owned by uid " + owner + ", not by podwatch's uid " + Self.UID);
        }
        return true;
    }

    /** Refuses a directory that is a symbolic link or not owned by podwatch's user. */
    public static void checkOwnDirectory(Path dir) throws IOException {
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, NOFOLLOW);
        if (a.isSymbolicLink() || !a.isDirectory()) {
            throw new IOException("refusing " + dir + ": not a directory (a symbolic link is not followed)");
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", NOFOLLOW);
        if (Self.UID >= 0 && owner != Self.UID) {
            throw new IOException("refusing " + dir + ": owned by uid " + owner + ", not by podwatch's uid " + Self.UID);
        }
    }

    /**
     * Opens {@code file} for appending: created exclusively with {@code mode} when absent, else
     * only if {@link #checkOwnRegular} accepts it; a link swapped in between fails the open.
     */
    public static FileChannel openAppend(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (!checkOwnRegular(file)) {
            try {
                FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(mode));
                Files.setPosixFilePermissions(file, mode); // the umask may have narrowed it
                return ch;
            } catch (FileAlreadyExistsException raced) {
                checkOwnRegular(file);
            }
        }
        return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
    }

    /** Opens an existing own regular file for writing (e.g. to truncate it), never through a link. */
    public static FileChannel openWrite(Path file) throws IOException {
        if (!checkOwnRegular(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /** Creates {@code file} exclusively (never through a link) for a durable write. */
    static FileChannel createNew(Path file) throws IOException {
        return FileChannel.open(file, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS));
    }

    /** Reads an own regular file of at most {@code max} bytes; a larger one is refused, not read. */
    public static byte[] read(Path file, int max) throws IOException {
        if (!checkOwnRegular(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > max) {
                throw new IOException("refusing " + file + ": " + size + " bytes, more than the " + max + " expected");
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // read to the size seen at open
            }
            b.flip();
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        }
    }
}
