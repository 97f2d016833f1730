package io.podwatch.core.bench;

import io.podwatch.core.alert.Alerts;
import io.podwatch.core.detect.AnomalyScorer;
import io.podwatch.core.detect.AnomalyScorerConfig;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.emit.LatestSamples;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Retained heap per series at 10,000 series: heap used after full GCs with the warmed detectors
 * reachable, minus the same without them, divided by the series count. Measured on the live heap
 * rather than with JOL so it needs no extra dependency or agent and counts what the JVM really
 * keeps (headers, padding, the container maps); {@code ContainerAnomalyDetector}'s figure includes
 * its last score batch, which {@code /metrics} holds anyway.
 */
final class RetainedBytes {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private RetainedBytes() {
    }

    static void run() throws Exception {
        int series = AnomalyBench.SERIES;
        long before = usedAfterGc();
        AnomalyScorer[] detectors = new AnomalyScorer[series];
        AnomalyScorerConfig settings = AnomalyScorerConfig.defaults();
        for (int i = 0; i < series; i++) {
            detectors[i] = new AnomalyScorer(settings);
            for (int k = 0; k < 300; k++) {
                detectors[i].update(k * 300_000L, Math.sin(k) + i);
            }
        }
        long withDetectors = usedAfterGc();
        System.out.printf("AnomalyScorer: %.0f bytes retained per series (%d series, settings shared)%n",
                (withDetectors - before) / (double) series, detectors.length);
        detectors = null;

        before = usedAfterGc();
        Alerts alerts = new AnomalyBench.NoAlerts();
        LatestSamples scores = new LatestSamples();
        ContainerAnomalyDetector container = new ContainerAnomalyDetector(AnomalyBench.defaults());
        SyntheticBatches batches = new SyntheticBatches(AnomalyBench.CONTAINERS, 5);
        for (int k = 0; k < 300; k++) {
            container.onSamples(batches.next(), alerts);
        }
        batches = null;
        long withContainers = usedAfterGc();
        int containerSeries = AnomalyBench.CONTAINERS * AnomalyBench.SIGNALS_PER_CONTAINER;
        System.out.printf("ContainerAnomalyDetector: %.0f bytes retained per container-signal (%d containers,"
                        + " %d series, incl. signal reader and last score batch)%n",
                (withContainers - before) / (double) containerSeries, container.trackedContainers(), containerSeries);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);   // let concurrent phases and reference processing settle before reading
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
