package io.podwatch.core.detect.anomaly;

import io.podwatch.core.model.ContainerMetrics;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds engine-stats-shaped batches ({@link ContainerMetrics}, the collectors' constants) for detector tests. */
final class ContainerBatches {
    static final MetricDef CPU = ContainerMetrics.CPU;
    static final MetricDef WS = ContainerMetrics.MEMORY_WORKING_SET;
    static final MetricDef LIMIT = ContainerMetrics.SPEC_MEMORY_LIMIT;
    static final MetricDef RX = ContainerMetrics.NET_RX_BYTES;
    static final MetricDef PERIODS = ContainerMetrics.CFS_PERIODS;
    static final MetricDef THROTTLED = ContainerMetrics.CFS_THROTTLED_PERIODS;
    static final MetricDef THREADS = ContainerMetrics.PROCESSES;
    static final MetricDef THREADS_MAX = ContainerMetrics.THREADS_MAX;

    /** One container's raw counters for one batch. */
    record C(String id, String name, double cpuSeconds, double ws, double limit, double rxEth0, double rxEth1,
             double periods, double throttled, double threads, double threadsMax) {
        static C idle(String id, String name) {
            return new C(id, name, 0, 1e6, 0, 0, 0, 0, 0, 1, 0);
        }

        C cpu(double s) {
            return new C(id, name, s, ws, limit, rxEth0, rxEth1, periods, throttled, threads, threadsMax);
        }

        C mem(double w, double l) {
            return new C(id, name, cpuSeconds, w, l, rxEth0, rxEth1, periods, throttled, threads, threadsMax);
        }

        C rx(double a, double b) {
            return new C(id, name, cpuSeconds, ws, limit, a, b, periods, throttled, threads, threadsMax);
        }

        C cfs(double p, double t) {
            return new C(id, name, cpuSeconds, ws, limit, rxEth0, rxEth1, p, t, threads, threadsMax);
        }

        C tasks(double n, double max) {
            return new C(id, name, cpuSeconds, ws, limit, rxEth0, rxEth1, periods, throttled, n, max);
        }
    }

    static SampleBatch batch(long epochSecond, C... containers) {
        List<Sample> s = new ArrayList<>();
        for (C c : containers) {
            s.add(CPU.sample(c.cpuSeconds, c.id, c.name, "img", "", "podman", "root"));
            s.add(WS.sample(c.ws, c.id, c.name, "img", "", "podman", "root"));
            s.add(LIMIT.sample(c.limit, c.id, c.name, "img", "", "podman", "root"));
            s.add(RX.sample(c.rxEth0, c.id, c.name, "img", "", "podman", "root", "eth0"));
            s.add(RX.sample(c.rxEth1, c.id, c.name, "img", "", "podman", "root", "eth1"));
            s.add(PERIODS.sample(c.periods, c.id, c.name, "img", "", "podman", "root"));
            s.add(THROTTLED.sample(c.throttled, c.id, c.name, "img", "", "podman", "root"));
            s.add(THREADS.sample(c.threads, c.id, c.name, "img", "", "podman", "root"));
            s.add(THREADS_MAX.sample(c.threadsMax, c.id, c.name, "img", "", "podman", "root"));
        }
        return new SampleBatch("podman", Instant.ofEpochSecond(epochSecond), s);
    }

    /**
     * Batches from a fixture of {@code second,container,metric,value} lines (cumulative counters and
     * gauges by their cAdvisor names), one batch per second value, in file order.
     */
    static List<SampleBatch> fixture(String resource) throws IOException {
        Map<Long, List<Sample>> byTime = new LinkedHashMap<>();
        try (var in = ContainerBatches.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new FileNotFoundException(resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                MetricDef def = ContainerMetrics.all().stream().filter(m -> m.name().equals(f[2])).findFirst()
                        .orElseThrow(() -> new IOException("not a container metric: " + f[2]));
                String[] labels = def.labelNames().contains("interface")
                        ? new String[] {"id-" + f[1], f[1], "img", "", "podman", "root", "eth0"}
                        : new String[] {"id-" + f[1], f[1], "img", "", "podman", "root"};
                byTime.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>())
                        .add(def.sample(Double.parseDouble(f[3]), labels));
            }
        }
        List<SampleBatch> out = new ArrayList<>();
        byTime.forEach((t, samples) -> out.add(new SampleBatch("podman", Instant.ofEpochSecond(t), samples)));
        return out;
    }

    private ContainerBatches() {
    }
}
