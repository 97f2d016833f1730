package io.podwatch.collectors.audit.enrich;

import io.podwatch.collectors.engine.RecentContainers;
import java.util.List;
import java.util.Optional;

/**
 * Container names for the audit trail from what the engine trackers saw (including containers
 * removed a moment ago, see {@link RecentContainers}), else from each engine's API in turn.
 * Thread-safe as its parts are.
 */
public final class EngineContainerNames implements ContainerNames {
    private final RecentContainers recent;
    private final List<ContainerNames> apis;

    public EngineContainerNames(RecentContainers recent, List<ContainerNames> apis) {
        this.recent = recent;
        this.apis = List.copyOf(apis);
    }

    @Override
    public Optional<Info> lookup(String containerId) {
        Optional<RecentContainers.Entry> seen = recent.get(containerId);
        if (seen.isPresent() && !seen.get().ref().name().isEmpty()) {
            RecentContainers.Entry e = seen.get();
            return Optional.of(new Info(e.ref(), e.initPid(), e.engine()));
        }
        for (ContainerNames api : apis) {
            Optional<Info> found = api.lookup(containerId);
            if (found.isPresent()) {
                return found;
            }
        }
        return seen.map(e -> new Info(e.ref(), e.initPid(), e.engine()));
    }
}
