package io.podwatch.core.bench;

import io.podwatch.core.model.ContainerMetrics;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Podman-collector-shaped batches ({@link ContainerMetrics}, the collector's labels) for N containers, every
 * signal moving with noise, new {@link Sample} objects per batch as the real collector makes them.
 */
final class SyntheticBatches {
    private static final MetricDef[] COUNTERS = {ContainerMetrics.CPU, ContainerMetrics.FS_READS,
        ContainerMetrics.FS_WRITES, ContainerMetrics.NET_RX_BYTES, ContainerMetrics.NET_TX_BYTES,
        ContainerMetrics.CFS_PERIODS, ContainerMetrics.CFS_THROTTLED_PERIODS};
    private static final java.util.Set<MetricDef> PER_INTERFACE = java.util.Set.of(ContainerMetrics.NET_RX_BYTES,
        ContainerMetrics.NET_TX_BYTES);
    private static final double[] RATES = {0.2, 4096, 65536, 20_000, 10_000, 10, 0.1};
    private static final MetricDef WS = ContainerMetrics.MEMORY_WORKING_SET;
    private static final MetricDef LIMIT = ContainerMetrics.SPEC_MEMORY_LIMIT;
    private static final MetricDef TASKS = ContainerMetrics.PROCESSES;
    private static final MetricDef TASKS_MAX = ContainerMetrics.THREADS_MAX;

    private final String[][] labels;
    private final String[][] interfaceLabels;
    private final double[][] counters;
    private final int intervalSeconds;
    private final Random rnd = new Random(7);
    private long second = 1_700_000_000L;

    SyntheticBatches(int containers, int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
        labels = new String[containers][];
        interfaceLabels = new String[containers][];
        counters = new double[containers][COUNTERS.length];
        for (int i = 0; i < containers; i++) {
            labels[i] = new String[] {String.format("%064x", i + 1), "c" + i, "img", "", "podman", "root"};
            interfaceLabels[i] = new String[] {String.format("%064x", i + 1), "c" + i, "img", "", "podman", "root", "eth0"};
        }
    }

    SampleBatch next() {
        second += intervalSeconds;
        List<Sample> out = new ArrayList<>(labels.length * 11);
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < COUNTERS.length; k++) {
                counters[i][k] += RATES[k] * intervalSeconds * (0.5 + rnd.nextDouble());
                out.add(COUNTERS[k].sample(counters[i][k], PER_INTERFACE.contains(COUNTERS[k]) ? interfaceLabels[i]
                        : labels[i]));
            }
            out.add(WS.sample(100e6 + 1e6 * rnd.nextGaussian(), labels[i]));
            out.add(LIMIT.sample(512e6, labels[i]));
            out.add(TASKS.sample(5 + rnd.nextInt(2), labels[i]));
            out.add(TASKS_MAX.sample(1024, labels[i]));
        }
        return new SampleBatch("podman", Instant.ofEpochSecond(second), out);
    }
}
