package io.podwatch.agent.sink;

import io.podwatch.core.durable.DurableFiles;
import io.podwatch.core.durable.SafeFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One sink's durable queue of notifications not yet confirmed, under {@code state-dir/outbox/<sink>/}.
 *
 * <p>Format: one file per notification, written as {@code .tmp-<id>}, fsync'd, atomically renamed
 * to {@code <millis>-<seq>-<id>.json} and the directory fsync'd; acknowledged by unlinking it.
 * Chosen over an append-only segment log with an ack index because after dedup and grouping
 * notifications are few (dozens an hour, thousands in a storm), so the fsync per file is cheap,
 * while the design has no index to keep consistent with the data, nothing to compact, and a crash
 * at any instant leaves either a complete file (delivered after restart) or a {@code .tmp-} file
 * whose {@code submit} had not yet returned, which is discarded. A damaged file loses one
 * notification, not a segment. Names
 * sort by creation time, so the order of delivery survives restarts.
 *
 * <p>Thread-safe: the processing thread appends while the sink's dispatcher reads and removes.
 */
final class Outbox {
    record Entry(Path file, String id, Instant created, long size) {
    }

    /** No notification is this large (a group is capped long before): a bigger file is damage, not data. */
    static final int MAX_ENTRY = 16 << 20;

    private final Path dir;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long bytes;
    private long seq;

    Outbox(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory (0700), drops torn {@code .tmp-} files, indexes what is pending. */
    synchronized List<Path> open() throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        SafeFiles.checkOwnDirectory(dir); // a planted link would send every notification elsewhere
        List<Path> files = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".tmp-")) {
                    Files.deleteIfExists(p);
                } else if (n.endsWith(".json")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        for (Path p : files) {
            String[] parts = p.getFileName().toString().replace(".json", "").split("-", 3);
            try {
                add(new Entry(p, parts[2], Instant.ofEpochMilli(Long.parseLong(parts[0])), Files.size(p)));
            } catch (RuntimeException e) {
                unreadable.add(p);
            }
        }
        return unreadable;
    }

    Entry append(String id, Instant created, byte[] body) throws IOException {
        long n;
        synchronized (this) {
            n = seq++;
        }
        Path tmp = dir.resolve(".tmp-" + id);
        Path dst = dir.resolve(String.format("%013d-%06d-%s.json", created.toEpochMilli(), n % 1_000_000, id));
        DurableFiles.write(tmp, dst, body);
        Entry e = new Entry(dst, id, created, body.length);
        synchronized (this) {
            add(e);
        }
        return e;
    }

    private void add(Entry e) {
        entries.addLast(e);
        bytes += e.size();
    }

    synchronized Optional<Entry> oldest() {
        return Optional.ofNullable(entries.peekFirst());
    }

    /** The entry's bytes; never through a link, never more than one notification can be. */
    byte[] read(Entry e) throws IOException {
        return SafeFiles.read(e.file(), MAX_ENTRY);
    }

    /** Acknowledges: the notification was delivered (or given up) and leaves the outbox. */
    void remove(Entry e) throws IOException {
        synchronized (this) {
            if (entries.remove(e)) {
                bytes -= e.size();
            }
        }
        Files.deleteIfExists(e.file());
    }

    /** Drops the oldest entries beyond the limits; returns them (already removed from disk). */
    List<Entry> enforce(OutboxLimits limits, Instant now) throws IOException {
        List<Entry> dropped = new ArrayList<>();
        synchronized (this) {
            Instant oldestAllowed = now.minus(limits.maxAge());
            while (!entries.isEmpty() && (entries.size() > limits.maxEntries() || bytes > limits.maxBytes()
                    || entries.peekFirst().created().isBefore(oldestAllowed))) {
                Entry e = entries.removeFirst();
                bytes -= e.size();
                dropped.add(e);
            }
        }
        for (Entry e : dropped) {
            Files.deleteIfExists(e.file());
        }
        return dropped;
    }

    synchronized int size() {
        return entries.size();
    }
}
