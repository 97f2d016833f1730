package io.podwatch.collectors.posture;

import io.podwatch.collectors.podman.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.container.InspectJson;
import java.util.List;

/**
 * The engine facts some checks need, from {@code GET /libpod/info} (slow: read at start and hourly).
 *
 * @param rootless null when unknown
 * @param ociRuntime e.g. {@code crun}, {@code runc}; "" when unknown
 * @param socketPath the API socket the engine reports, "" when unknown
 * @param defaultCaps the capabilities the engine grants a container by default ({@code SYS_CHROOT}
 *     form), null when unknown
 */
public record EngineInfo(Boolean rootless, String ociRuntime, String socketPath, List<String> defaultCaps) {
    public static final EngineInfo UNKNOWN = new EngineInfo(null, "", "", null);

    public EngineInfo {
        defaultCaps = defaultCaps == null ? null : List.copyOf(defaultCaps);
    }

    public static EngineInfo from(JsonNode info) {
        JsonNode host = Json.at(info, "host");
        if (host == null) {
            return UNKNOWN;
        }
        JsonNode rootless = Json.at(host, "security", "rootless");
        String caps = Json.text(host, "security", "capabilities");
        return new EngineInfo(rootless == null ? null : rootless.asBoolean(), Json.text(host, "ociRuntime", "name"),
                Json.text(host, "remoteSocket", "path"), Json.at(host, "security", "capabilities") == null ? null
                : InspectJson.caps(caps));
    }
}
