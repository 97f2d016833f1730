package io.podwatch.core.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The one way podwatch writes a file that must survive {@code kill -9} and power loss (the audit
 * checkpoint, the alert outbox): write a temporary sibling, fsync it, rename it over the target
 * atomically, fsync the directory so the rename itself is on disk. A reader sees the old file or
 * the new one, never a torn one.
 */
public final class DurableFiles {
    private DurableFiles() {
    }

    /**
     * Writes {@code body} to {@code target} via {@code tmp} (same directory); replaces an existing
     * target. A leftover {@code tmp} is unlinked (never followed) and the new one created
     * exclusively, so a symbolic link planted at the temporary name cannot redirect the write; the
     * rename replaces a link at {@code target} instead of writing through it.
     */
    public static void write(Path tmp, Path target, byte[] body) throws IOException {
        Files.deleteIfExists(tmp);
        try (FileChannel ch = SafeFiles.createNew(tmp)) {
            ByteBuffer buf = ByteBuffer.wrap(body);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes renames and unlinks in {@code dir} durable. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }
}
