package io.podwatch.core.detect.anomaly;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.ContainerEvents;
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
import java.util.function.Predicate;

/**
 * One online detector per container and signal, fed by the Podman collector's batches: scores are
 * exported as {@code podwatch_container_anomaly_score}, {@link SignalWatch} turns them into
 * {@code Container*Anomaly} alerts, and the limit rules run beside them. A container absent from
 * a batch is gone: its state is dropped and its alerts resolved.
 */
public final class ContainerAnomalyDetector implements Detector {
    public static final MetricDef SCORE = MetricDef.gauge("podwatch_container_anomaly_score", "",
            "Anomaly score in [0, 1] of the container's signal at the last sample.", "name", "signal");
    static final String SOURCE = "podman";
    private static final Signal[] SIGNALS = Signal.values();

    private final AnomalyConfig config;
    private final LatestSamples scores;
    private final Predicate<String> inhibited;
    private final SignalReader reader = new SignalReader();
    /** Per engine batch ({@code podman}, {@code docker}, {@code podman-alice}): each batch is complete for its engine. */
    private final Map<String, Map<String, ContainerState>> bySource = new HashMap<>();

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

    /**
     * @param scores    where the score gauges are published for {@code /metrics}
     * @param inhibited true for a container name whose resource alerts are held back (it restart-loops)
     */
    public ContainerAnomalyDetector(AnomalyConfig config, LatestSamples scores, Predicate<String> inhibited) {
        this.config = config;
        this.scores = scores;
        this.inhibited = inhibited;
    }

    @Override
    public String name() {
        return "anomaly";
    }

    @Override
    public void onSamples(SampleBatch batch, Alerts alerts) {
        if (!config.enabled() || !ContainerEvents.engineBatch(batch.source())) {
            return;
        }
        Map<String, ContainerState> containers = bySource.computeIfAbsent(batch.source(), k -> new HashMap<>());
        List<ContainerReading> readings = reader.read(batch);
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
            boolean quiet = inhibited.test(st.name);
            for (Signal s : SIGNALS) {
                score(st, s, r, quiet, alerts, out);
            }
            if (!quiet) {
                st.limits.evaluate(r, config, alerts);
            }
        }
        containers.entrySet().removeIf(e -> {
            if (seen.contains(e.getKey())) {
                return false;
            }
            resolveAll(e.getValue(), alerts);
            return true;
        });
        // one score batch per engine, so one engine's scores never replace another's
        scores.put(new SampleBatch(batch.source().equals(SOURCE) ? name() : name() + "-" + batch.source(), batch.time(),
                out));
    }

    private void score(ContainerState st, Signal s, ContainerReading r, boolean quiet, Alerts alerts, List<Sample> out) {
        double v = r.value(s);
        if (Double.isNaN(v)) {
            return;
        }
        SignalWatch w = st.watches[s.ordinal()];
        if (w == null) {
            w = new SignalWatch(config.policy(st.name, s), config.raiseAfter(), config.clearAfter());
            st.watches[s.ordinal()] = w;
        }
        if (!w.enabled()) {
            return;
        }
        boolean was = w.firing();
        double score = w.update(r.epochMillis(), v);
        out.add(SCORE.sample(score, st.name, s.label()));
        if (w.firing() && !quiet) {
            alerts.fire(new Alert(s.alertName(), Severity.MEDIUM, labels(st, s), Map.of(
                    "summary", s.label() + " of " + st.name + " is anomalous",
                    "description", String.format("observed %.4g %s, baseline %.4g, score %.3f", v, s.unit(),
                            w.baseline(), score),
                    "observed", Double.toString(v), "baseline", Double.toString(w.baseline()),
                    "score", Double.toString(score)), r.container()));
        } else if (was && (!w.firing() || quiet)) {
            alerts.resolve(s.alertName(), labels(st, s));
        }
    }

    private static Map<String, String> labels(ContainerState st, Signal s) {
        return Map.of("container", st.name, "signal", s.label());
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
        return bySource.values().stream().mapToInt(Map::size).sum();
    }
}
