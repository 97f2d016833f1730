package io.podwatch.agent.http;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What the HTTP server serves: path to a renderer of the current in-memory state. Renderers run
 * on the event-loop thread and must not block.
 */
public record Routes(Map<String, Supplier<Response>> byPath) {
    public Routes {
        byPath = Map.copyOf(byPath);
    }

    /** A rendered page; the body as UTF-8 bytes, so a large one is not copied again on its way out. */
    public record Response(int status, String contentType, byte[] body) {
        public Response(int status, String contentType, String body) {
            this(status, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
