package io.podwatch.collectors.engine;

import io.podwatch.core.inventory.ContainerKey;
import io.podwatch.core.inventory.InventoryFeed;
import java.util.Objects;

/**
 * One container engine instance on the host: which engine ({@code podman}, {@code docker}) and
 * whose ({@code root} or the rootless user's name). Every container series and lifecycle event
 * carries both as the {@code engine} and {@code owner} labels, so names are unique per engine and
 * owner and two users' "web" containers stay apart.
 */
public record EngineRef(String engine, String owner) {
    public static final EngineRef ROOTFUL_PODMAN = new EngineRef(ContainerKey.PODMAN, ContainerKey.ROOT);
    public static final EngineRef DOCKER = new EngineRef(ContainerKey.DOCKER, ContainerKey.ROOT);

    public EngineRef {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(owner, "owner");
    }

    public static EngineRef of(InventoryFeed feed) {
        return new EngineRef(feed.engine(), feed.owner());
    }

    public static EngineRef of(ContainerKey key) {
        return new EngineRef(key.engine(), key.owner());
    }

    /** e.g. {@code podman/root}, {@code podman/alice}, {@code docker/root}: for logs and self-metrics. */
    @Override
    public String toString() {
        return engine + "/" + owner;
    }
}
