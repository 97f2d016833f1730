package io.podwatch.collectors.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real, small tmpfs mounted at a test's directory (root), for disk-full tests: {@link #fill()}
 * writes a filler file to the last block, {@link #free()} deletes it, {@link #close()} unmounts.
 */
public final class FullDisk implements AutoCloseable {
    private final Path mount;

    private FullDisk(Path mount) {
        this.mount = mount;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 64k}) at {@code dir}, created if needed; skips without root. */
    public static FullDisk mount(Path dir, String size) throws IOException {
        Host.assume(true, "mount", "umount");
        Files.createDirectories(dir);
        Host.run(Map.of(), List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()));
        return new FullDisk(dir);
    }

    public Path path() {
        return mount;
    }

    /** Fills the file system to its last block. */
    public FullDisk fill() throws IOException {
        try (OutputStream out = Files.newOutputStream(mount.resolve("filler"))) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            return this; // ENOSPC: full now
        }
    }

    public void free() throws IOException {
        Files.delete(mount.resolve("filler"));
    }

    @Override
    public void close() {
        Host.run(Map.of(), List.of("umount", "-l", mount.toString()));
    }
}
