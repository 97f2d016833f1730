package io.podwatch.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.io.input.ReversedLinesFileReader;

/**
 * {@code --since} on a large log: reads a file backwards from its end (commons-io
 * {@link ReversedLinesFileReader}) and stops at the first line clearly older than the cut, so the
 * cost is the recent part only. "Clearly": write order and time order differ by a little, so the
 * scan goes {@link #SLACK} past the cut before it stops; the filter drops the extra lines.
 */
final class SinceScan {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration SLACK = Duration.ofMinutes(5);

    private SinceScan() {
    }

    /** The event's {@code @timestamp}, or the epoch when it has none (sorts first, fails a --since). */
    static Instant time(JsonNode n) {
        try {
            return Instant.parse(n.path("@timestamp").asText());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** The lines of a finished (rotated) file that may be newer than {@code since}, oldest first. */
    static List<String> recentLines(Path file, Instant since) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ReversedLinesFileReader r = ReversedLinesFileReader.builder().setPath(file).setCharset(StandardCharsets.UTF_8).get()) {
            String l;
            while ((l = r.readLine()) != null && !clearlyOlder(l, since)) {
                lines.add(l);
            }
        }
        Collections.reverse(lines);
        return lines;
    }

    /**
     * Where forward reading of the live file should start: the byte after the last line clearly
     * older than {@code since}. The file only grows (the agent appends), so an offset counted back
     * from the size seen before the scan is a line start; if a rotation or truncation got in the
     * way, 0 (read it all — slower, never wrong).
     */
    static long startOffset(Path file, FileChannel ch, Instant since) throws IOException {
        long size = Files.size(file);
        long newer = 0;
        try (ReversedLinesFileReader r = ReversedLinesFileReader.builder().setPath(file).setCharset(StandardCharsets.UTF_8).get()) {
            String l;
            while ((l = r.readLine()) != null && !clearlyOlder(l, since)) {
                newer += l.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        if (newer > 0 && size > 0 && !newlineBefore(ch, size)) {
            newer--; // the last line has no newline yet (being written)
        }
        long offset = size - newer;
        if (offset < 0 || offset > ch.size() || offset > 0 && !newlineBefore(ch, offset)) {
            return 0;
        }
        return offset;
    }

    private static boolean clearlyOlder(String line, Instant since) {
        if (line.isBlank()) {
            return false;
        }
        try {
            JsonNode n = JSON.readTree(line);
            Instant t = n == null ? Instant.EPOCH : time(n);
            return !t.equals(Instant.EPOCH) && t.isBefore(since.minus(SLACK));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean newlineBefore(FileChannel ch, long offset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        return ch.read(b, offset - 1) == 1 && b.get(0) == '\n';
    }
}
