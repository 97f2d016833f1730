package io.podwatch.collectors.audit.tail;

import io.podwatch.core.durable.DurableFiles;
import io.podwatch.core.durable.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the audit checkpoint file. Writes go to a temporary file that is synced and then
 * atomically renamed over the old one, so a crash (kill -9, power loss) leaves the old or the new
 * checkpoint, never a torn one. A symbolic link, a FIFO or another user's file at the path is
 * refused, not followed (see {@link SafeFiles}). Called from the audit thread only.
 */
public final class CheckpointStore {
    private static final String MAGIC = "podwatch-audit-checkpoint 1";

    /** A checkpoint holds an offset and the keys of the events in flight: far below this. */
    static final int MAX_BYTES = 8 << 20;

    private final Path file;

    public CheckpointStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The saved checkpoint; empty when there is none. A corrupt file is an IOException naming it. */
    public Optional<Checkpoint> load() throws IOException {
        if (!SafeFiles.checkOwnRegular(file)) {
            return Optional.empty();
        }
        List<String> lines = new String(SafeFiles.read(file, MAX_BYTES), StandardCharsets.UTF_8).lines().toList();
        if (lines.size() < 3 || !lines.get(0).equals(MAGIC) || !lines.get(1).startsWith("file ")
                || !lines.get(2).startsWith("offset ")) {
            throw new IOException("audit checkpoint " + file + " is not in the expected format; remove it to "
                    + "start over (audit.start decides where)");
        }
        try {
            long offset = Long.parseLong(lines.get(2).substring(7).trim());
            List<String> emitted = new ArrayList<>();
            for (String l : lines.subList(3, lines.size())) {
                if (l.startsWith("emitted ")) {
                    emitted.add(l.substring(8));
                }
            }
            return Optional.of(new Checkpoint(lines.get(1).substring(5), offset, emitted));
        } catch (NumberFormatException e) {
            throw new IOException("audit checkpoint " + file + " has a bad offset: " + lines.get(2), e);
        }
    }

    public void save(Checkpoint c) throws IOException {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        sb.append("file ").append(c.fileKey()).append('\n').append("offset ").append(c.offset()).append('\n');
        c.emitted().forEach(k -> sb.append("emitted ").append(k).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        DurableFiles.write(file.resolveSibling(file.getFileName() + ".tmp"), file,
                sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
