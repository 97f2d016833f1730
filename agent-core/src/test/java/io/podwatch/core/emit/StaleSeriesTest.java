package io.podwatch.core.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.testing.MutableClock;
import io.podwatch.core.testing.RecordingEmitter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Series of a source whose collector keeps failing leave /metrics; so do the batches derived from it. */
class StaleSeriesTest {
    static final MetricDef M = MetricDef.gauge("m", "", "test");

    @Test
    void removingASourceTakesItsDerivedBatchesAndNothingElse() {
        LatestSamples latest = new LatestSamples();
        for (String source : List.of("podman", "anomaly/podman", "docker", "anomaly/docker", "host")) {
            latest.put(new SampleBatch(source, Instant.EPOCH, List.of(M.sample(1))));
        }
        latest.remove("podman");
        assertThat(latest.snapshot()).extracting(SampleBatch::source)
                .containsExactlyInAnyOrder("docker", "anomaly/docker", "host");
    }

    @Test
    void aCollectorFailingRunAfterRunHasItsBatchRetractedOnce() {
        MutableClock clock = MutableClock.atEpochSecond(1_000);
        RecordingEmitter out = new RecordingEmitter();
        AtomicInteger calls = new AtomicInteger();
        Collector flaky = new Collector() {
            @Override
            public String name() {
                return "flaky";
            }

            @Override
            public void collect(Emitter e) throws Exception {
                if (calls.incrementAndGet() == 1) {
                    e.samples(new SampleBatch("flaky", clock.instant(), List.of(M.sample(1))));
                    return;
                }
                throw new IOException("engine socket gone");
            }

            @Override
            public void close() {
            }
        };
        try (CollectorRunner runner = new CollectorRunner(out, clock, new SimpleMeterRegistry())) {
            runner.add(flaky, new CollectorRunner.Schedule(Duration.ofMillis(10), Duration.ofMillis(10)));
            runner.start();
            await().until(() -> calls.get() >= 3);
            assertThat(out.retracted).as("two failures are not yet stale").isEmpty();
            clock.advance(Duration.ofMinutes(10));
            await().until(() -> calls.get() >= 4);
            await().until(() -> !out.retracted.isEmpty());
            clock.advance(Duration.ofMinutes(10));
            await().until(() -> calls.get() >= 5);
            assertThat(out.retracted).containsExactly("flaky");
        }
    }
}
