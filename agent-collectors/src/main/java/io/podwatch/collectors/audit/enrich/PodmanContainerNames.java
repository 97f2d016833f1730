package io.podwatch.collectors.audit.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.core.model.ContainerRef;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link ContainerNames} over the libpod API ({@code inspectContainer}), cached: a found container
 * for {@code ttl}, a failed lookup for a tenth of it (so an API outage costs one call per container
 * per few seconds, not one per event). Thread-safe (synchronised; lookups are rare after warm-up).
 */
public final class PodmanContainerNames implements ContainerNames {
    private static final Optional<Info> MISSING = Optional.empty();

    private final PodmanApi podman;
    private final EngineRef engine;
    private final long ttlMillis;
    private final TtlCache<String, Optional<Info>> cache;

    public PodmanContainerNames(PodmanApi podman, Clock clock, Duration ttl, int maxEntries) {
        this(podman, clock, ttl, maxEntries, EngineRef.ROOTFUL_PODMAN);
    }

    public PodmanContainerNames(PodmanApi podman, Clock clock, Duration ttl, int maxEntries, EngineRef engine) {
        this.engine = engine;
        this.podman = podman;
        this.ttlMillis = ttl.toMillis();
        this.cache = new TtlCache<>(clock, maxEntries);
    }

    @Override
    public synchronized Optional<Info> lookup(String containerId) {
        Optional<Info> hit = cache.get(containerId, null);
        if (hit != null) {
            return hit;
        }
        try {
            Info parsed = parse(containerId, podman.inspectContainer(containerId));
            Info info = new Info(parsed.ref(), parsed.initPid(), engine);
            Optional<Info> found = Optional.of(info);
            cache.put(containerId, found, ttlMillis);
            return found;
        } catch (IOException | RuntimeException e) {
            cache.put(containerId, MISSING, Math.max(1000, ttlMillis / 10));
            return MISSING;
        }
    }

    static Info parse(String id, JsonNode c) {
        String name = c.path("Name").asText("");
        name = name.startsWith("/") ? name.substring(1) : name;
        String image = c.path("ImageName").asText(c.path("Config").path("Image").asText(""));
        String pod = c.path("Pod").asText("");
        long pid = c.path("State").path("Pid").asLong(0);
        String fullId = c.path("Id").asText(id);
        return new Info(new ContainerRef(fullId, name, image, pod), pid);
    }
}
