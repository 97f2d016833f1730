package io.podwatch.core.inventory;

import java.util.Objects;

/**
 * Identifies one container across every engine on the host: the same 64-hex id cannot be told
 * apart by id alone when two engines (or two rootless users) are watched, and the owner decides
 * whose namespace, storage and audit uid the container belongs to.
 *
 * @param engine {@value #PODMAN} or {@value #DOCKER}
 * @param owner {@value #ROOT} for the rootful engine, else the login name of the rootless user
 * @param id the engine's full container id
 */
public record ContainerKey(String engine, String owner, String id) {
    public static final String PODMAN = "podman";
    public static final String DOCKER = "docker";
    public static final String ROOT = "root";

    public ContainerKey {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        if (engine.isEmpty() || owner.isEmpty() || id.isEmpty()) {
            throw new IllegalArgumentException("engine, owner and id must not be empty");
        }
    }

    public static ContainerKey rootPodman(String id) {
        return new ContainerKey(PODMAN, ROOT, id);
    }

    public boolean rootful() {
        return ROOT.equals(owner);
    }

    /** The 12-character short id the engines print. */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    @Override
    public String toString() {
        return engine + "/" + owner + "/" + shortId();
    }
}
