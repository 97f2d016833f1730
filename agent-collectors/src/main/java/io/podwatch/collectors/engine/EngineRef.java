package io.podwatch.collectors.engine;

import java.util.Objects;

/**
 * One container engine instance on the host: which engine ({@code podman}, {@code docker}) and
 * whose ({@code root} or the rootless user's name). Every container series and lifecycle event
 * carries both as the {@code engine} and {@code owner} labels, so names are unique per engine and
 * owner and two users' "web" containers stay apart.
 */
public record EngineRef(String engine, String owner) {
    public static final String PODMAN = "podman";
    public static final String DOCKER = "docker";
    public static final String ROOT = "root";
    public static final EngineRef ROOTFUL_PODMAN = new EngineRef(PODMAN, ROOT);

    public EngineRef {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(owner, "owner");
    }

    /** e.g. {@code podman/root}, {@code podman/alice}, {@code docker/root}: for logs and self-metrics. */
    @Override
    public String toString() {
        return engine + "/" + owner;
    }
}
