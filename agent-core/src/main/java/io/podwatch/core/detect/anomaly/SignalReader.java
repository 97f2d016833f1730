package io.podwatch.core.detect.anomaly;

import io.podwatch.core.model.ContainerMetrics;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an engine's container stats batches ({@link ContainerMetrics}) into per-container signal readings: counters into
 * per-second rates against the previous batch (a counter that went down — container restarted —
 * gives no rate for that step), interfaces summed. Keeps only the previous raw counters of the
 * containers in the latest batch, so state goes with the container. Processing thread only.
 */
public final class SignalReader {
    private static final MetricDef MEMORY_LIMIT = ContainerMetrics.SPEC_MEMORY_LIMIT;
    private static final MetricDef PIDS_LIMIT = ContainerMetrics.THREADS_MAX;
    private static final MetricDef CFS_PERIODS = ContainerMetrics.CFS_PERIODS;
    private static final MetricDef CFS_THROTTLED = ContainerMetrics.CFS_THROTTLED_PERIODS;
    private static final Signal[] SIGNALS = Signal.values();
    // by identity: samples carry the very constants, and this runs for every sample of every batch
    private static final Map<MetricDef, Signal> BY_METRIC = new java.util.IdentityHashMap<>();

    static {
        for (Signal s : SIGNALS) {
            BY_METRIC.put(s.metric(), s);
        }
    }

    private Map<String, Raw> previous = new HashMap<>();
    private long lastTime = Long.MIN_VALUE;

    /** Raw per-container sums of one batch. */
    private static final class Raw {
        ContainerRef ref;
        final double[] sums = new double[SIGNALS.length];
        double memoryLimit = Double.NaN;
        double pidsLimit = Double.NaN;
        double periods = Double.NaN;
        double throttled = Double.NaN;

        Raw() {
            Arrays.fill(sums, Double.NaN);
        }
    }

    /** Whether the batch has any container signal, i.e. comes from an engine's stats collector. */
    static boolean carriesContainers(SampleBatch batch) {
        for (Sample s : batch.samples()) {
            if (BY_METRIC.containsKey(s.metric())) {
                return true;
            }
        }
        return false;
    }

    public List<ContainerReading> read(SampleBatch batch) {
        Map<String, Raw> now = new HashMap<>();
        for (Sample s : batch.samples()) {
            String id = s.label("id");
            if (id.isEmpty()) {
                continue;
            }
            Signal sig = BY_METRIC.get(s.metric());
            MetricDef name = s.metric();
            if (sig == null && name != MEMORY_LIMIT && name != PIDS_LIMIT
                    && name != CFS_PERIODS && name != CFS_THROTTLED) {
                continue;
            }
            Raw r = now.computeIfAbsent(id, k -> new Raw());
            if (r.ref == null) {
                r.ref = new ContainerRef(id, s.label("name"), s.label("image"), s.label("pod"));
            }
            if (sig != null) {
                int i = sig.ordinal();
                r.sums[i] = Double.isNaN(r.sums[i]) ? s.value() : r.sums[i] + s.value();
            } else if (name == MEMORY_LIMIT) {
                r.memoryLimit = positiveOrNaN(s.value());
            } else if (name == PIDS_LIMIT) {
                r.pidsLimit = positiveOrNaN(s.value());
            } else if (name == CFS_PERIODS) {
                r.periods = s.value();
            } else {
                r.throttled = s.value();
            }
        }
        long t = batch.time().toEpochMilli();
        List<ContainerReading> out = new ArrayList<>(now.size());
        for (Map.Entry<String, Raw> e : now.entrySet()) {
            Raw cur = e.getValue();
            Raw prev = previous.get(e.getKey());
            double[] values = new double[SIGNALS.length];
            for (Signal s : SIGNALS) {
                int i = s.ordinal();
                values[i] = s.counter() ? rate(prev, cur, i, t) : cur.sums[i];
            }
            double dPeriods = prev == null ? Double.NaN : cur.periods - prev.periods;
            double dThrottled = prev == null ? Double.NaN : cur.throttled - prev.throttled;
            out.add(new ContainerReading(cur.ref, t, values, cur.memoryLimit, cur.pidsLimit, dPeriods, dThrottled));
        }
        lastTime = t;
        previous = now;
        return out;
    }

    private double rate(Raw prev, Raw cur, int i, long t) {
        if (prev == null || lastTime == Long.MIN_VALUE || t <= lastTime) {
            return Double.NaN;
        }
        double d = cur.sums[i] - prev.sums[i];
        return d < 0 || Double.isNaN(d) ? Double.NaN : d * 1000.0 / (t - lastTime);
    }

    private static double positiveOrNaN(double v) {
        return v > 0 && Double.isFinite(v) ? v : Double.NaN;
    }
}
