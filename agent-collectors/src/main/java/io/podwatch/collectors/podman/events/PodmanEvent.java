package io.podwatch.collectors.podman.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.core.model.ContainerRef;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * One line of the libpod events stream, reduced to what podwatch uses. The exit code is in the
 * actor attribute {@code containerExitCode} (Podman sets it to "0" on every event, so it only
 * means something on {@code died}).
 */
public record PodmanEvent(String type, String status, String id, String name, String image, String podId,
                          Instant time, OptionalInt exitCode) {

    /** Parses one event; an event without a type or status comes back with empty strings. */
    public static PodmanEvent parse(JsonNode e) {
        JsonNode actor = e.path("Actor");
        JsonNode attrs = actor.path("Attributes");
        String id = e.path("id").asText(actor.path("ID").asText(""));
        String status = e.path("status").asText(e.path("Action").asText(""));
        long nanos = e.path("timeNano").asLong(0);
        Instant time = nanos > 0 ? Instant.ofEpochSecond(0, nanos) : Instant.ofEpochSecond(e.path("time").asLong(0));
        OptionalInt exit = OptionalInt.empty();
        String code = attrs.path("containerExitCode").asText("");
        if (!code.isEmpty()) {
            try {
                exit = OptionalInt.of(Integer.parseInt(code));
            } catch (NumberFormatException ignored) {
                // a non-numeric code is reported as unknown rather than failing the stream
            }
        }
        return new PodmanEvent(e.path("Type").asText(""), status, id, attrs.path("name").asText(""),
                attrs.path("image").asText(e.path("from").asText("")), attrs.path("podId").asText(""), time, exit);
    }

    /** What the event itself says about the container (the pod only by id, so left out). */
    public ContainerRef ref() {
        return new ContainerRef(id, name, image, "");
    }

    public boolean isContainer() {
        return "container".equals(type) && !id.isEmpty();
    }
}
