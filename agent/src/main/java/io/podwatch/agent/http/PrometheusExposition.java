package io.podwatch.agent.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.lifecycle.NamedThreads;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What {@code /metrics} serves: the collectors' latest samples (rendered at scrape time by
 * {@link SampleTextRenderer}) and the agent's self-metrics from the Micrometer Prometheus registry.
 */
public final class PrometheusExposition {
    private final PrometheusMeterRegistry registry;
    private final LatestSamples latest;
    private final SampleTextRenderer samples = new SampleTextRenderer();

    @SuppressWarnings("unused") // held so the process meters' weakly referenced source stays alive
    private final ProcessMetrics process;

    public PrometheusExposition(LatestSamples latest) {
        this.latest = latest;
        PrometheusRegistry prometheus = new PrometheusRegistry();
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus,
                io.micrometer.core.instrument.Clock.SYSTEM);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        this.process = ProcessMetrics.bindTo(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("podwatch.threads.died", NamedThreads.class, c -> NamedThreads.died())
                .description("Threads that ended through an uncaught exception (see the agent log)").register(registry);
    }

    /** Where components register their self-metrics. */
    public MeterRegistry meters() {
        return registry;
    }

    /**
     * The text exposition format 0.0.4, which {@code promtool check metrics} parses: the
     * collectors' latest samples, then the agent's own meters. Called from one thread (the HTTP
     * event loop) at a time; the docs generator calls it before the server starts.
     */
    public byte[] scrapeBytes() {
        return new Routes.Response(200, contentType(), scrapeChunks()).body();
    }

    /**
     * The exposition in two parts: the collectors' samples (the same array while no batch changed,
     * which the server keeps in direct memory and gzip form) and the agent's own meters.
     */
    public synchronized List<byte[]> scrapeChunks() {
        byte[] collected = samples.render(latest.snapshot());
        byte[] own = registry.scrape().getBytes(StandardCharsets.UTF_8);
        return List.of(collected, own);
    }

    /** {@link #scrapeBytes()} as text, for tests and the docs generator. */
    public String scrape() {
        return new String(scrapeBytes(), StandardCharsets.UTF_8);
    }

    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}
