package io.podwatch.collectors.audit.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a large real-format audit log by replicating the events of a real one with fresh serials
 * and advancing timestamps, plus a copy without the enriched tails (laurel rejects the bare 0x1d).
 */
final class BenchLog {
    private static final Pattern HEADER = Pattern.compile("msg=audit\\((\\d+)\\.(\\d+):(\\d+)\\)");

    private BenchLog() {
    }

    /** The source's events, each as its lines with the header replaced by a %s placeholder. */
    static List<List<String>> templates(Path source) throws IOException {
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (String line : Files.readAllLines(source, StandardCharsets.ISO_8859_1)) {
            Matcher m = HEADER.matcher(line);
            if (m.find()) {
                events.computeIfAbsent(m.group(3), k -> new ArrayList<>())
                        .add(line.substring(0, m.start()) + "%s" + line.substring(m.end()));
            }
        }
        return new ArrayList<>(events.values());
    }

    /** Writes events round-robin from the templates until {@code bytes}; returns the events written. */
    static long write(List<List<String>> templates, Path out, Path stripped, long bytes) throws IOException {
        long serial = 1_000_000;
        long millis = 1_700_000_000_000L;
        long written = 0;
        long events = 0;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
             OutputStream s = new BufferedOutputStream(Files.newOutputStream(stripped), 1 << 20)) {
            while (written < bytes) {
                List<String> t = templates.get((int) (events % templates.size()));
                String header = "msg=audit(" + millis / 1000 + "." + String.format("%03d", millis % 1000) + ":"
                        + serial + ")";
                for (String line : t) {
                    byte[] b = (line.replace("%s", header) + "\n").getBytes(StandardCharsets.ISO_8859_1);
                    o.write(b);
                    int gs = indexOf(b, (byte) 0x1d);
                    if (gs >= 0) {
                        s.write(b, 0, gs);
                        s.write('\n');
                    } else {
                        s.write(b);
                    }
                    written += b.length;
                }
                serial++;
                millis += 3;
                events++;
            }
        }
        return events;
    }

    private static int indexOf(byte[] b, byte c) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
