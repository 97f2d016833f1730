package io.podwatch.collectors.podman;

import io.podwatch.collectors.plugin.Engine;
import io.podwatch.collectors.plugin.EngineFactory;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.model.ContainerMetrics;
import io.podwatch.core.model.MetricDef;
import java.util.List;
import java.util.Optional;

/** The rootful Podman engine: its service, API connection, events watcher and stats collector. */
public final class PodmanFactory implements EngineFactory<PodmanConfig> {
    @Override
    public String name() {
        return "podman";
    }

    @Override
    public List<Setting<?>> keys() {
        return PodmanKeys.all();
    }

    @Override
    public PodmanConfig config(Config config, HostEnv env) {
        return PodmanConfig.from(config, env);
    }

    @Override
    public List<MetricDef> metrics() {
        return ContainerMetrics.all();
    }

    @Override
    public Optional<Engine> create(PodmanConfig config, SourceContext context) {
        PodmanModule podman = PodmanModule.create(config, context.stateDir(), context.inventory(), context.out(),
                context.clock(), context.meters(), context.sightings());
        podman.managed().forEach(context.assembly()::manage);
        context.assembly().collect(podman.collector(), podman.schedule());
        return Optional.of(podman);
    }
}
