package io.podwatch.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import io.podwatch.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ProcessingStageTest {
    final MutableClock clock = MutableClock.atEpochSecond(0);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final List<String> fired = new CopyOnWriteArrayList<>();
    final Alerts alerts = new Alerts() {
        @Override
        public void fire(Alert a) {
            fired.add(a.name());
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
        }
    };

    static Event event(String action) {
        return new Event(Instant.EPOCH, EventKind.EVENT, action, "process", Severity.INFO, "test", null, "", Map.of());
    }

    @Test
    void dispatchesToSinksAndDetectorsOnOneThreadAndSurvivesAFailingDetector() {
        List<String> threads = new CopyOnWriteArrayList<>();
        Detector failing = new Detector() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public void onEvent(Event e, Alerts a) {
                throw new IllegalStateException("bug");
            }
        };
        Detector firing = new Detector() {
            @Override
            public String name() {
                return "firing";
            }

            @Override
            public void onEvent(Event e, Alerts a) {
                threads.add(Thread.currentThread().getName());
                a.fire(new Alert("X", Severity.HIGH, Map.of(), Map.of(), null));
            }
        };
        List<Event> logged = new CopyOnWriteArrayList<>();
        LatestSamples latest = new LatestSamples();
        try (ProcessingStage stage = new ProcessingStage(latest, List.of(failing, firing), List.of(logged::add),
                alerts, clock, 10, meters)) {
            stage.start();
            stage.event(event("a"));
            stage.event(event("b"));
            stage.samples(new SampleBatch("src", Instant.EPOCH, List.of(MetricDef.gauge("g", "", "h").sample(1))));
            await().until(() -> fired.size() == 2);
            assertThat(logged).hasSize(2);
            assertThat(threads).containsOnly("podwatch-processor");
            assertThat(latest.snapshot()).hasSize(1);
        }
    }

    @Test
    void fullQueueDropsAndCountsInsteadOfBlocking() {
        ProcessingStage stage = new ProcessingStage(new LatestSamples(), List.of(), List.of(), alerts, clock, 2, meters);
        for (int i = 0; i < 5; i++) {
            stage.event(event("e" + i));
        }
        assertThat(meters.get("podwatch.processing.dropped").counter().count()).isEqualTo(3.0);
        stage.close();
    }

    @Test
    void closeDrainsWhatWasAccepted() throws Exception {
        List<Event> logged = new CopyOnWriteArrayList<>();
        ProcessingStage stage = new ProcessingStage(new LatestSamples(), List.of(), List.of(logged::add), alerts, clock,
                100, meters);
        stage.start();
        for (int i = 0; i < 50; i++) {
            stage.eventAwait(event("e" + i));
        }
        stage.close();
        stage.close();
        assertThat(logged).hasSize(50);
    }

    /** Issue 9: an Error from a detector or a throwing event sink is caught, counted, and the thread goes on. */
    @Test
    void errorsFromDetectorsAndSinksAreCaughtAndCounted() {
        Detector broken = new Detector() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void onEvent(Event e, Alerts a) {
                throw new NoClassDefFoundError("gone");
            }

            @Override
            public void onSamples(SampleBatch b, Alerts a) {
                a.fire(new Alert("S", Severity.LOW, Map.of(), Map.of(), null));
            }
        };
        EventSink throwingSink = e -> {
            throw new IllegalStateException("sink bug");
        };
        try (ProcessingStage stage = new ProcessingStage(new LatestSamples(), List.of(broken), List.of(throwingSink),
                alerts, clock, 10, meters)) {
            stage.start();
            stage.event(event("a"));
            stage.event(event("b"));
            stage.samples(new SampleBatch("src", Instant.EPOCH, List.of(MetricDef.gauge("g", "", "h").sample(1))));
            await().until(() -> fired.contains("S"));
            assertThat(meters.get("podwatch.internal.errors").tag("component", "processor").counter().count())
                    .isEqualTo(4.0); // two events, each failing in the detector and in the sink
        }
    }

    /** Issue 9: when the processor does not stop in time, close() leaves the queue alone (no second thread on detector state). */
    @Test
    void closeNeverProcessesOnTheCallersThread() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        Detector slow = new Detector() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public void onEvent(Event e, Alerts a) {
                threads.add(Thread.currentThread().getName());
                inside.countDown();
                long until = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException deaf) {
                        // a detector deaf to interrupts
                    }
                }
            }
        };
        ProcessingStage stage = new ProcessingStage(new LatestSamples(), List.of(slow), List.of(), alerts, clock, 100, meters);
        stage.start();
        for (int i = 0; i < 5; i++) {
            stage.event(event("e" + i));
        }
        inside.await();
        stage.close();
        assertThat(threads).containsOnly("podwatch-processor");
    }
}
