package io.podwatch.agent.sink.eventlog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * An append-only file rotated by size, keeping {@code keep} old files as {@code name.1} (newest)
 * to {@code name.<keep>}, as logrotate names them. Created 0640: the log names containers and users,
 * which is for the admin group, not everyone. Single-threaded (the event log's writer thread).
 */
final class RotatingFile implements AutoCloseable {
    static final Set<PosixFilePermission> MODE = PosixFilePermissions.fromString("rw-r-----");

    private final Path path;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;

    RotatingFile(Path path, long maxBytes, int keep) {
        this.path = path;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    void write(String line) throws IOException {
        byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (out == null) {
            open();
        }
        if (size > 0 && size + b.length > maxBytes) {
            rotate();
        }
        out.write(b);
        size += b.length;
    }

    void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    private void open() throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!Files.exists(path)) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(MODE));
            Files.setPosixFilePermissions(path, MODE); // the umask may have narrowed it
        }
        out = Files.newOutputStream(path, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = Files.size(path);
    }

    private void rotate() throws IOException {
        closeQuietly();
        Files.deleteIfExists(sibling(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(sibling(i))) {
                Files.move(sibling(i), sibling(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep > 0) {
            Files.move(path, sibling(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(path);
        }
        open();
    }

    private Path sibling(int i) {
        return path.resolveSibling(path.getFileName() + "." + i);
    }

    /**
     * After a failed write: cut off any partly written line (so the retry does not glue a fragment
     * onto a whole line, which readers would drop) and reopen on the next attempt.
     */
    void reset() {
        closeQuietly();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            if (ch.size() > size) {
                ch.truncate(size);
            }
        } catch (IOException e) {
            // the next write attempt reports the problem
        }
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // the data is as flushed as it can be; the next open starts clean
            }
            out = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
