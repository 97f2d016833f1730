package io.podwatch.agent.sink.eventlog;

import io.podwatch.core.durable.SafeFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * An append-only file rotated by size, keeping {@code keep} old files as {@code name.1} (newest)
 * to {@code name.<keep>}, as logrotate names them. Created 0640: the log names containers and users,
 * which is for the admin group, not everyone. Opened through {@link SafeFiles}: a symbolic link,
 * a FIFO or a file of another user at the path is refused, not written through. Single-threaded
 * (the event log's writer thread).
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

    /**
     * Appends the lines, as few write calls as the size limit allows, rotating in between; each
     * line written is removed from {@code lines}. On failure the file is cut back to the end of the
     * last complete write and the exception thrown, so the caller retries exactly what is left in
     * {@code lines} without leaving a torn line or writing one twice.
     */
    void write(List<String> lines) throws IOException {
        while (!lines.isEmpty()) {
            if (out == null) {
                open();
            }
            StringBuilder sb = new StringBuilder();
            int n = 0;
            for (String l : lines) {
                int len = l.length() + 1; // chars, a lower bound of the UTF-8 bytes: fine for a limit
                if (n > 0 && size + sb.length() + len > maxBytes) {
                    break;
                }
                sb.append(l).append('\n');
                n++;
            }
            if (size > 0 && size + sb.length() > maxBytes) {
                rotate();
                continue;
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            try {
                out.write(b);
                out.flush();
            } catch (IOException e) {
                truncateToLastGoodSize();
                throw e;
            }
            size += b.length;
            lines.subList(0, n).clear();
        }
    }

    private void open() throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // never through a planted link, never into a FIFO or someone else's file (issue 14, item 3)
        FileChannel ch = SafeFiles.openAppend(path, MODE);
        size = ch.size();
        out = Channels.newOutputStream(ch);
    }

    private void rotate() throws IOException {
        closeQuietly();
        Files.deleteIfExists(sibling(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(sibling(i), LinkOption.NOFOLLOW_LINKS)) {
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

    /** Cuts off a partly written batch (a retry must not glue a fragment onto a line); reopens next time. */
    private void truncateToLastGoodSize() {
        closeQuietly();
        try (FileChannel ch = SafeFiles.openWrite(path)) {
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
