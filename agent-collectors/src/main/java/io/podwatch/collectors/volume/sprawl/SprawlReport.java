package io.podwatch.collectors.volume.sprawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.sprawl.Sprawl;
import io.podwatch.core.sprawl.SprawlItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Renders the sprawl list for {@code podwatch sprawl}: a table for people (names with control
 * characters escaped, so a hostile name cannot drive the terminal) or JSON for scripts. Pure.
 */
public final class SprawlReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SprawlReport() {
    }

    public static String table(List<SprawlItem> items, Duration unused, Instant now) {
        StringBuilder sb = new StringBuilder();
        long days = unused.toDays();
        if (items.isEmpty()) {
            return sb.append("No sprawl: no dangling volume, stopped container or unused image older than ")
                    .append(days).append(" days.\n").toString();
        }
        sb.append(String.format(Locale.ROOT, "%-9s  %-28s  %-10s  %9s  %s%n", "KIND", "NAME", "UNUSED FOR", "SIZE",
                "REASON"));
        for (SprawlItem i : items) {
            sb.append(String.format(Locale.ROOT, "%-9s  %-28s  %-10s  %9s  %s%n", i.kind(), clip(safe(i.name()), 28),
                    age(i.since(), now), size(i.bytes()), safe(i.reason())));
        }
        sb.append("\nCommands (podwatch never runs them; review first):\n");
        for (SprawlItem i : items) {
            sb.append("  ").append(safe(i.command())).append('\n');
        }
        sb.append("Or, engine-wide for everything older than ").append(days).append(" days:\n");
        Sprawl.pruneCommands(unused).forEach(c -> sb.append("  ").append(c).append('\n'));
        return sb.toString();
    }

    public static String json(List<SprawlItem> items, Duration unused, Instant now) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generated", now.toString());
        root.put("unused_days", unused.toDays());
        ArrayNode arr = root.putArray("items");
        for (SprawlItem i : items) {
            ObjectNode o = arr.addObject();
            o.put("kind", i.kind());
            o.put("name", i.name());
            o.put("id", i.id());
            o.put("reason", i.reason());
            if (i.since() != null) {
                o.put("unused_since", i.since().toString());
                o.put("unused_seconds", Math.max(0, Duration.between(i.since(), now).toSeconds()));
            }
            if (i.bytes() >= 0) {
                o.put("bytes", i.bytes());
            }
            o.put("command", i.command());
        }
        ArrayNode prune = root.putArray("prune_commands");
        Sprawl.pruneCommands(unused).forEach(prune::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String safe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    static String age(Instant since, Instant now) {
        if (since == null) {
            return "unknown";
        }
        long s = Math.max(0, Duration.between(since, now).toSeconds());
        return s >= 86_400 ? s / 86_400 + "d" : s >= 3600 ? s / 3600 + "h" : s >= 60 ? s / 60 + "m" : s + "s";
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "-";
        }
        String[] u = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = 0;
        while (v >= 1024 && i < u.length - 1) {
            v /= 1024;
            i++;
        }
        return i == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, u[i]);
    }
}
