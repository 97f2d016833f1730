package io.podwatch.core.bench;

import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Podman-collector-shaped batches (cAdvisor names, the collector's labels) for N containers, every
 * signal moving with noise, new {@link Sample} objects per batch as the real collector makes them.
 */
final class SyntheticBatches {
    private static final String[] L = {"id", "name", "image", "pod"};
    private static final MetricDef[] COUNTERS = {
        MetricDef.counter("container_cpu_usage_seconds_total", "seconds", "cpu", L),
        MetricDef.counter("container_fs_reads_bytes_total", "bytes", "r", L),
        MetricDef.counter("container_fs_writes_bytes_total", "bytes", "w", L),
        MetricDef.counter("container_network_receive_bytes_total", "bytes", "rx", L),
        MetricDef.counter("container_network_transmit_bytes_total", "bytes", "tx", L),
        MetricDef.counter("container_cpu_cfs_periods_total", "", "p", L),
        MetricDef.counter("container_cpu_cfs_throttled_periods_total", "", "t", L)};
    private static final double[] RATES = {0.2, 4096, 65536, 20_000, 10_000, 10, 0.1};
    private static final MetricDef WS = MetricDef.gauge("container_memory_working_set_bytes", "bytes", "ws", L);
    private static final MetricDef LIMIT = MetricDef.gauge("container_spec_memory_limit_bytes", "bytes", "l", L);
    private static final MetricDef TASKS = MetricDef.gauge("container_processes", "", "p", L);
    private static final MetricDef TASKS_MAX = MetricDef.gauge("container_threads_max", "", "m", L);

    private final String[][] labels;
    private final double[][] counters;
    private final int intervalSeconds;
    private final Random rnd = new Random(7);
    private long second = 1_700_000_000L;

    SyntheticBatches(int containers, int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
        labels = new String[containers][];
        counters = new double[containers][COUNTERS.length];
        for (int i = 0; i < containers; i++) {
            labels[i] = new String[] {String.format("%064x", i + 1), "c" + i, "img", ""};
        }
    }

    SampleBatch next() {
        second += intervalSeconds;
        List<Sample> out = new ArrayList<>(labels.length * 11);
        for (int i = 0; i < labels.length; i++) {
            for (int k = 0; k < COUNTERS.length; k++) {
                counters[i][k] += RATES[k] * intervalSeconds * (0.5 + rnd.nextDouble());
                out.add(COUNTERS[k].sample(counters[i][k], labels[i]));
            }
            out.add(WS.sample(100e6 + 1e6 * rnd.nextGaussian(), labels[i]));
            out.add(LIMIT.sample(512e6, labels[i]));
            out.add(TASKS.sample(5 + rnd.nextInt(2), labels[i]));
            out.add(TASKS_MAX.sample(1024, labels[i]));
        }
        return new SampleBatch("podman", Instant.ofEpochSecond(second), out);
    }
}
