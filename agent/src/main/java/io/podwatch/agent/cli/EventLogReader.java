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

/**
 * Reads the event log for {@code podwatch events}: the rotated files oldest first, then the live
 * file, optionally following it across rotations (the open file is drained before switching to the
 * new one, so no line is skipped). Lines that are not JSON (a line torn by a full disk) are skipped.
 */
final class EventLogReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final EventFilter filter;
    private final EventFormat format;
    private final PrintWriter out;
    private final StringBuilder partial = new StringBuilder();
    private Object openedKey;

    EventLogReader(Path path, EventFilter filter, EventFormat format, PrintWriter out) {
        this.path = path;
        this.filter = filter;
        this.format = format;
        this.out = out;
    }

    /** Prints what is there; with {@code follow}, keeps printing new lines until interrupted. */
    void run(boolean follow, Duration poll) throws IOException, InterruptedException {
        for (Path rotated : rotated()) {
            Files.readAllLines(rotated, StandardCharsets.UTF_8).forEach(this::line);
        }
        FileChannel ch = openLive();
        drain(ch);
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
            if (!Files.exists(p)) {
                break;
            }
            files.add(0, p);
        }
        return files;
    }

    private FileChannel openLive() throws IOException {
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
            return;
        }
        if (filter.test(n)) {
            out.println(format.render(n, raw));
        }
    }

    record EventFilter(Instant since, String kind, String container) {
        boolean test(JsonNode n) {
            if (since != null) {
                try {
                    if (Instant.parse(n.path("@timestamp").asText()).isBefore(since)) {
                        return false;
                    }
                } catch (RuntimeException e) {
                    return false;
                }
            }
            if (kind != null && !kind.equals(n.path("event").path("kind").asText())) {
                return false;
            }
            if (container != null) {
                JsonNode c = n.path("container");
                return container.equals(c.path("name").asText()) || (!c.path("id").asText().isEmpty()
                        && c.path("id").asText().startsWith(container));
            }
            return true;
        }
    }
}
