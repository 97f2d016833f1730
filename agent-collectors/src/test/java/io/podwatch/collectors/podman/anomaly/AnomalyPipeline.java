package io.podwatch.collectors.podman.anomaly;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.PodmanItKit;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.detect.anomaly.AnomalyConfig;
import io.podwatch.core.detect.anomaly.AnomalyKeys;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.detect.anomaly.ContainerReading;
import io.podwatch.core.detect.anomaly.Signal;
import io.podwatch.core.detect.anomaly.SignalReader;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.process.Detector;
import io.podwatch.core.process.ProcessingStage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's anomaly path against a real Podman: {@link PodmanModule} (cgroup stats source) →
 * {@link ProcessingStage} → {@link ContainerAnomalyDetector}, collected every second by the real
 * {@link CollectorRunner}, alerts recorded with the index of the Podman batch they came from.
 */
final class AnomalyPipeline implements AutoCloseable {
    /** One alert transition, at the n-th Podman batch the detector saw. */
    record Transition(boolean fire, String name, String container, String signal, long batch, Map<String, String> annotations) {
    }

    /** One container's CPU rate in the n-th Podman batch. */
    record CpuRate(long batch, String container, double cores) {
    }

    private final List<Transition> transitions = new ArrayList<>();
    private final List<CpuRate> cpu = new ArrayList<>();
    private final Map<String, List<ContainerReading>> readings = new HashMap<>();
    private final List<Managed> started = new ArrayList<>();
    private final ProcessingStage stage;
    private final CollectorRunner runner;
    private final PodmanModule module;
    private long batches;

    AnomalyPipeline(PodmanHarness h, Path stateDir, String anomalyYaml) throws Exception {
        AnomalyConfig config = AnomalyConfig.from(ConfigReader.read("it.yaml", anomalyYaml, AnomalyKeys.all(),
                new HostEnv(true, "/", Map.of())));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LatestSamples latest = new LatestSamples();
        stage = new ProcessingStage(latest, List.of(new Tap(), new ContainerAnomalyDetector(config)),
                List.of(), new Recording(), Clock.systemUTC(), 10_000, meters);
        PodmanConfig pc = PodmanItKit.config(h, StatsSourceKind.CGROUP);
        pc = new PodmanConfig(pc.socket(), pc.candidates(), Duration.ofSeconds(1), Duration.ofMillis(900), pc.statsSource(),
                pc.ownService(), pc.command(), pc.relistInterval(), pc.maxContainers(), pc.cgroupRoot(), pc.procRoot());
        module = PodmanModule.create(pc, stateDir, new Inventory(Clock.systemUTC()), stage, Clock.systemUTC(), meters);
        runner = new CollectorRunner(stage, Clock.systemUTC(), meters);
        runner.add(module.collector(), module.schedule());
    }

    void start() throws Exception {
        List<Managed> order = new ArrayList<>(List.of(stage));
        order.addAll(module.managed());
        order.add(module.collector());
        order.add(runner);
        for (Managed m : order) {
            m.start();
            started.add(0, m);
        }
    }

    synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    synchronized Optional<Transition> firstFire(String name, String container) {
        return transitions.stream().filter(t -> t.fire() && t.name().equals(name) && t.container().equals(container))
                .findFirst();
    }

    synchronized Optional<Transition> firstFire(String name, String container, String signal) {
        return firstFire(name, container).isEmpty() ? Optional.empty() : transitions.stream()
                .filter(t -> t.fire() && t.name().equals(name) && t.container().equals(container) && t.signal().equals(signal))
                .findFirst();
    }

    /** The first batch in which the container's CPU rate reached {@code cores}. */
    synchronized Optional<Long> firstCpuAbove(String container, double cores) {
        return cpu.stream().filter(c -> c.container().equals(container) && c.cores() >= cores).map(CpuRate::batch).findFirst();
    }

    /** Per signal: min, max and the largest |value - mean| the container showed, for choosing minimum deltas. */
    synchronized String spreadSummary(String container) {
        StringBuilder out = new StringBuilder(container + ":");
        List<ContainerReading> rs = readings.getOrDefault(container, List.of());
        for (Signal s : Signal.values()) {
            double[] v = rs.stream().mapToDouble(r -> r.value(s)).filter(Double::isFinite).toArray();
            if (v.length == 0) {
                continue;
            }
            double mean = Arrays.stream(v).average().orElse(0);
            double min = Arrays.stream(v).min().orElse(0);
            double max = Arrays.stream(v).max().orElse(0);
            out.append(String.format(" %s[n=%d min=%.4g max=%.4g max|dev|=%.4g]", s.label(), v.length, min, max,
                    Math.max(max - mean, mean - min)));
        }
        return out.toString();
    }

    synchronized long batches() {
        return batches;
    }

    @Override
    public void close() {
        started.forEach(Managed::close);
    }

    /** Runs before the detector on the processing thread: counts batches and notes CPU rates. */
    private final class Tap implements Detector {
        private final SignalReader reader = new SignalReader();

        @Override
        public String name() {
            return "tap";
        }

        @Override
        public void onSamples(SampleBatch batch, Alerts alerts) {
            if (!batch.source().equals("podman")) {
                return;
            }
            synchronized (AnomalyPipeline.this) {
                batches++;
                for (ContainerReading r : reader.read(batch)) {
                    cpu.add(new CpuRate(batches, r.container().display(), r.value(Signal.CPU)));
                    readings.computeIfAbsent(r.container().display(), k -> new ArrayList<>()).add(r);
                }
            }
        }
    }

    /** Records transitions only, as the pipeline's dedup would pass them on. */
    private final class Recording implements Alerts {
        private final Map<String, Alert> firing = new HashMap<>();

        @Override
        public void fire(Alert a) {
            synchronized (AnomalyPipeline.this) {
                if (firing.put(Alert.fingerprint(a.name(), a.labels()), a) == null) {
                    transitions.add(new Transition(true, a.name(), a.labels().get("container"),
                            a.labels().getOrDefault("signal", ""), batches, a.annotations()));
                }
            }
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
            synchronized (AnomalyPipeline.this) {
                if (firing.remove(Alert.fingerprint(name, labels)) != null) {
                    transitions.add(new Transition(false, name, labels.get("container"), labels.getOrDefault("signal", ""),
                            batches, Map.of()));
                }
            }
        }
    }
}
