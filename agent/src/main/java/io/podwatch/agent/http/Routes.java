package io.podwatch.agent.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the HTTP server serves: a path (or a path prefix ending in {@code /}) to a renderer of the
 * current in-memory state. Renderers run on the event-loop thread and must not block.
 */
public record Routes(Map<String, Function<Request, Response>> byPath) {
    public Routes {
        byPath = Map.copyOf(byPath);
    }

    /** Routes that ignore the request; most pages only render state. */
    public static Routes of(Map<String, Supplier<Response>> pages) {
        Map<String, Function<Request, Response>> m = new java.util.HashMap<>();
        pages.forEach((k, v) -> m.put(k, r -> v.get()));
        return new Routes(m);
    }

    /** The exact path's route, else the longest prefix route ({@code /api/v1/containers/}), else null. */
    public Function<Request, Response> find(String path) {
        Function<Request, Response> exact = byPath.get(path);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String p : byPath.keySet()) {
            if (p.endsWith("/") && p.length() > 1 && path.startsWith(p) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best == null ? null : byPath.get(best);
    }

    /** A decoded request: its path and query parameters (first value of each). */
    public record Request(String path, Map<String, String> query) {
        public String param(String name, String orElse) {
            return query.getOrDefault(name, orElse);
        }
    }

    /**
     * A rendered page as UTF-8 chunks written in order. A chunk is never modified once handed over:
     * the server keeps large ones in a direct buffer (and their gzip form) across responses while the
     * same array comes back, so a scrape of an unchanged exposition is not copied again.
     */
    public record Response(int status, String contentType, List<byte[]> chunks) {
        public Response {
            chunks = List.copyOf(chunks);
        }

        public Response(int status, String contentType, byte[] body) {
            this(status, contentType, List.of(body));
        }

        public Response(int status, String contentType, String body) {
            this(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        public int length() {
            int n = 0;
            for (byte[] c : chunks) {
                n += c.length;
            }
            return n;
        }

        /** The whole body as one array (tests, docs). */
        public byte[] body() {
            byte[] out = new byte[length()];
            int at = 0;
            for (byte[] c : chunks) {
                System.arraycopy(c, 0, out, at, c.length);
                at += c.length;
            }
            return out;
        }
    }
}
