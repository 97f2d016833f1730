package io.podwatch.collectors.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.podwatch.collectors.engine.proc.ProcStat;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.collectors.podman.api.ApiObserver;
import io.podwatch.collectors.podman.api.ApiStatusException;
import io.podwatch.collectors.podman.api.EngineHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Docker Engine API over its Unix socket, through docker-java's httpclient5 transport
 * ({@link EngineHttp}), answering the engine-neutral calls in libpod's shapes ({@link DockerShapes})
 * so the tracker, events watcher and API stats source serve Docker unchanged. Docker has no
 * all-containers stats call: {@link #statsAll} asks each running container once
 * ({@code one-shot}), which is why the cgroup files are the default source. Construction does no
 * I/O; thread-safe.
 */
public final class DockerClient implements PodmanApi {
    /** Docker 20.10's API version: every engine from 20.10 on answers it. */
    static final String API = "/v1.41";
    private static final String CONTAINER_EVENTS = "/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D";

    private final EngineHttp http;
    private final Path proc;

    public DockerClient(URI socket, Duration timeout, ApiObserver observer) {
        this(socket, timeout, observer, Path.of("/proc"));
    }

    DockerClient(URI socket, Duration timeout, ApiObserver observer, Path proc) {
        this.http = new EngineHttp(socket, timeout, observer);
        this.proc = proc;
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
        return http.elements("list", API + "/containers/json?all=" + all);
    }

    @Override
    public JsonNode inspectContainer(String nameOrId) throws IOException {
        JsonNode c = http.get("inspect", API + "/containers/" + nameOrId + "/json");
        return DockerShapes.inspect(c, parentOf(c.path("State").path("Pid").asLong(0)));
    }

    @Override
    public JsonNode statsAll() throws IOException {
        ArrayNode entries = DockerShapes.array();
        for (JsonNode c : listContainers(false)) {
            String id = c.path("Id").asText("");
            if (id.isEmpty()) {
                continue;
            }
            try {
                JsonNode s = http.get("stats", API + "/containers/" + id + "/stats?stream=false&one-shot=true");
                var e = DockerShapes.statsEntry(id, s);
                if (e != null) {
                    entries.add(e);
                }
            } catch (ApiStatusException e) {
                if (!e.notFound()) {
                    throw e;
                }
                // removed between listing and reading
            }
        }
        return DockerShapes.report(entries);
    }

    @Override
    public List<JsonNode> listImages() throws IOException {
        return http.elements("images", API + "/images/json");
    }

    @Override
    public JsonNode inspectImage(String nameOrId) throws IOException {
        return http.get("image", API + "/images/" + nameOrId + "/json");
    }

    @Override
    public List<JsonNode> listVolumes() throws IOException {
        JsonNode v = http.get("volumes", API + "/volumes");
        List<JsonNode> out = new java.util.ArrayList<>();
        v.path("Volumes").forEach(out::add);
        return out;
    }

    @Override
    public JsonNode info() throws IOException {
        return http.get("info", API + "/info");
    }

    @Override
    public void streamEvents(Consumer<JsonNode> sink) throws IOException, InterruptedException {
        http.stream("events", API + CONTAINER_EVENTS, e -> sink.accept(DockerShapes.event(e)));
    }

    /** The parent of a running container's init: its containerd shim. 0 when unknown. */
    private long parentOf(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            return Math.max(0, ProcStat.ppid(ProcStat.read(proc, pid)));
        } catch (IOException e) {
            return 0; // exited meanwhile, or /proc hidden: the monitor stays unknown
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
