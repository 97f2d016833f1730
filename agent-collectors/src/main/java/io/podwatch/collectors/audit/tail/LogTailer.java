package io.podwatch.collectors.audit.tail;

import io.podwatch.collectors.audit.parse.LineSplitter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a log by file identity. After auditd rotates (audit.log → audit.log.1, new audit.log) the
 * rest of the old file is read through the still-open channel before the new file; a file that
 * shrinks under the same identity was copy-truncated and is read again from its start; a path that
 * vanishes for a while is waited for. Lines go to the sink complete: an unfinished last line is
 * held. A position is {@code generation << 40 | offset} so it orders across files. Not thread-safe.
 */
public final class LogTailer implements AutoCloseable {
    private static final int MAX_ROTATED = 9;

    private final Path path;
    private final LineSplitter lines;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    private final Deque<OpenFile> files = new ArrayDeque<>();
    private final Map<Integer, String> keys = new HashMap<>();
    private int generation;
    private long truncations;
    private long rotations;

    public LogTailer(Path path, int maxLine) {
        this.path = path;
        this.lines = new LineSplitter(maxLine);
    }

    /**
     * Opens the log. With a checkpoint, resumes in the file that has its identity — the live log or a
     * rotated sibling, then every newer one — at its offset. Without one (or when that file is gone:
     * returns false then), starts at the end, or at the beginning of the live log.
     */
    public boolean open(Checkpoint cp, boolean fromBeginning) throws IOException {
        close();
        if (cp != null) {
            List<Path> chain = new ArrayList<>();
            for (int i = MAX_ROTATED; i >= 1; i--) {
                chain.add(path.resolveSibling(path.getFileName() + "." + i));
            }
            chain.add(path);
            int at = -1;
            for (int i = 0; i < chain.size() && at < 0; i++) {
                if (Files.exists(chain.get(i)) && cp.fileKey().equals(OpenFile.key(chain.get(i)))) {
                    at = i;
                }
            }
            if (at >= 0) {
                for (int i = at; i < chain.size(); i++) {
                    if (Files.exists(chain.get(i))) {
                        OpenFile f = add(chain.get(i));
                        if (i == at) {
                            f.offset = cp.offset() <= f.size() ? cp.offset() : 0;
                        }
                    }
                }
                return true;
            }
        }
        OpenFile f = add(path);
        f.offset = fromBeginning ? 0 : f.size();
        return cp == null;
    }

    private OpenFile add(Path p) throws IOException {
        OpenFile f = OpenFile.open(p, ++generation);
        files.addLast(f);
        keys.put(f.generation, f.key);
        return f;
    }

    /** Reads what is there, across rotations; returns the bytes read. */
    public long poll(LineSplitter.LineSink sink) throws IOException, InterruptedException {
        long total = 0;
        while (!files.isEmpty()) {
            OpenFile f = files.peekFirst();
            total += drain(f, sink);
            if (files.size() > 1) {
                finish(f, sink); // a rotated file is complete: on to the next
                continue;
            }
            if (!Files.exists(path)) {
                return total; // vanished for now: keep the open file and look again later
            }
            String now = OpenFile.key(path);
            if (!now.equals(f.key)) {
                total += drain(f, sink); // what landed between our read and the rename
                rotations++;
                add(path);
                continue;
            }
            if (f.size() < f.offset) {
                truncations++; // copy-truncate: the same file starts over
                lines.reset();
                f.offset = 0;
                continue;
            }
            return total;
        }
        return total;
    }

    private long drain(OpenFile f, LineSplitter.LineSink sink) throws IOException, InterruptedException {
        long total = 0;
        long base = (long) f.generation << 40;
        while (true) {
            buf.clear();
            int n = f.channel.read(buf, f.offset);
            if (n <= 0) {
                return total;
            }
            lines.feed(buf.array(), 0, n, base | f.offset, sink);
            f.offset += n;
            total += n;
        }
    }

    private void finish(OpenFile f, LineSplitter.LineSink sink) throws InterruptedException {
        if (lines.pending() > 0) {
            lines.feed(new byte[] {'\n'}, 0, 1, ((long) f.generation << 40) | f.offset, sink);
        }
        files.removeFirst().close();
    }

    /** Position after the last complete line handed over (an unfinished line is not yet consumed). */
    public long consumed() {
        OpenFile f = files.peekFirst();
        if (f == null) {
            return 0;
        }
        return ((long) f.generation << 40) | (f.offset - lines.pending());
    }

    /** The checkpoint form of a position: file identity and offset. */
    public Checkpoint checkpoint(long position, List<String> emitted) {
        String key = keys.get((int) (position >>> 40));
        return new Checkpoint(key == null ? "" : key, position & ((1L << 40) - 1), emitted);
    }

    /** Forgets identities of files older than {@code position}'s. */
    public void prune(long position) {
        int gen = (int) (position >>> 40);
        keys.keySet().removeIf(g -> g < gen);
    }

    public long rotations() {
        return rotations;
    }

    public long truncations() {
        return truncations;
    }

    @Override
    public void close() {
        files.forEach(OpenFile::close);
        files.clear();
    }
}
