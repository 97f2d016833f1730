package io.podwatch.collectors.plugin;

import io.podwatch.collectors.podman.PodmanApi;
import java.util.Optional;

/**
 * A container engine podwatch watches (rootful Podman, a rootless user's Podman, Docker): built by
 * an {@link EngineFactory} before the collectors, which reach containers through it.
 */
public interface Engine {
    /** e.g. {@code podman}; labels its series and names it in health. */
    String name();

    /** The libpod API, for engines that speak it (posture and audit names use it). */
    default Optional<PodmanApi> podmanApi() {
        return Optional.empty();
    }
}
