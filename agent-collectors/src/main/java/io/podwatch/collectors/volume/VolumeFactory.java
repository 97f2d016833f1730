package io.podwatch.collectors.volume;

import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.collectors.volume.audit.VolumeAuditRules;
import io.podwatch.collectors.volume.sprawl.SprawlCollector;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.rules.volume.VolumeDetector;
import io.podwatch.core.rules.volume.VolumeRuleKeys;
import io.podwatch.core.volume.VolumeDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Containers' write volumes: the watcher (inotify, audit rules, scans) over the container inventory
 * and the detector of the volume alerts, sharing the directory of watched volumes.
 */
public final class VolumeFactory implements CollectorFactory<VolumeConfig> {
    @Override
    public String name() {
        return "volumes";
    }

    @Override
    public List<Setting<?>> keys() {
        List<Setting<?>> keys = new ArrayList<>(VolumeKeys.all());
        keys.addAll(VolumeRuleKeys.all());
        return List.copyOf(keys);
    }

    @Override
    public VolumeConfig config(Config config, HostEnv env) {
        return VolumeConfig.from(config);
    }

    @Override
    public List<MetricDef> metrics() {
        return VolumeMetrics.all();
    }

    @Override
    public void create(VolumeConfig config, SourceContext context) {
        VolumeWatcherConfig w = config.watcher();
        if (!w.enabled()) {
            return;
        }
        VolumeDirectory directory = new VolumeDirectory();
        context.assembly().detect(new VolumeDetector(directory, config.rules()));
        VolumeAuditRules audit = config.auditTrail() && w.audit()
                ? new VolumeAuditRules(new ProcessCommandRunner(), "auditctl") : null;
        VolumeWatcher watcher = new VolumeWatcher(w, new InventoryMountScope(context.inventory()), directory, audit,
                context.out(), context.clock());
        context.assembly().collect(watcher, schedule(w));
        context.engines().podmanApi().ifPresent(api -> context.assembly().collect(
                new SprawlCollector(api, context.stateDir(), Duration.ofDays(w.unusedDays()), context.clock()),
                new CollectorRunner.Schedule(w.sprawlInterval(), min(w.sprawlInterval(), Duration.ofMinutes(2)))));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /** Reconcile on the configured interval; a slow run is cut off by the next. */
    static CollectorRunner.Schedule schedule(VolumeWatcherConfig w) {
        Duration i = w.reconcileInterval();
        return new CollectorRunner.Schedule(i, i.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : i);
    }
}
