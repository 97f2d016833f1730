package io.podwatch.agent;

import io.podwatch.collectors.audit.AuditMetrics;
import io.podwatch.collectors.audit.AuditSettings;
import io.podwatch.collectors.host.HostMetrics;
import io.podwatch.collectors.host.HostSettings;
import io.podwatch.agent.sink.AlertSinkSettings;
import io.podwatch.agent.sink.eventlog.EventLogSettings;
import io.podwatch.collectors.podman.PodmanMetrics;
import io.podwatch.collectors.podman.PodmanSettings;
import io.podwatch.collectors.posture.PostureMetrics;
import io.podwatch.collectors.posture.PostureSettings;
import io.podwatch.collectors.volume.VolumeMetrics;
import io.podwatch.collectors.volume.VolumeSettings;
import io.podwatch.core.alert.AlertPipelineSettings;
import io.podwatch.core.config.Setting;
import io.podwatch.core.detect.restart.RestartLoopSettings;
import io.podwatch.core.detect.anomaly.AnomalySettings;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.rules.audit.AuditRuleSettings;
import io.podwatch.core.rules.volume.VolumeRuleSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit list of built-in sections: adding a collector, detector or sink adds one line
 * here. Config validation, {@code config show} and the generated docs all read these lists.
 */
public final class BuiltIns {
    private BuiltIns() {
    }

    /** Every config key the agent knows, in documentation order. */
    public static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>();
        all.addAll(AgentSettings.all());
        all.addAll(PodmanSettings.all());
        all.addAll(HostSettings.all());
        all.addAll(AuditSettings.all());
        all.addAll(AuditRuleSettings.all());
        all.addAll(AnomalySettings.all());
        all.addAll(RestartLoopSettings.all());
        all.addAll(PostureSettings.all());
        all.addAll(VolumeSettings.all());
        all.addAll(VolumeRuleSettings.all());
        all.addAll(AlertPipelineSettings.all());
        all.addAll(AlertSinkSettings.all());
        all.addAll(EventLogSettings.all());
        return List.copyOf(all);
    }

    /** Every metric family collectors emit as samples (self-metrics are documented separately). */
    public static List<MetricDef> metrics() {
        List<MetricDef> all = new ArrayList<>();
        all.addAll(PodmanMetrics.all());
        all.addAll(HostMetrics.all());
        all.addAll(AuditMetrics.all());
        all.add(ContainerAnomalyDetector.SCORE);
        all.addAll(PostureMetrics.all());
        all.addAll(VolumeMetrics.all());
        return List.copyOf(all);
    }
}
