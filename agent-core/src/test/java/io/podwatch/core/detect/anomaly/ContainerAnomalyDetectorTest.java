package io.podwatch.core.detect.anomaly;

import static io.podwatch.core.detect.anomaly.ContainerBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.detect.anomaly.ContainerBatches.C;
import io.podwatch.core.testing.RecordingEmitter;
import io.podwatch.core.model.SampleBatch;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContainerAnomalyDetectorTest {
    final RecordingAlerts alerts = new RecordingAlerts();
    final RecordingEmitter out = new RecordingEmitter();
    final Random rnd = new Random(1);
    long t;
    double cpu;

    static AnomalyConfig config(String yaml) throws ConfigException {
        return AnomalyConfig.from(ConfigReader.read("t", yaml, AnomalyKeys.all(), new HostEnv(true, "/", Map.of())));
    }

    ContainerAnomalyDetector detector(String yaml) throws ConfigException {
        return new ContainerAnomalyDetector(config(yaml));
    }

    /** One 5-second collection in which the container used {@code cores} of CPU (plus 10 % jitter). */
    void cpuStep(ContainerAnomalyDetector d, String name, double cores) {
        cpu += 5 * cores * (0.95 + rnd.nextDouble() * 0.1);
        d.onSamples(batch(t += 5, C.idle("id-" + name, name).cpu(cpu)), alerts, out);
    }

    @Test
    void idleThenBurningCpuFiresWithinFiveSamplesAndScoresAreExported() throws Exception {
        ContainerAnomalyDetector d = detector("");
        for (int i = 0; i < 200; i++) {
            cpuStep(d, "burner", 0.002);
        }
        assertThat(alerts.log).isEmpty();
        int at = -1;
        for (int i = 1; i <= 10 && at < 0; i++) {
            cpuStep(d, "burner", 1.0);
            at = alerts.isFiring("ContainerCpuAnomaly", "burner") ? i : -1;
        }
        assertThat(at).as("samples until ContainerCpuAnomaly").isBetween(1, 5);
        assertThat(alerts.firing.values().iterator().next().annotations())
                .containsKeys("observed", "baseline", "score", "description");
        assertThat(out.lastBatch().samples()).anySatisfy(s ->
                assertThat(s.labelValues()).containsExactly("burner", "cpu"));
    }

    @Test
    void aPersistingNewLevelBecomesTheBaselineAndResolves() throws Exception {
        ContainerAnomalyDetector d = detector("");
        for (int i = 0; i < 200; i++) {
            cpuStep(d, "app", 0.002);
        }
        for (int i = 0; i < 60; i++) {
            cpuStep(d, "app", 0.5);
        }
        assertThat(alerts.log).containsExactly("fire ContainerCpuAnomaly app cpu", "resolve ContainerCpuAnomaly app cpu");
    }

    @Test
    void aChangeTooSmallToMatterRaisesNothingAndDoesNotMuteALaterRealOne() throws Exception {
        ContainerAnomalyDetector d = detector("");
        for (int i = 0; i < 200; i++) {
            cpuStep(d, "tiny", 0.001);
        }
        for (int i = 0; i < 5; i++) {
            cpuStep(d, "tiny", 0.02);   // 20x its baseline, yet under the 0.05-core minimum
        }
        assertThat(alerts.log).isEmpty();
        assertThat(lastScore("tiny", "cpu")).as("the score itself saw it").isGreaterThan(0.25);
        for (int i = 0; i < 4; i++) {
            cpuStep(d, "tiny", 0.8);    // lasts the 15 s anomaly.for at the 5 s interval
        }
        assertThat(alerts.log).containsExactly("fire ContainerCpuAnomaly tiny cpu");
    }

    @Test
    void gentlyNoisyContainersRaiseNothing() throws Exception {
        ContainerAnomalyDetector d = detector("");
        double rx = 0;
        for (int i = 0; i < 3_000; i++) {
            // noise well under the minimum changes: 0.05 cores, 16 MiB, 64 KiB/s, 5 tasks
            cpu += 5 * Math.max(0, 0.02 + 0.005 * rnd.nextGaussian());
            rx += 5 * Math.max(0, 20e3 + 5e3 * rnd.nextGaussian());
            double mem = 50e6 + 1e6 * rnd.nextGaussian();
            d.onSamples(batch(t += 5, C.idle("id", "steady").cpu(cpu).mem(mem, 0).rx(rx, 0).tasks(3 + rnd.nextInt(3), 0)),
                    alerts);
        }
        assertThat(alerts.log).isEmpty();
    }

    @Test
    void overridesChangeMinDeltaThresholdAndEnablement() throws Exception {
        String yaml = """
                anomaly:
                  per-signal:
                    memory:
                      threshold: 0.7
                  overrides:
                    - match: batch-*
                      signals: [cpu]
                      enabled: false
                    - match: tiny-*
                      signals: [cpu]
                      min-delta: 0.005
                      threshold: 0.6
                """;
        AnomalyConfig c = config(yaml);
        assertThat(c.policy("batch-7", Signal.CPU).enabled()).isFalse();
        assertThat(c.policy("batch-7", Signal.MEMORY).threshold()).isEqualTo(0.7);
        assertThat(c.policy("web", Signal.CPU).minDelta()).isEqualTo(0.05);
        assertThat(c.policy("tiny-1", Signal.CPU).minDelta()).isEqualTo(0.005);
        assertThat(c.policy("tiny-1", Signal.CPU).detector().alertScore()).as("the detector's refractory follows").isEqualTo(0.6);

        ContainerAnomalyDetector d = detector(yaml);
        for (String name : List.of("tiny-1", "batch-1")) {
            for (int i = 0; i < 200; i++) {
                cpuStep(d, name, 0.001);
            }
            for (int i = 0; i < 4; i++) {
                cpuStep(d, name, 0.02);  // lasts the 15 s anomaly.for
            }
        }
        // tiny-1 resolves when it leaves the batches: the test feeds one container at a time
        assertThat(alerts.log).filteredOn(l -> l.startsWith("fire")).containsExactly("fire ContainerCpuAnomaly tiny-1 cpu");
        assertThat(out.lastBatch().samples()).noneMatch(s -> s.labelValues().get(0).equals("batch-1")
                && s.labelValues().get(1).equals("cpu"));
    }

    @Test
    void warmupAndSettingsComeFromConfig() throws Exception {
        AnomalyConfig defaults = config("");
        assertThat(defaults.detectorSettings(Signal.CPU)).isEqualTo(io.podwatch.core.detect.AnomalyScorerConfig.defaults());
        assertThat(config("anomaly:\n  warmup-samples: 20\n").detectorSettings(Signal.NET_RX).warmupSamples()).isEqualTo(20);
        assertThat(defaults.policy("x", Signal.PIDS).minDelta()).isEqualTo(5);
        assertThat(defaults.policy("x", Signal.MEMORY).minDelta()).isEqualTo(16 << 20);
    }

    @Test
    void goneContainerResolvesAndDropsState() throws Exception {
        ContainerAnomalyDetector d = detector("limits:\n  for-samples: 1\nanomaly:\n  warmup-samples: 20\n  for: 0s\n");
        for (int i = 0; i < 30; i++) {
            cpuStep(d, "db", 0.001);
        }
        cpuStep(d, "db", 1);
        d.onSamples(batch(t += 5, C.idle("id-db", "db").cpu(cpu).mem(95, 100)), alerts, out);
        assertThat(alerts.firing.keySet()).containsExactlyInAnyOrder("ContainerCpuAnomaly db cpu",
                "ContainerMemoryNearLimit db ");
        d.onSamples(batch(t += 5, C.idle("b", "other")), alerts, out);
        assertThat(alerts.firing).isEmpty();
        assertThat(d.trackedContainers()).isEqualTo(1);
    }

    @Test
    void blockReadAndWriteRateAnomaliesFromFixtureBatches() throws Exception {
        ContainerAnomalyDetector d = detector("");
        List<SampleBatch> batches = ContainerBatches.fixture("/fixtures/anomaly/block-io/batches.csv");
        assertThat(batches).hasSize(300);
        int writeAt = -1;
        int readAt = -1;
        for (int i = 0; i < batches.size(); i++) {
            d.onSamples(batches.get(i), alerts, out);
            if (i < 200) {
                assertThat(alerts.log).as("before the burst, sample " + i).isEmpty();
            }
            if (writeAt < 0 && alerts.firing.containsKey("ContainerBlockIoAnomaly db block_write")) {
                writeAt = i;
            }
            if (readAt < 0 && alerts.firing.containsKey("ContainerBlockIoAnomaly backup block_read")) {
                readAt = i;
            }
        }
        assertThat(writeAt).as("db's write burst starts at sample 200").isBetween(200, 204);
        assertThat(readAt).as("backup's read burst starts at sample 260").isBetween(260, 264);
        assertThat(alerts.log).filteredOn(l -> l.startsWith("fire")).containsExactlyInAnyOrder(
                "fire ContainerBlockIoAnomaly db block_write", "fire ContainerBlockIoAnomaly backup block_read");
    }

    @Test
    void limitRulesFireAfterTheirSamplesAndResolve() throws Exception {
        ContainerAnomalyDetector d = detector("");
        C c = C.idle("a", "app");
        // the throttling ratio needs a previous reading: 1 + for-samples batches
        for (int i = 1; i <= 4; i++) {
            d.onSamples(batch(i * 5L, c.mem(92, 100).cfs(i * 100, i * 50).tasks(95, 100)), alerts, out);
        }
        assertThat(alerts.firing.keySet()).contains("ContainerMemoryNearLimit app ", "ContainerCpuThrottled app ",
                "ContainerPidsNearLimit app ");
        for (int i = 5; i <= 7; i++) {
            d.onSamples(batch(i * 5L, c.mem(10, 100).cfs(i * 100, 200).tasks(3, 100)), alerts, out);
        }
        assertThat(alerts.firing).isEmpty();
    }

    @Test
    void resourceAlertsCarryTheCategoryInhibitionRulesMatch() throws Exception {
        ContainerAnomalyDetector d = detector("limits:\n  for-samples: 1\n");
        d.onSamples(batch(5, C.idle("a", "looping").mem(99, 100)), alerts, out);
        assertThat(alerts.firing.values()).isNotEmpty().allSatisfy(a ->
                assertThat(a.labels()).containsEntry("category", "resource").containsEntry("container", "looping"));
    }

    @Test
    void everyEngineSourceIsWatchedAndScoredApart() throws Exception {
        ContainerAnomalyDetector d = detector("");
        d.onSamples(batch(5, C.idle("id-a", "a").cpu(1)), alerts, out);
        SampleBatch docker = batch(5, C.idle("id-b", "b").cpu(1));
        d.onSamples(new SampleBatch("docker", docker.time(), docker.samples()), alerts, out);
        assertThat(d.trackedContainers()).isEqualTo(2);
        assertThat(out.batches).extracting(SampleBatch::source).containsExactly("anomaly/podman", "anomaly/docker");
        d.onSamples(new SampleBatch("host", docker.time(), List.of()), alerts, out);
        assertThat(d.trackedContainers()).as("a batch without containers from another source changes nothing")
                .isEqualTo(2);
        d.onSamples(new SampleBatch("docker", docker.time().plusSeconds(5), List.of()), alerts, out);
        assertThat(d.trackedContainers()).as("docker's containers went, podman's stay").isEqualTo(1);
    }

    private double lastScore(String name, String signal) {
        return out.lastBatch().samples().stream()
                .filter(s -> s.labelValues().equals(List.of(name, signal))).findFirst().orElseThrow().value();
    }
}
