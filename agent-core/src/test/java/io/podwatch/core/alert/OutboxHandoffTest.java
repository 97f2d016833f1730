package io.podwatch.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OutboxHandoffTest {
    /** Where a sink's outbox write happens: the thread that submits to it. */
    static final class ThreadRecordingQueue implements NotificationQueue {
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<String> ids = new CopyOnWriteArrayList<>();

        @Override
        public String sink() {
            return "hook";
        }

        @Override
        public void submit(Notification n) {
            threads.add(Thread.currentThread().getName());
            ids.add(n.id());
        }
    }

    final ThreadRecordingQueue hook = new ThreadRecordingQueue();

    static Notification n(String id) {
        return new Notification(id, "hook", "g", Map.of(), List.of(), Instant.EPOCH);
    }

    @Test
    void notificationsAreStoredInOrderOnTheAlertThreadNotTheCallers() {
        try (OutboxHandoff handoff = new OutboxHandoff(100)) {
            handoff.start();
            NotificationQueue q = handoff.wrap(hook);
            assertThat(q.sink()).isEqualTo("hook");
            for (int i = 0; i < 50; i++) {
                q.submit(n("n" + i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> hook.ids.size() == 50);
            assertThat(hook.threads).containsOnly("podwatch-alerts");
            assertThat(hook.ids).startsWith("n0", "n1", "n2").endsWith("n49");
        }
    }

    @Test
    void closeIsIdempotentStoresWhatWasQueuedAndLeavesNoThread() {
        OutboxHandoff handoff = new OutboxHandoff(100);
        handoff.start();
        NotificationQueue q = handoff.wrap(hook);
        q.submit(n("a"));
        handoff.close();
        handoff.close();
        assertThat(hook.ids).containsExactly("a");
        q.submit(n("after"));
        assertThat(hook.ids).as("after close it is stored at once, never lost").containsExactly("a", "after");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && t.getName().equals("podwatch-alerts"));
    }

    @Test
    void theStageTicksThePipelineAsThePipelineNotAsADetector() {
        assertThat(Alerts.class.getMethods()).anyMatch(m -> m.getName().equals("tick"));
        assertThat(io.podwatch.core.process.Detector.class.isAssignableFrom(AlertPipeline.class)).isFalse();
    }
}
