package io.podwatch.agent.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.podwatch.core.emit.LatestSamples;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * One Prometheus registry holding both the agent's self-metrics (Micrometer meters) and the
 * collectors' latest samples (rendered by {@link SampleSnapshotCollector} at scrape time).
 */
public final class PrometheusExposition {
    private final PrometheusMeterRegistry registry;

    public PrometheusExposition(LatestSamples latest) {
        PrometheusRegistry prometheus = new PrometheusRegistry();
        prometheus.register(new SampleSnapshotCollector(latest));
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus,
                io.micrometer.core.instrument.Clock.SYSTEM);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        ProcessMetrics.bindTo(registry);
    }

    /** Where components register their self-metrics. */
    public MeterRegistry meters() {
        return registry;
    }

    /** The text exposition format 0.0.4, which {@code promtool check metrics} parses. */
    public String scrape() {
        return registry.scrape();
    }

    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}
