package io.podwatch.core.detect.anomaly;

import static io.podwatch.core.detect.anomaly.ContainerBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.detect.anomaly.ContainerBatches.C;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5: one {@code podman exec} into an idle container (CPU 0.0125 → 0.099 cores for one
 * sample at a 1 s interval) raised ContainerCpuAnomaly. Confirmation is by duration now.
 */
class ConfirmByDurationTest {
    final RecordingAlerts alerts = new RecordingAlerts();
    long millis;
    double cpu;

    ContainerAnomalyDetector detector(String yaml) throws Exception {
        return new ContainerAnomalyDetector(ContainerAnomalyDetectorTest.config(yaml));
    }

    /** One 1-second collection in which the container used {@code cores} of CPU. */
    void second(ContainerAnomalyDetector d, double cores) {
        cpu += cores;
        millis += 1000;
        d.onSamples(batch(millis / 1000, C.idle("id-app", "app").cpu(cpu)), alerts);
    }

    void idle(ContainerAnomalyDetector d, int seconds) {
        for (int i = 0; i < seconds; i++) {
            second(d, 0.0125 + (i % 3) * 0.001);
        }
    }

    @Test
    void anExecEveryThirtySecondsNeverPages() throws Exception {
        ContainerAnomalyDetector d = detector("");
        idle(d, 300);
        for (int exec = 0; exec < 100; exec++) {
            second(d, 0.099);        // the exec: one sample
            idle(d, 29);
        }
        for (int probe = 0; probe < 20; probe++) {
            for (int i = 0; i < 4; i++) {
                second(d, 0.3);      // a health check or one-off job of 4 s
            }
            idle(d, 26);
        }
        assertThat(alerts.log).isEmpty();
    }

    @Test
    void aSustainedChangeStillPagesWithinThirtySeconds() throws Exception {
        ContainerAnomalyDetector d = detector("");
        idle(d, 300);
        int seconds = 0;
        while (!alerts.isFiring("ContainerCpuAnomaly", "app") && seconds < 60) {
            second(d, 0.5);
            seconds++;
        }
        assertThat(seconds).as("seconds from the change to the alert").isBetween(15, 30);
        // the alert tells the change as it began, not the baseline that has since followed it
        var a = alerts.firing.values().iterator().next().annotations();
        assertThat(Double.parseDouble(a.get("baseline"))).isBetween(0.01, 0.02);
        assertThat(Double.parseDouble(a.get("score"))).isGreaterThanOrEqualTo(0.5);
        assertThat(a.get("description")).startsWith("observed 0.5000 cores for 15 s, baseline before the change 0.01");
    }

    @Test
    void zeroDurationPagesOnTheFirstAnomalousSampleAsBefore() throws Exception {
        ContainerAnomalyDetector d = detector("anomaly:\n  for: 0s\n");
        idle(d, 300);
        second(d, 0.099);
        assertThat(alerts.log).containsExactly("fire ContainerCpuAnomaly app cpu");
    }
}
