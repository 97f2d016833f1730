package io.podwatch.agent.sink;

import io.podwatch.core.collect.Backoff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.agent.sink.testing.Notifications;
import io.podwatch.core.alert.Notification;
import io.podwatch.core.model.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract of the dispatcher around any sink: lifecycle, order, limits, disk failure. */
class DispatcherTest {
    @TempDir
    Path dir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Event> reports = new CopyOnWriteArrayList<>();
    private final List<Notification> sent = new CopyOnWriteArrayList<>();

    private volatile boolean receiverDown;

    /** A hand-written sink that records what it is given, or fails while the "receiver" is down. */
    private final NotificationSink recording = new NotificationSink() {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public void send(Notification n) throws DeliveryException {
            if (receiverDown) {
                throw DeliveryException.retryable("receiver down");
            }
            sent.add(n);
        }
    };

    private Dispatcher dispatcher(int maxEntries) {
        return new Dispatcher(recording, dir.resolve("outbox"), new OutboxLimits(maxEntries, 1 << 20, Duration.ofDays(1)),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)), reports::add, Clock.systemUTC(), meters);
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("podwatch-sink-fake"));
    }

    @Test
    void closeIsIdempotentWithOrWithoutStartAndLeavesNoThread() throws Exception {
        dispatcher(10).close();
        Dispatcher d = dispatcher(10);
        d.start();
        d.close();
        d.close();
        await().until(() -> !threadAlive());
    }

    /** Issue 9: a run of corrupt outbox entries is skipped in a loop, not a recursion per file. */
    @Test
    void thousandsOfCorruptEntriesAreReportedAndSkippedWithoutDeepRecursion() throws Exception {
        java.nio.file.Path box = java.nio.file.Files.createDirectories(dir.resolve("outbox"));
        int corrupt = 20_000;
        long created = System.currentTimeMillis() - 3_600_000; // recent: the outbox's age limit keeps them
        for (int i = 0; i < corrupt; i++) {
            java.nio.file.Files.writeString(box.resolve(String.format("%013d-%06d-bad%d.json", created + i, i, i)), "{not json");
        }
        Dispatcher d = dispatcher(100_000);
        d.start();
        d.submit(Notifications.of("fake", Notifications.firing("A", "c")));
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.size() == 1);
        d.close();
        assertThat(reports).filteredOn(e -> e.action().equals("outbox-entry-unreadable")).hasSize(corrupt);
    }

    @Test
    void deliveryStateShowsTheBacklogTheLastErrorAndTheLastSuccess() throws Exception {
        receiverDown = true;
        Dispatcher d = dispatcher(10);
        assertThat(d.deliveryState()).isEqualTo(new Dispatcher.DeliveryState("fake", 0, null, "", null));
        d.start();
        d.submit(Notifications.of("fake", Notifications.firing("A", "c")));
        await().until(() -> !d.deliveryState().lastError().isEmpty());
        Dispatcher.DeliveryState failing = d.deliveryState();
        assertThat(failing.pending()).isEqualTo(1);
        assertThat(failing.lastError()).contains("receiver down");
        assertThat(failing.lastSuccess()).isNull();
        receiverDown = false;
        await().until(() -> d.deliveryState().lastSuccess() != null);
        assertThat(d.deliveryState().pending()).isZero();
        assertThat(d.deliveryState().lastError()).contains("receiver down"); // kept, with its time, for the page
        d.close();
    }

    @Test
    void deliversWhatAPreviousRunLeftFirstAndInOrder() throws Exception {
        receiverDown = true;
        Dispatcher before = dispatcher(10);
        before.start();
        before.submit(Notifications.of("fake", Notifications.firing("A", "c")));
        before.submit(Notifications.of("fake", Notifications.firing("B", "c")));
        before.close();
        receiverDown = false;
        Dispatcher after = dispatcher(10);
        after.start();
        after.submit(Notifications.of("fake", Notifications.firing("C", "c")));
        await().until(() -> sent.size() == 3);
        after.close();
        assertThat(sent).extracting(n -> n.alerts().get(0).alert().name()).containsExactly("A", "B", "C");
    }

    @Test
    void outboxBoundsDropTheOldestCountedAndReported() throws Exception {
        receiverDown = true;
        Dispatcher d = dispatcher(10);
        d.start();
        for (int i = 0; i < 12; i++) {
            d.submit(Notifications.of("fake", Notifications.firing("A" + i, "c")));
        }
        d.close();
        assertThat(meters.get("podwatch.notifications").tag("sink", "fake").tag("outcome", "dropped").counter().count()).isEqualTo(2);
        assertThat(reports).extracting(Event::action).containsExactly("notification-dropped", "notification-dropped");
        assertThat(meters.get("podwatch.outbox.pending").tag("sink", "fake").gauge().value()).isEqualTo(10);
    }

    @Test
    void anOutboxThatCannotBeOpenedDoesNotStopTheAgent() throws Exception {
        Files.writeString(dir.resolve("outbox"), "a file where the directory should be");
        Dispatcher d = dispatcher(10);
        d.start();
        d.submit(Notifications.of("fake", Notifications.firing("A", "c")));
        await().until(() -> sent.size() == 1);
        d.close();
        assertThat(reports).extracting(Event::action).startsWith("outbox-write-failed");
    }

    @Test
    void anUnwritableOutboxStillDeliversFromMemoryAndSaysSo() throws Exception {
        Dispatcher d = dispatcher(10);
        d.start();
        // the outbox directory is replaced by a file: every write fails, as on a broken disk
        try (var s = Files.list(dir.resolve("outbox"))) {
            assertThat(s.count()).isZero();
        }
        Files.delete(dir.resolve("outbox"));
        Files.writeString(dir.resolve("outbox"), "not a directory");
        d.submit(Notifications.of("fake", Notifications.firing("A", "c")));
        await().until(() -> sent.size() == 1);
        d.close();
        assertThat(reports).extracting(Event::action).containsExactly("outbox-write-failed");
        assertThat(meters.get("podwatch.notifications").tag("sink", "fake").tag("outcome", "outbox_error").counter().count()).isEqualTo(1);
    }
}
