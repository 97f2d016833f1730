package io.podwatch.collectors.podman.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.PodmanApi;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link PodmanApi} over one Unix socket ({@link EngineHttp}). Paths carry a fixed API version
 * because Podman accepts any version there (a wrong one would fail silently, so we pin the oldest
 * we support). Construction does no I/O.
 */
public final class PodmanClient implements PodmanApi {
    static final String LIBPOD = "/v4.0.0/libpod";
    private static final String CONTAINER_EVENTS = "/events?stream=true&filters=%7B%22type%22%3A%5B%22container%22%5D%7D";

    private final EngineHttp http;

    public PodmanClient(URI socket, Duration timeout, ApiObserver observer) {
        this.http = new EngineHttp(socket, timeout, observer);
    }

    public URI socket() {
        return http.socket();
    }

    @Override
    public void ping() throws IOException {
        http.check("ping", "/_ping");
    }

    @Override
    public List<JsonNode> listContainers(boolean all) throws IOException {
        return http.elements("list", LIBPOD + "/containers/json?all=" + all);
    }

    @Override
    public JsonNode inspectContainer(String nameOrId) throws IOException {
        return http.get("inspect", LIBPOD + "/containers/" + nameOrId + "/json");
    }

    @Override
    public JsonNode statsAll() throws IOException {
        return http.get("stats", LIBPOD + "/containers/stats?stream=false");
    }

    @Override
    public List<JsonNode> listImages() throws IOException {
        return http.elements("images", LIBPOD + "/images/json");
    }

    @Override
    public JsonNode inspectImage(String nameOrId) throws IOException {
        return http.get("image", LIBPOD + "/images/" + nameOrId + "/json");
    }

    @Override
    public List<JsonNode> listVolumes() throws IOException {
        return http.elements("volumes", LIBPOD + "/volumes/json");
    }

    @Override
    public JsonNode info() throws IOException {
        return http.get("info", LIBPOD + "/info");
    }

    @Override
    public void streamEvents(Consumer<JsonNode> sink) throws IOException, InterruptedException {
        http.stream("events", LIBPOD + CONTAINER_EVENTS, sink);
    }

    @Override
    public void close() {
        http.close();
    }
}
