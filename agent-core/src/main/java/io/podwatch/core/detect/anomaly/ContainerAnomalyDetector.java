package io.podwatch.core.detect.anomaly;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import io.podwatch.core.process.Detector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One online detector per container and signal, fed by every engine's container stats batches
 * (any source whose samples are {@link io.podwatch.core.model.ContainerMetrics}): scores go out
 * through the stage's {@link Emitter} as {@code podwatch_container_anomaly_score} (one batch per
 * feeding source), {@link SignalWatch} turns them into {@code Container*Anomaly} alerts, and the
 * limit rules run beside them. A container absent from its source's batch is gone: its state is
 * dropped and its alerts resolved. Alerts carry {@code category=resource}, which the alert
 * pipeline's inhibition rules mute while the container restart-loops.
 */
public final class ContainerAnomalyDetector implements Detector {
    public static final MetricDef SCORE = MetricDef.gauge("podwatch_container_anomaly_score", "",
            "Anomaly score in [0, 1] of the container's signal at the last sample.", "name", "signal");
    /** Score batches are named after the source they score: {@code anomaly/podman}, ... */
    static final String SOURCE_PREFIX = "anomaly/";
    private static final Signal[] SIGNALS = Signal.values();
    private static final Emitter DISCARD = new Emitter() {
        @Override
        public void samples(SampleBatch batch) {
        }

        @Override
        public void event(io.podwatch.core.model.Event event) {
        }

        @Override
        public void eventAwait(io.podwatch.core.model.Event event) {
        }
    };

    private final AnomalyConfig config;
    private final Map<String, SourceState> sources = new HashMap<>();

    /** One feeding source's readers and containers: ids are only unique within an engine. */
    private static final class SourceState {
        final SignalReader reader = new SignalReader();
        final Map<String, ContainerState> containers = new HashMap<>();
    }

    /** Per-container state; watches are created lazily per signal, since many containers never do block I/O. */
    private static final class ContainerState {
        final SignalWatch[] watches = new SignalWatch[SIGNALS.length];
        final LimitRules limits;
        final String name;

        ContainerState(String name, int limitSamples) {
            this.name = name;
            this.limits = new LimitRules(limitSamples);
        }
    }

    public ContainerAnomalyDetector(AnomalyConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "anomaly";
    }

    /** Without an emitter (benchmarks): scores are computed and dropped. */
    @Override
    public void onSamples(SampleBatch batch, Alerts alerts) {
        onSamples(batch, alerts, DISCARD);
    }

    @Override
    public void onSamples(SampleBatch batch, Alerts alerts, Emitter emitter) {
        if (!config.enabled() || batch.source().startsWith(SOURCE_PREFIX)) {
            return;
        }
        SourceState src = sources.get(batch.source());
        if (src == null) {
            if (!SignalReader.carriesContainers(batch)) {
                return; // not a container stats source (host, posture, audit)
            }
            src = new SourceState();
            sources.put(batch.source(), src);
        }
        Map<String, ContainerState> containers = src.containers;
        List<ContainerReading> readings = src.reader.read(batch);
        List<Sample> out = new ArrayList<>(readings.size() * SIGNALS.length);
        Set<String> seen = new HashSet<>();
        for (ContainerReading r : readings) {
            String id = r.container().id();
            seen.add(id);
            ContainerState st = containers.get(id);
            if (st == null || !st.name.equals(r.container().display())) {
                // a renamed container starts afresh: overrides match by name
                st = new ContainerState(r.container().display(), config.limitSamples());
                containers.put(id, st);
            }
            for (Signal s : SIGNALS) {
                score(st, s, r, alerts, out);
            }
            st.limits.evaluate(r, config, alerts);
        }
        containers.entrySet().removeIf(e -> {
            if (seen.contains(e.getKey())) {
                return false;
            }
            resolveAll(e.getValue(), alerts);
            return true;
        });
        emitter.samples(new SampleBatch(SOURCE_PREFIX + batch.source(), batch.time(), out));
    }

    private void score(ContainerState st, Signal s, ContainerReading r, Alerts alerts, List<Sample> out) {
        double v = r.value(s);
        if (Double.isNaN(v)) {
            return;
        }
        SignalWatch w = st.watches[s.ordinal()];
        if (w == null) {
            w = new SignalWatch(config.policy(st.name, s), config.confirmFor().toMillis(), config.clearAfter());
            st.watches[s.ordinal()] = w;
        }
        if (!w.enabled()) {
            return;
        }
        boolean was = w.firing();
        double score = w.update(r.epochMillis(), v);
        out.add(SCORE.sample(score, st.name, s.label()));
        if (w.firing()) {
            // the change as it began (baseline it left, its first score), not the adapted state of this sample
            long lasted = Math.max(0, (r.epochMillis() - w.changeStart()) / 1000);
            alerts.fire(new Alert(s.alertName(), Severity.MEDIUM, labels(st, s), Map.of(
                    "summary", s.label() + " of " + st.name + " is anomalous",
                    "description", String.format("observed %.4g %s for %d s, baseline before the change %.4g, score %.3f",
                            v, s.unit(), lasted, w.changeBaseline(), w.changeScore()),
                    "observed", Double.toString(v), "baseline", Double.toString(w.changeBaseline()),
                    "score", Double.toString(w.changeScore())), r.container()));
        } else if (was) {
            alerts.resolve(s.alertName(), labels(st, s));
        }
    }

    private static Map<String, String> labels(ContainerState st, Signal s) {
        return Map.of("container", st.name, "signal", s.label(), Inhibitions.CATEGORY_LABEL, Inhibitions.RESOURCE);
    }

    private static void resolveAll(ContainerState st, Alerts alerts) {
        for (Signal s : SIGNALS) {
            SignalWatch w = st.watches[s.ordinal()];
            if (w != null && w.firing()) {
                alerts.resolve(s.alertName(), labels(st, s));
            }
        }
        st.limits.resolveAll(st.name, alerts);
    }

    /** Containers with detector state, for tests and the status page. */
    public int trackedContainers() {
        return sources.values().stream().mapToInt(src -> src.containers.size()).sum();
    }
}
