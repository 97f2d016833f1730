package io.podwatch.collectors.volume;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.core.model.ContainerRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Running containers' mounts over the libpod API: one list call per reconcile, one inspect per
 * container the first time it is seen (a running container's mounts do not change).
 */
public final class PodmanMountScope implements MountScope {
    private final PodmanApi api;
    private final Map<String, ContainerMounts> cache = new HashMap<>();

    public PodmanMountScope(PodmanApi api) {
        this.api = api;
    }

    @Override
    public synchronized List<ContainerMounts> running() throws IOException {
        List<ContainerMounts> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode c : api.listContainers(false)) {
            String id = c.path("Id").asText();
            if (id.isEmpty()) {
                continue;
            }
            seen.add(id);
            ContainerMounts m = cache.get(id);
            if (m == null) {
                m = parse(api.inspectContainer(id));
                cache.put(id, m);
            }
            out.add(m);
        }
        cache.keySet().retainAll(seen);
        return out;
    }

    /** The container and its mounts from an inspect document (Podman 4.x and 5.x). */
    static ContainerMounts parse(JsonNode inspect) {
        String name = inspect.path("Name").asText("").replaceFirst("^/", "");
        ContainerRef ref = new ContainerRef(inspect.path("Id").asText(), name,
                inspect.path("ImageName").asText(inspect.path("Config").path("Image").asText("")),
                inspect.path("Pod").asText(""));
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode m : inspect.path("Mounts")) {
            String src = m.path("Source").asText("");
            mounts.add(new Mount(m.path("Type").asText(""), m.path("Name").asText(""),
                    src.isEmpty() ? null : Path.of(src), m.path("Destination").asText(""), m.path("RW").asBoolean(true)));
        }
        return new ContainerMounts(ref, mounts);
    }
}
