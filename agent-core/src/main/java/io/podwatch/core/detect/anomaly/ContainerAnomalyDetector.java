package io.podwatch.core.detect.anomaly;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.detect.AnomalyDetector;
import io.podwatch.core.emit.LatestSamples;
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
import java.util.function.Predicate;

/**
 * One online detector per container and signal, fed by the Podman collector's batches: scores are
 * exported as {@code podwatch_container_anomaly_score}, hysteresis turns them into
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
    private final Map<String, ContainerState> containers = new HashMap<>();

    /** Per-container detectors; created lazily per signal, since most containers never do block I/O. */
    private static final class ContainerState {
        final AnomalyDetector[] detectors = new AnomalyDetector[SIGNALS.length];
        final Hysteresis[] hysteresis = new Hysteresis[SIGNALS.length];
        final LimitRules limits;
        String name;

        ContainerState(int limitSamples) {
            limits = new LimitRules(limitSamples);
        }
    }

    /**
     * @param scores where the score gauges are published for {@code /metrics}
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
        if (!config.enabled() || !batch.source().equals(SOURCE)) {
            return;
        }
        List<Sample> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ContainerReading r : reader.read(batch)) {
            String id = r.container().id();
            seen.add(id);
            ContainerState st = containers.computeIfAbsent(id, k -> new ContainerState(config.limitSamples()));
            st.name = r.container().display();
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
        scores.put(new SampleBatch(name(), batch.time(), out));
    }

    private void score(ContainerState st, Signal s, ContainerReading r, boolean quiet, Alerts alerts, List<Sample> out) {
        double threshold = config.thresholdFor(st.name, s);
        double v = r.value(s);
        if (Double.isNaN(threshold) || Double.isNaN(v)) {
            return;
        }
        int i = s.ordinal();
        if (st.detectors[i] == null) {
            st.detectors[i] = new AnomalyDetector(config.detectorSettings(s));
            st.hysteresis[i] = new Hysteresis(config.raiseAfter(), config.clearAfter());
        }
        AnomalyDetector d = st.detectors[i];
        double score = d.update(r.epochMillis(), v);
        out.add(SCORE.sample(score, st.name, s.label()));
        boolean was = st.hysteresis[i].firing();
        boolean firing = st.hysteresis[i].update(score >= threshold);
        Map<String, String> labels = Map.of("container", st.name, "signal", s.label());
        if (firing && !quiet) {
            alerts.fire(new Alert(s.alertName(), Severity.MEDIUM, labels, Map.of(
                    "summary", s.label() + " of " + st.name + " is anomalous",
                    "description", String.format("observed %.4g %s, baseline %.4g, score %.3f", v, s.unit(),
                            d.baseline(), score),
                    "observed", Double.toString(v), "baseline", Double.toString(d.baseline()),
                    "score", Double.toString(score)), r.container()));
        } else if (was && (!firing || quiet)) {
            alerts.resolve(s.alertName(), labels);
        }
    }

    private static void resolveAll(ContainerState st, Alerts alerts) {
        for (Signal s : SIGNALS) {
            if (st.hysteresis[s.ordinal()] != null && st.hysteresis[s.ordinal()].firing()) {
                alerts.resolve(s.alertName(), Map.of("container", st.name, "signal", s.label()));
            }
        }
        st.limits.resolveAll(st.name, alerts);
    }

    /** Containers with detector state, for tests and the status page. */
    public int trackedContainers() {
        return containers.size();
    }
}
