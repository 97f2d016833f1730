package io.podwatch.collectors.plugin;

import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.core.inventory.ContainerInfo;
import java.util.Optional;

/**
 * A container engine podwatch watches (rootful Podman, a rootless user's Podman, Docker): built by
 * an {@link EngineFactory} before the collectors, which reach containers through it.
 */
public interface Engine {
    /** e.g. {@code podman}; labels its series and names it in health. */
    String name();

    /**
     * Inspects a container this engine has that the inventory does not know yet (a consumer saw its
     * id before the engine's events did) and feeds it into the inventory; empty when the engine
     * does not have it. Called from a consumer's thread (the audit trail's): may do one API call.
     */
    default Optional<ContainerInfo> learn(String containerId) {
        return Optional.empty();
    }

    /** The libpod API, for engines that speak it (posture's image and host checks use it). */
    default Optional<PodmanApi> podmanApi() {
        return Optional.empty();
    }
}
