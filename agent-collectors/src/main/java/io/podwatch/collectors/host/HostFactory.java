package io.podwatch.collectors.host;

import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.model.MetricDef;
import java.util.List;

/** Host CPU, memory, filesystems, network and load under node_exporter's names. */
public final class HostFactory implements CollectorFactory<HostConfig> {
    @Override
    public String name() {
        return "host";
    }

    @Override
    public List<Setting<?>> keys() {
        return HostKeys.all();
    }

    @Override
    public HostConfig config(Config config, HostEnv env) {
        return HostConfig.from(config);
    }

    @Override
    public List<MetricDef> metrics() {
        return HostMetrics.all();
    }

    @Override
    public void create(HostConfig config, SourceContext context) {
        if (config.enabled()) {
            context.assembly().collect(new HostCollector(context.clock()),
                    new CollectorRunner.Schedule(config.interval(), config.interval()));
        }
    }
}
