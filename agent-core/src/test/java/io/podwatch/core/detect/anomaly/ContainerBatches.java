package io.podwatch.core.detect.anomaly;

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

/** Builds Podman-collector-shaped batches (cAdvisor names and labels) for detector tests. */
final class ContainerBatches {
    static final MetricDef CPU = MetricDef.counter("container_cpu_usage_seconds_total", "seconds", "cpu", "id", "name", "image");
    static final MetricDef WS = MetricDef.gauge("container_memory_working_set_bytes", "bytes", "ws", "id", "name", "image");
    static final MetricDef LIMIT = MetricDef.gauge("container_spec_memory_limit_bytes", "bytes", "limit", "id", "name", "image");
    static final MetricDef RX = MetricDef.counter("container_network_receive_bytes_total", "bytes", "rx", "id", "name", "image", "interface");
    static final MetricDef PERIODS = MetricDef.counter("container_cpu_cfs_periods_total", "", "p", "id", "name", "image");
    static final MetricDef THROTTLED = MetricDef.counter("container_cpu_cfs_throttled_periods_total", "", "t", "id", "name", "image");
    static final MetricDef THREADS = MetricDef.gauge("container_processes", "", "t", "id", "name", "image");
    static final MetricDef THREADS_MAX = MetricDef.gauge("container_threads_max", "", "t", "id", "name", "image");

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
            s.add(CPU.sample(c.cpuSeconds, c.id, c.name, "img"));
            s.add(WS.sample(c.ws, c.id, c.name, "img"));
            s.add(LIMIT.sample(c.limit, c.id, c.name, "img"));
            s.add(RX.sample(c.rxEth0, c.id, c.name, "img", "eth0"));
            s.add(RX.sample(c.rxEth1, c.id, c.name, "img", "eth1"));
            s.add(PERIODS.sample(c.periods, c.id, c.name, "img"));
            s.add(THROTTLED.sample(c.throttled, c.id, c.name, "img"));
            s.add(THREADS.sample(c.threads, c.id, c.name, "img"));
            s.add(THREADS_MAX.sample(c.threadsMax, c.id, c.name, "img"));
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
                MetricDef def = f[2].endsWith("_total") ? MetricDef.counter(f[2], "", "fixture", "id", "name", "image")
                        : MetricDef.gauge(f[2], "", "fixture", "id", "name", "image");
                byTime.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>())
                        .add(def.sample(Double.parseDouble(f[3]), "id-" + f[1], f[1], "img"));
            }
        }
        List<SampleBatch> out = new ArrayList<>();
        byTime.forEach((t, samples) -> out.add(new SampleBatch("podman", Instant.ofEpochSecond(t), samples)));
        return out;
    }

    private ContainerBatches() {
    }
}
