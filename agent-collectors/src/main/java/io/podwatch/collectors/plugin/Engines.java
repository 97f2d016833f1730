package io.podwatch.collectors.plugin;

import io.podwatch.collectors.podman.PodmanApi;
import java.util.List;
import io.podwatch.core.inventory.ContainerInfo;
import java.util.Optional;

/** The engines the agent runs, in {@code BuiltIns} order. */
public record Engines(List<Engine> all) {
    public static final Engines NONE = new Engines(List.of());

    public Engines {
        all = List.copyOf(all);
    }

    /** The first engine that has the container, learned into the inventory (see {@link Engine#learn}). */
    public Optional<ContainerInfo> learn(String containerId) {
        for (Engine e : all) {
            Optional<ContainerInfo> c = e.learn(containerId);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The first engine speaking the libpod API, if any. */
    public Optional<PodmanApi> podmanApi() {
        return all.stream().map(Engine::podmanApi).flatMap(Optional::stream).findFirst();
    }
}
