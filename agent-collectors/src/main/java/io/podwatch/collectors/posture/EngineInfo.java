package io.podwatch.collectors.posture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The engine facts some checks need, from {@code GET /libpod/info} (slow: read at start and hourly).
 *
 * @param rootless null when unknown
 * @param ociRuntime e.g. {@code crun}, {@code runc}; "" when unknown
 * @param socketPath the API socket the engine reports, "" when unknown
 */
public record EngineInfo(Boolean rootless, String ociRuntime, String socketPath) {
    public static final EngineInfo UNKNOWN = new EngineInfo(null, "", "");

    public static EngineInfo from(JsonNode info) {
        JsonNode host = Json.at(info, "host");
        if (host == null) {
            return UNKNOWN;
        }
        JsonNode rootless = Json.at(host, "security", "rootless");
        return new EngineInfo(rootless == null ? null : rootless.asBoolean(), Json.text(host, "ociRuntime", "name"),
                Json.text(host, "remoteSocket", "path"));
    }
}
