package io.podwatch.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Reads the event log for {@code podwatch events}: the rotated files oldest first, then the live
 * file, optionally following it across rotations (the open file is drained before switching to the
 * new one, so no line is skipped). Lines are printed in time order: events are written when
 * processed, not when they happened (an audit record arrives after a Podman event of the same
 * second), so a bounded window re-orders them by {@code @timestamp} before printing. With
 * {@code --since}, each file is read backwards from its end ({@link SinceScan}) and only the
 * recent part is parsed, so a large log answers quickly. Lines that are not JSON objects (a line
 * torn by a full disk, a planted line) are counted and reported, never printed as blank rows.
 */
final class EventLogReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lines held back to restore time order; write order differs from time order by far less. */
    static final int REORDER_WINDOW = 4096;

    private final Path path;
    private final EventFilter filter;
    private final EventFormat format;
    private final PrintWriter out;
    private final StringBuilder partial = new StringBuilder();
    private final PriorityQueue<Timed> window = new PriorityQueue<>();
    private long sequence;
    private long skipped;
    private Object openedKey;

    EventLogReader(Path path, EventFilter filter, EventFormat format, PrintWriter out) {
        this.path = path;
        this.filter = filter;
        this.format = format;
        this.out = out;
    }

    /** What the operator pointed at cannot be read as an event log; the message names it. */
    static final class NotALog extends Exception {
        NotALog(String message) {
            super(message);
        }
    }

    /** Refuses a directory, a device, a missing log (unless following: the agent may create it). */
    void check(boolean follow) throws NotALog {
        if (Files.isDirectory(path)) {
            throw new NotALog(path + " is a directory, not an event log (pass the file, e.g. " + path.resolve("events.jsonl") + ")");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new NotALog(path + " is not a regular file");
        }
        if (!follow && !Files.exists(path) && rotated().isEmpty()) {
            throw new NotALog("no event log at " + path + " (has the agent run with this event-log yet?)");
        }
    }

    /** Lines skipped because they were not JSON objects. */
    long skipped() {
        return skipped;
    }

    /** Prints what is there; with {@code follow}, keeps printing new lines until interrupted. */
    void run(boolean follow, Duration poll) throws IOException, InterruptedException {
        for (Path rotated : rotated()) {
            if (filter.since() != null) {
                SinceScan.recentLines(rotated, filter.since()).forEach(this::line);
            } else {
                try (var lines = Files.newBufferedReader(rotated, StandardCharsets.UTF_8)) {
                    lines.lines().forEach(this::line);
                }
            }
        }
        FileChannel ch = openLive();
        if (ch != null && filter.since() != null) {
            ch.position(SinceScan.startOffset(path, ch, filter.since()));
        }
        drain(ch);
        flushWindow();
        out.flush();
        while (follow) {
            Thread.sleep(poll.toMillis());
            if (ch == null || rotatedAway(ch)) {
                drain(ch);
                if (ch != null) {
                    ch.close();
                }
                ch = openLive();
            }
            drain(ch);
            flushWindow();
            out.flush();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
        }
        if (ch != null) {
            ch.close();
        }
    }

    private List<Path> rotated() {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < 10_000; i++) {
            Path p = path.resolveSibling(path.getFileName() + "." + i);
            if (!Files.isRegularFile(p)) {
                break;
            }
            files.add(0, p);
        }
        return files;
    }

    private FileChannel openLive() throws IOException {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            openedKey = fileKey();
            return ch;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private boolean rotatedAway(FileChannel ch) throws IOException {
        Object now = fileKey();
        return now != null && !Objects.equals(now, openedKey) || ch.size() < ch.position();
    }

    private Object fileKey() throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void drain(FileChannel ch) throws IOException {
        if (ch == null) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        while (ch.read(buf) > 0) {
            buf.flip();
            partial.append(StandardCharsets.UTF_8.decode(buf));
            buf.clear();
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                line(partial.substring(0, nl));
                partial.delete(0, nl + 1);
            }
        }
    }

    private void line(String raw) {
        if (raw.isBlank()) {
            return;
        }
        JsonNode n;
        try {
            n = JSON.readTree(raw);
        } catch (IOException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            skipped++;
            return;
        }
        if (filter.test(n)) {
            window.add(new Timed(SinceScan.time(n), sequence++, n, raw));
            if (window.size() > REORDER_WINDOW) {
                print(window.poll());
            }
        }
    }

    private void flushWindow() {
        while (!window.isEmpty()) {
            print(window.poll());
        }
    }

    private void print(Timed t) {
        out.println(format.render(t.node(), t.raw()));
    }

    /** A line waiting in the re-order window; lines without a time keep their place at the start. */
    private record Timed(Instant time, long seq, JsonNode node, String raw) implements Comparable<Timed> {
        @Override
        public int compareTo(Timed o) {
            int c = time.compareTo(o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    record EventFilter(Instant since, String kind, String container) {
        boolean test(JsonNode n) {
            if (since != null && SinceScan.time(n).isBefore(since)) {
                return false;
            }
            if (kind != null && !kind.equals(n.path("event").path("kind").asText())) {
                return false;
            }
            if (container != null) {
                JsonNode c = n.path("container");
                return container.equals(c.path("name").asText()) || (!c.path("id").asText().isEmpty()
                        && c.path("id").asText().startsWith(container))
                        || container.equals(n.path("labels").path("container").asText());
            }
            return true;
        }
    }
}
