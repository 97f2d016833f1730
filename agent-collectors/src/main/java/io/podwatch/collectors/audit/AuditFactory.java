package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.InventoryContainerNames;
import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.Engine;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.model.AuditMetrics;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.rules.audit.AuditRuleKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit trail (tailer of audit.log), the kernel audit status collector and the audit rules. */
public final class AuditFactory implements CollectorFactory<AuditConfig> {
    @Override
    public String name() {
        return "audit";
    }

    @Override
    public List<Setting<?>> keys() {
        List<Setting<?>> keys = new ArrayList<>(AuditKeys.all());
        keys.addAll(AuditRuleKeys.all());
        return List.copyOf(keys);
    }

    @Override
    public AuditConfig config(Config config, HostEnv env) {
        return AuditConfig.from(config);
    }

    @Override
    public List<MetricDef> metrics() {
        return AuditMetrics.all();
    }

    @Override
    public void create(AuditConfig config, SourceContext context) {
        if (!AuditComponents.wanted(config)) {
            return;
        }
        // names from what the engines saw (removed containers a while longer), then the inventory; an id
        // neither knows yet (the events stream lags the first exec) is learned once through the engines,
        // and not asked again for a tenth of the cache TTL
        ContainerNames names = new InventoryContainerNames(context.inventory(), context.engines()::learn,
                context.clock(), config.trail().containerCacheTtl().dividedBy(10), 1024);
        AuditComponents a = AuditComponents.create(config, context.stateDir(), context.out(), context.clock(),
                context.sightings(), names, context.files());
        context.assembly().detect(a.detector());
        context.assembly().manage(a.trail());
        context.assembly().collect(a.status(),
                new CollectorRunner.Schedule(config.trail().statusInterval(), Duration.ofSeconds(10)));
    }
}
