package io.podwatch.collectors.podman.container;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Maps libpod list entries and inspect documents to {@link ContainerInfo}, tolerating the shapes
 * of Podman 4.x and 5.x (e.g. 5.x lists {@code Restarts}; 4.x only inspect has RestartCount).
 * Pure: tested on responses captured from the real API.
 */
public final class ContainerJson {
    /** Go's zero time, which Podman prints for "never". */
    private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    private ContainerJson() {
    }

    /** One entry of {@code GET /libpod/containers/json}. */
    public static ContainerInfo fromList(JsonNode c) throws IOException {
        String id = id(c, "Id", "list entry");
        JsonNode names = c.path("Names");
        String name = names.isArray() && !names.isEmpty() ? names.get(0).asText("") : "";
        long started = c.path("StartedAt").asLong(0);
        int restarts = c.has("Restarts") ? c.path("Restarts").asInt(0) : -1;
        return new ContainerInfo(id, name, c.path("Image").asText(""), c.path("PodName").asText(""),
                c.path("State").asText(""), c.path("Pid").asLong(0), c.path("ExitCode").asInt(0),
                started > 0 ? Instant.ofEpochSecond(started) : null, restarts, "", 0, "", 0, 0, 0, false);
    }

    /** {@code GET /libpod/containers/{id}/json}. */
    public static ContainerInfo fromInspect(JsonNode c) throws IOException {
        String id = id(c, "Id", "inspect document");
        JsonNode state = c.path("State");
        JsonNode host = c.path("HostConfig");
        JsonNode policy = host.path("RestartPolicy");
        String image = c.path("ImageName").asText("");
        if (image.isEmpty()) {
            image = c.path("Config").path("Image").asText("");
        }
        return new ContainerInfo(id, c.path("Name").asText(""), image, "", state.path("Status").asText(""),
                state.path("Pid").asLong(0), state.path("ExitCode").asInt(0), time(state.path("StartedAt")),
                c.path("RestartCount").asInt(0), policy.path("Name").asText(""),
                policy.path("MaximumRetryCount").asInt(0), state.path("CgroupPath").asText(""),
                host.path("Memory").asLong(0), host.path("CpuQuota").asLong(0), host.path("CpuPeriod").asLong(0), true);
    }

    private static String id(JsonNode c, String field, String what) throws IOException {
        String id = c.path(field).asText("");
        if (id.isEmpty()) {
            throw new IOException("malformed libpod container " + what + ": no \"" + field + "\" in "
                    + abbreviate(c.toString()));
        }
        return id;
    }

    /** An RFC 3339 time; null for absent, Go's zero time or unparseable text. */
    static Instant time(JsonNode n) {
        if (!n.isTextual() || n.asText().isEmpty()) {
            return null;
        }
        try {
            Instant t = Instant.parse(n.asText());
            return t.equals(GO_ZERO) || t.isBefore(Instant.EPOCH) ? null : t;
        } catch (DateTimeParseException e) {
            try {
                Instant t = java.time.OffsetDateTime.parse(n.asText()).toInstant();
                return t.isBefore(Instant.EPOCH) ? null : t;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
