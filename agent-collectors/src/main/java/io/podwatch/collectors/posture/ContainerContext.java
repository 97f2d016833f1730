package io.podwatch.collectors.posture;

import java.util.Map;
import java.util.Set;

/**
 * What container checks need beyond the container's own inspect data, gathered once per scan.
 *
 * @param rootless whether the engine runs rootless; null when unknown (no {@code info})
 * @param insecureRegistries registries {@code registries.conf} marks insecure
 * @param imageLabels the labels of the container's image (for its RUN label), empty when unknown
 * @param processes reads the running container's processes and namespaces from /proc
 */
public record ContainerContext(Boolean rootless, Set<String> insecureRegistries, Map<String, String> imageLabels,
                               ContainerProcesses processes) {
    public ContainerContext {
        insecureRegistries = Set.copyOf(insecureRegistries);
        imageLabels = Map.copyOf(imageLabels);
    }

    /** The same facts with a process table not yet read, for the next scan. */
    public ContainerContext fresh() {
        return new ContainerContext(rootless, insecureRegistries, imageLabels, processes == null ? null : processes.fresh());
    }

    ContainerContext withImageLabels(Map<String, String> labels) {
        return new ContainerContext(rootless, insecureRegistries, labels, processes);
    }
}
