package io.podwatch.core.bench;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.detect.AnomalyScorer;
import io.podwatch.core.detect.AnomalyScorerConfig;
import io.podwatch.core.detect.anomaly.AnomalyConfig;
import io.podwatch.core.detect.anomaly.AnomalyKeys;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.model.SampleBatch;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time per sample at 10,000 series: {@link AnomalyScorer#update} alone, and the whole
 * {@link ContainerAnomalyDetector#onSamples} (signal reading, rates, scoring, hysteresis, limit
 * rules, score gauges) per container-signal. 10,000 series keep the state out of the CPU caches,
 * as on a busy host. Run through {@link BenchMain}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnomalyBench {
    static final int SERIES = 10_000;
    static final int SIGNALS_PER_CONTAINER = 7;
    static final int CONTAINERS = SERIES / SIGNALS_PER_CONTAINER;

    /** 10,000 warmed detectors fed a daily sine plus noise, one sample each per invocation. */
    @State(Scope.Benchmark)
    public static class Detectors {
        final AnomalyScorer[] detectors = new AnomalyScorer[SERIES];
        final double[] noise = new double[4096];
        long t;

        @Setup(Level.Trial)
        public void setUp() {
            Random rnd = new Random(42);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < SERIES; i++) {
                detectors[i] = new AnomalyScorer(AnomalyScorerConfig.defaults());
            }
            for (int k = 0; k < 300; k++) {
                step(null);
            }
        }

        void step(Blackhole bh) {
            t += 5_000;
            double season = 10 + 3 * Math.sin(t * (2 * Math.PI / 86_400_000.0));
            for (int i = 0; i < SERIES; i++) {
                double s = detectors[i].update(t, season + noise[(int) ((t / 5_000 + i) & 4095)]);
                if (bh != null) {
                    bh.consume(s);
                }
            }
        }
    }

    /** 1,429 containers x 7 signals = 10,003 series, warmed past the warm-up. */
    @State(Scope.Benchmark)
    public static class Containers {
        ContainerAnomalyDetector detector;
        SyntheticBatches batches;
        SampleBatch next;
        final Alerts alerts = new NoAlerts();

        @Setup(Level.Trial)
        public void setUp() throws ConfigException {
            detector = new ContainerAnomalyDetector(defaults());
            batches = new SyntheticBatches(CONTAINERS, 7);
            for (int k = 0; k < 300; k++) {
                detector.onSamples(batches.next(), alerts);
            }
        }

        /** Making the batch is the collector's cost, not measured here; one invocation takes milliseconds. */
        @Setup(Level.Invocation)
        public void nextBatch() {
            next = batches.next();
        }
    }

    @Benchmark
    @OperationsPerInvocation(SERIES)
    public void detectorUpdate(Detectors d, Blackhole bh) {
        d.step(bh);
    }

    @Benchmark
    @OperationsPerInvocation(CONTAINERS * SIGNALS_PER_CONTAINER)
    public void containerOnSamples(Containers c) {
        c.detector.onSamples(c.next, c.alerts);
    }

    static AnomalyConfig defaults() throws ConfigException {
        return AnomalyConfig.from(ConfigReader.read("bench", "", AnomalyKeys.all(), new HostEnv(true, "/", Map.of())));
    }

    /** The pipeline behind is not what is measured here. */
    static final class NoAlerts implements Alerts {
        @Override
        public void fire(Alert alert) {
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
        }
    }
}
