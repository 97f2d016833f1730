package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.PodmanContainerNames;
import io.podwatch.collectors.engine.EngineDiscovery;
import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.Engine;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
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

    /** Names from the APIs of the engines discovery watches now (they come and go), each cached. */
    private static ContainerNames discovered(EngineDiscovery d, SourceContext context, AuditConfig config) {
        Map<PodmanModule, ContainerNames> byModule = new java.util.concurrent.ConcurrentHashMap<>();
        return id -> {
            for (PodmanModule m : d.modules()) {
                Optional<ContainerNames.Info> found = byModule.computeIfAbsent(m, x -> new PodmanContainerNames(x.api(),
                        context.clock(), config.trail().containerCacheTtl(), 1024, x.engineRef())).lookup(id);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        };
    }

    @Override
    public void create(AuditConfig config, SourceContext context) {
        if (!AuditComponents.wanted(config)) {
            return;
        }
        List<ContainerNames> apis = new ArrayList<>();
        for (Engine e : context.engines().all()) {
            if (e instanceof PodmanModule m) { // every engine's API, in the engine-neutral shapes
                apis.add(new PodmanContainerNames(m.api(), context.clock(), config.trail().containerCacheTtl(), 1024,
                        m.engineRef()));
            } else if (e instanceof EngineDiscovery d) {
                apis.add(discovered(d, context, config));
            }
        }
        AuditComponents a = AuditComponents.create(config, context.stateDir(), context.out(), context.clock(),
                context.sightings(), apis);
        context.assembly().detect(a.detector());
        context.assembly().manage(a.trail());
        context.assembly().collect(a.status(),
                new CollectorRunner.Schedule(config.trail().statusInterval(), Duration.ofSeconds(10)));
    }
}
