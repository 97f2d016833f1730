package io.podwatch.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.testing.MutableClock;
import io.podwatch.core.testing.RecordingEmitter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CollectorRunnerTest {
    static final MetricDef M = MetricDef.gauge("m", "", "test");
    final MutableClock clock = MutableClock.atEpochSecond(1_000);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RecordingEmitter out = new RecordingEmitter();

    @Test
    void collectsOnScheduleAndReportsUp() {
        try (CollectorRunner runner = new CollectorRunner(out, clock, meters)) {
            runner.add(collector("ok", e -> e.samples(new SampleBatch("ok", clock.instant(), List.of(M.sample(1))))),
                    new CollectorRunner.Schedule(Duration.ofMillis(20), Duration.ofMillis(20)));
            runner.start();
            await().until(() -> out.batches.size() >= 3);
            assertThat(runner.health().get(0).up()).isTrue();
            assertThat(meters.get("podwatch.collector.up").tag("collector", "ok").gauge().value()).isEqualTo(1.0);
        }
    }

    @Test
    void failureIsCountedAndBacksOffUntilTheClockMoves() {
        AtomicInteger calls = new AtomicInteger();
        try (CollectorRunner runner = new CollectorRunner(out, clock, meters)) {
            runner.add(collector("down", e -> {
                calls.incrementAndGet();
                throw new IOException("socket /run/podman/podman.sock absent");
            }), new CollectorRunner.Schedule(Duration.ofMillis(10), Duration.ofMillis(10)));
            runner.start();
            // the first failure retries at the next tick, the second backs off (clock frozen)
            await().until(() -> calls.get() >= 2);
            await().pollDelay(Duration.ofMillis(100)).until(() -> true);
            assertThat(calls.get()).isEqualTo(2);
            CollectorHealth h = runner.health().get(0);
            assertThat(h.up()).isFalse();
            assertThat(h.lastError()).contains("podman.sock absent");
            assertThat(meters.get("podwatch.collector.failures").tag("collector", "down").counter().count()).isEqualTo(2.0);
            clock.advance(Duration.ofMinutes(2));
            await().until(() -> calls.get() >= 3);
        }
    }

    @Test
    void overrunningRunIsInterruptedAndTicksAreSkippedMeanwhile() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (CollectorRunner runner = new CollectorRunner(out, clock, meters)) {
            runner.add(collector("hung", e -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ie) {
                    interrupted.countDown();
                    throw ie;
                }
            }), new CollectorRunner.Schedule(Duration.ofMillis(200), Duration.ofMillis(50)));
            runner.start();
            interrupted.await();
            await().until(() -> runner.health().get(0).lastError().contains("timed out"));
        }
    }

    /** Issue 9: a run that ignores interrupts is never joined by a second one, and is reported as stuck. */
    @Test
    void aCollectorIgnoringInterruptsRunsOnceAtATimeAndIsReportedStuck() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger interrupts = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (CollectorRunner runner = new CollectorRunner(out, clock, meters)) {
            runner.add(collector("nfs", e -> {
                starts.incrementAndGet();
                while (true) {
                    try {
                        if (release.await(1, java.util.concurrent.TimeUnit.DAYS)) {
                            return;
                        }
                    } catch (InterruptedException ignored) {
                        interrupts.incrementAndGet(); // statvfs on a hung mount does not return either
                    }
                }
            }), new CollectorRunner.Schedule(Duration.ofMillis(10), Duration.ofMillis(10)));
            runner.start();
            await().until(() -> interrupts.get() >= 1);
            clock.advance(Duration.ofSeconds(1));
            await().until(() -> interrupts.get() >= 3);
            CollectorHealth h = runner.health().get(0);
            assertThat(h.up()).isFalse();
            assertThat(h.lastError()).startsWith("stuck");
            assertThat(meters.get("podwatch.collector.stuck").tag("collector", "nfs").gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("podwatch.collector.skipped").tag("collector", "nfs").counter().count()).isPositive();
            assertThat(starts.get()).isEqualTo(1);
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("podwatch-collector")))
                    .hasSize(1);
            release.countDown();
            await().until(() -> starts.get() >= 2);
            assertThat(meters.get("podwatch.collector.stuck").tag("collector", "nfs").gauge().value()).isZero();
        }
    }

    @Test
    void anErrorThrownByACollectorIsCaughtAndTheRunnerGoesOn() {
        AtomicInteger calls = new AtomicInteger();
        try (CollectorRunner runner = new CollectorRunner(out, clock, meters)) {
            runner.add(collector("err", e -> {
                calls.incrementAndGet();
                throw new StackOverflowError("deep");
            }), new CollectorRunner.Schedule(Duration.ofMillis(10), Duration.ofMillis(10)));
            runner.start();
            await().until(() -> calls.get() >= 2);
            assertThat(runner.health().get(0).lastError()).isEqualTo("deep");
        }
    }

    @Test
    void closeIsIdempotentAndStopsThreads() {
        CollectorRunner runner = new CollectorRunner(out, clock, meters);
        runner.add(collector("x", e -> { }), new CollectorRunner.Schedule(Duration.ofMillis(10), Duration.ofMillis(10)));
        runner.start();
        runner.close();
        runner.close();
        await().until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("podwatch-collector") || t.getName().equals("podwatch-scheduler")));
    }

    interface Body {
        void run(Emitter e) throws Exception;
    }

    static Collector collector(String name, Body body) {
        return new Collector() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void collect(Emitter e) throws Exception {
                body.run(e);
            }

            @Override
            public void close() {
            }
        };
    }
}
