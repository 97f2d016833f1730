package io.podwatch.core.detect.anomaly;

import static io.podwatch.core.detect.anomaly.ContainerBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.detect.anomaly.ContainerBatches.C;
import io.podwatch.core.emit.LatestSamples;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerAnomalyDetectorTest {
    final List<String> log = new ArrayList<>();
    final Set<String> firing = new HashSet<>();
    final Alerts alerts = new Alerts() {
        @Override
        public void fire(Alert a) {
            if (firing.add(a.name() + a.labels())) {
                log.add("fire " + a.name() + " " + a.labels().get("container") + " " + a.annotations().getOrDefault("description", ""));
            }
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
            if (firing.remove(name + labels)) {
                log.add("resolve " + name + " " + labels.get("container"));
            }
        }
    };
    final LatestSamples latest = new LatestSamples();

    static AnomalyConfig config(String yaml) throws ConfigException {
        return AnomalyConfig.from(ConfigReader.read("t", yaml, AnomalySettings.all(), new HostEnv(true, "/", Map.of())));
    }

    @Test
    @org.junit.jupiter.api.Disabled("enabled when the NAB-tuned detector lands")
    void idleThenBurningCpuFiresWithinFiveSamplesAndScoresAreExported() throws Exception {
        ContainerAnomalyDetector d = new ContainerAnomalyDetector(config(""), latest, n -> false);
        Random rnd = new Random(1);
        double cpu = 0;
        long t = 0;
        for (int i = 0; i < 120; i++) {
            cpu += 0.01 + rnd.nextDouble() * 0.004;
            d.onSamples(batch(t += 5, C.idle("a", "burner").cpu(cpu)), alerts);
        }
        assertThat(log).isEmpty();
        int at = -1;
        for (int i = 0; i < 10 && at < 0; i++) {
            cpu += 5.0;
            d.onSamples(batch(t += 5, C.idle("a", "burner").cpu(cpu)), alerts);
            if (firing.stream().anyMatch(f -> f.startsWith("ContainerCpuAnomaly"))) {
                at = i + 1;
            }
        }
        assertThat(at).as("samples until ContainerCpuAnomaly").isBetween(1, 5);
        assertThat(latest.snapshot().get(0).samples()).anySatisfy(s ->
                assertThat(s.labelValues()).containsExactly("burner", "cpu"));
    }

    @Test
    void goneContainerResolvesAndDropsState() throws Exception {
        ContainerAnomalyDetector d = new ContainerAnomalyDetector(config("limits:\n  for-samples: 1\n"), latest, n -> false);
        d.onSamples(batch(5, C.idle("a", "db").mem(95, 100)), alerts);
        assertThat(firing).anyMatch(f -> f.startsWith("ContainerMemoryNearLimit"));
        d.onSamples(batch(10, C.idle("b", "other")), alerts);
        assertThat(firing).isEmpty();
        assertThat(d.trackedContainers()).isEqualTo(1);
    }

    @Test
    void limitRulesFireAfterTheirSamplesAndResolve() throws Exception {
        ContainerAnomalyDetector d = new ContainerAnomalyDetector(config(""), latest, n -> false);
        C c = C.idle("a", "app");
        // the throttling ratio needs a previous reading: 1 + for-samples batches
        for (int i = 1; i <= 4; i++) {
            d.onSamples(batch(i * 5L, c.mem(92, 100).cfs(i * 100, i * 50).tasks(95, 100)), alerts);
        }
        assertThat(firing).anyMatch(f -> f.startsWith("ContainerMemoryNearLimit"))
                .anyMatch(f -> f.startsWith("ContainerCpuThrottled"))
                .anyMatch(f -> f.startsWith("ContainerPidsNearLimit"));
        for (int i = 5; i <= 7; i++) {
            d.onSamples(batch(i * 5L, c.mem(10, 100).cfs(i * 100, 200).tasks(3, 100)), alerts);
        }
        assertThat(firing).isEmpty();
    }

    @Test
    void overridesAndInhibitionSilence() throws Exception {
        ContainerAnomalyDetector d = new ContainerAnomalyDetector(config("""
                limits:
                  for-samples: 1
                anomaly:
                  overrides:
                    - match: batch-*
                      signals: [cpu]
                      enabled: false
                """), latest, n -> n.equals("looping"));
        d.onSamples(batch(5, C.idle("a", "looping").mem(99, 100)), alerts);
        assertThat(firing).isEmpty();
        AnomalyConfig c = config("anomaly:\n  overrides:\n    - match: batch-*\n      signals: [cpu]\n      enabled: false\n");
        assertThat(c.thresholdFor("batch-7", Signal.CPU)).isNaN();
        assertThat(c.thresholdFor("batch-7", Signal.MEMORY)).isEqualTo(c.threshold());
        assertThat(c.thresholdFor("web", Signal.CPU)).isEqualTo(c.threshold());
    }
}
