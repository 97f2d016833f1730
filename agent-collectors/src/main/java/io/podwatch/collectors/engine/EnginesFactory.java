package io.podwatch.collectors.engine;


import io.podwatch.collectors.plugin.Engine;
import io.podwatch.collectors.plugin.EngineFactory;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.model.MetricDef;
import java.util.List;
import java.util.Optional;

/** Every rootless user's Podman and the Docker Engine, listed or discovered ({@link EngineDiscovery}). */
public final class EnginesFactory implements EngineFactory<EnginesConfig> {
    @Override
    public String name() {
        return "engines";
    }

    @Override
    public List<Setting<?>> keys() {
        return EnginesKeys.all();
    }

    @Override
    public EnginesConfig config(Config config, HostEnv env) {
        return EnginesConfig.from(config, env);
    }

    @Override
    public List<MetricDef> metrics() {
        return List.of(); // the container families (ContainerMetrics) are listed once, by podman
    }

    @Override
    public Optional<Engine> create(EnginesConfig config, SourceContext context) {
        if (!config.auto() && config.list().isEmpty()) {
            return Optional.empty();
        }
        EngineDiscovery d = new EngineDiscovery(config, context);
        context.assembly().collect(d, new CollectorRunner.Schedule(config.base().interval(),
                config.base().interval().plus(config.base().timeout())));
        return Optional.of(d);
    }
}
