package io.podwatch.collectors.plugin;

import io.podwatch.collectors.podman.PodmanApi;
import java.util.List;
import java.util.Optional;

/** The engines the agent runs, in {@code BuiltIns} order. */
public record Engines(List<Engine> all) {
    public static final Engines NONE = new Engines(List.of());

    public Engines {
        all = List.copyOf(all);
    }

    /** The first engine speaking the libpod API, if any. */
    public Optional<PodmanApi> podmanApi() {
        return all.stream().map(Engine::podmanApi).flatMap(Optional::stream).findFirst();
    }
}
