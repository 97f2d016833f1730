package io.podwatch.agent;

import io.podwatch.agent.sink.EventSinkFactory;
import io.podwatch.agent.sink.OutboxKeys;
import io.podwatch.agent.sink.ReceiverFactory;
import io.podwatch.agent.sink.alertmanager.AlertmanagerFactory;
import io.podwatch.agent.sink.email.EmailFactory;
import io.podwatch.agent.sink.eventlog.EventLogFactory;
import io.podwatch.agent.sink.webhook.WebhookFactory;
import io.podwatch.collectors.audit.AuditFactory;
import io.podwatch.collectors.host.HostFactory;
import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.EngineFactory;
import io.podwatch.collectors.engine.EnginesFactory;
import io.podwatch.collectors.podman.PodmanFactory;
import io.podwatch.collectors.posture.PostureFactory;
import io.podwatch.collectors.volume.VolumeFactory;
import io.podwatch.core.alert.AlertPipelineKeys;
import io.podwatch.core.config.Setting;
import io.podwatch.core.detect.anomaly.AnomalyKeys;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.detect.restart.RestartLoopKeys;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.plugin.Factory;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit list of built-in components: adding an engine, collector or sink adds its factory
 * to one list here, and nothing else in the agent names it. Wiring, config validation,
 * {@code config show} and the generated docs all read these lists.
 */
public final class BuiltIns {
    private static final List<EngineFactory<?>> ENGINES = List.of(new PodmanFactory(), new EnginesFactory());
    private static final List<CollectorFactory<?>> COLLECTORS = List.of(new HostFactory(), new AuditFactory(),
            new PostureFactory(), new VolumeFactory());
    private static final List<EventSinkFactory<?>> EVENT_SINKS = List.of(new EventLogFactory());
    private static final List<ReceiverFactory<?>> RECEIVERS = List.of(new WebhookFactory(), new AlertmanagerFactory(),
            new EmailFactory());

    private BuiltIns() {
    }

    /** Container engines, created first. */
    public static List<EngineFactory<?>> engines() {
        return ENGINES;
    }

    /** Sources other than engines, created after them. */
    public static List<CollectorFactory<?>> collectors() {
        return COLLECTORS;
    }

    /** Where every event goes (the event log). */
    public static List<EventSinkFactory<?>> eventSinks() {
        return EVENT_SINKS;
    }

    /** Where alert notifications go (webhooks, Alertmanager, e-mail). */
    public static List<ReceiverFactory<?>> receivers() {
        return RECEIVERS;
    }

    /** Every factory, in documentation order. */
    public static List<Factory<?>> factories() {
        List<Factory<?>> all = new ArrayList<>();
        all.addAll(ENGINES);
        all.addAll(COLLECTORS);
        all.addAll(RECEIVERS);
        all.addAll(EVENT_SINKS);
        return List.copyOf(all);
    }

    /** Every config key the agent knows, in documentation order. */
    public static List<Setting<?>> settings() {
        // top-level keys (state-dir, log-level, event-log) first, so the docs have one "general" section
        List<Setting<?>> all = new ArrayList<>(AgentKeys.all().stream().filter(k -> !k.key().contains(".")).toList());
        EVENT_SINKS.forEach(f -> all.addAll(f.keys()));
        all.addAll(AgentKeys.all().stream().filter(k -> k.key().contains(".")).toList());
        ENGINES.forEach(f -> all.addAll(f.keys()));
        COLLECTORS.forEach(f -> all.addAll(f.keys()));
        all.addAll(AnomalyKeys.all());
        all.addAll(RestartLoopKeys.all());
        all.addAll(AlertPipelineKeys.all());
        RECEIVERS.forEach(f -> all.addAll(f.keys()));
        all.addAll(OutboxKeys.all());
        return List.copyOf(all);
    }

    /** Every metric family collectors emit as samples (self-metrics are documented separately). */
    public static List<MetricDef> metrics() {
        List<MetricDef> all = new ArrayList<>();
        factories().forEach(f -> all.addAll(f.metrics()));
        all.add(ContainerAnomalyDetector.SCORE);
        return List.copyOf(all);
    }
}
