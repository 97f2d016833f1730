package io.podwatch.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.model.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AlertLoopTest {
    /** Where a sink's outbox write happens: the thread that submits. */
    static final class ThreadRecordingQueue implements NotificationQueue {
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public String sink() {
            return "hook";
        }

        @Override
        public void submit(Notification n) {
            threads.add(Thread.currentThread().getName());
        }
    }

    final ThreadRecordingQueue hook = new ThreadRecordingQueue();
    final AlertPipeline pipeline = new AlertPipeline(new AlertPipelineSettings(List.of("alertname"), Duration.ZERO,
            Duration.ofSeconds(1), Duration.ofHours(4), 4, Duration.ofMinutes(10)), List.of(Route.of(hook)),
            Inhibitions.NONE, e -> { }, Clock.systemUTC(), new SimpleMeterRegistry());

    @Test
    void notificationsAreSubmittedOnTheAlertThreadNotTheCallers() {
        try (AlertLoop loop = new AlertLoop(pipeline, Clock.systemUTC(), 100)) {
            loop.start();
            loop.fire(new Alert("X", Severity.HIGH, Map.of(), Map.of(), null));
            await().atMost(Duration.ofSeconds(5)).until(() -> !hook.threads.isEmpty());
            assertThat(hook.threads).containsOnly("podwatch-alerts");
        }
    }

    @Test
    void closeIsIdempotentAppliesWhatWasQueuedAndLeavesNoThread() {
        AlertLoop loop = new AlertLoop(pipeline, Clock.systemUTC(), 100);
        loop.start();
        loop.fire(new Alert("Y", Severity.HIGH, Map.of(), Map.of(), null));
        loop.close();
        loop.close();
        assertThat(hook.threads).hasSize(1);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && t.getName().equals("podwatch-alerts"));
    }
}
