package io.podwatch.agent.sink.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.agent.sink.testing.WebhookReceiver;
import io.podwatch.agent.sink.testing.WebhookReceiver.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No loss across kill -9: 1,000 alerts raised while the receiver is down, the delivering JVM
 * killed midway through raising them and again midway through delivering, restarted each time.
 */
class DurabilityIT {
    private static final int ALERTS = 1000;

    @TempDir
    Path dir;

    private Process child(String url, int alerts, String log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(),
                dir.toString(), url, Integer.toString(alerts)).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile()).start();
    }

    private long pending() throws IOException {
        Path box = dir.resolve("outbox/webhook-0");
        if (!Files.isDirectory(box)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(box)) {
            return s.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    private static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on Linux
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
    }

    @Test
    void everyAlertArrivesAfterKillsAndOutboxEndsEmpty() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String url = receiver.url("/hook");
            // 1. receiver down; killed while raising the alerts
            Process first = child(url, ALERTS, "run1.log");
            await().atMost(60, TimeUnit.SECONDS).until(() -> pending() >= 300);
            kill9(first);
            long afterKill = pending();
            assertThat(afterKill).isBetween(300L, (long) ALERTS);
            // 2. restarted: the detectors raise the conditions again; still no receiver
            Process second = child(url, ALERTS, "run2.log");
            await().atMost(60, TimeUnit.SECONDS).until(() -> Files.readString(dir.resolve("run2.log")).contains("generated"));
            assertThat(pending()).isGreaterThanOrEqualTo(ALERTS);
            // 3. receiver back but slow; killed in the middle of delivering
            receiver.mode(Mode.SLOW);
            receiver.slowMillis(5);
            receiver.up();
            await().atMost(60, TimeUnit.SECONDS).until(() -> receiver.accepted.size() >= 200);
            // the kill lands while a request is being answered: the receiver takes it, the sender
            // never hears so, and delivers it again after the restart — with the same key
            receiver.slowMillis(1500);
            await().atMost(10, TimeUnit.SECONDS).until(() -> receiver.inFlight.get() > 0);
            kill9(second);
            receiver.slowMillis(5);
            long accepted = receiver.accepted.size();
            // 4. restarted to deliver only
            Process third = child(url, 0, "run3.log");
            try {
                await().atMost(120, TimeUnit.SECONDS).until(() -> pending() == 0);
            } finally {
                kill9(third);
            }
            Set<String> fingerprints = receiver.accepted.stream()
                    .map(r -> r.json().path("alerts").get(0).path("labels").path("n").asText()).collect(Collectors.toSet());
            assertThat(fingerprints).hasSize(ALERTS);
            assertThat(receiver.accepted).allSatisfy(r ->
                    assertThat(r.json().path("idempotencyKey").asText()).isEqualTo(r.header("Idempotency-Key")));
            long deliveries = receiver.accepted.size();
            long distinctKeys = receiver.keys.size();
            System.out.printf("durability: %d pending at first kill, %d accepted at second kill, %d deliveries, "
                    + "%d distinct keys, %d keys repeated%n", afterKill, accepted, deliveries, distinctKeys, receiver.repeats());
            // only the notification in flight at the kill arrives twice, with the same key
            assertThat(receiver.repeats()).isEqualTo(1);
            assertThat(deliveries - distinctKeys).isEqualTo(1);
            assertThat(List.of(pending())).containsExactly(0L);
        }
    }
}
