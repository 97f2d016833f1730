package io.podwatch.agent.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.collect.Backoff;
import io.podwatch.agent.sink.Dispatcher;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.OutboxLimits;
import io.podwatch.agent.sink.SecretFile;
import io.podwatch.agent.sink.testing.LogCapture;
import io.podwatch.agent.sink.testing.Notifications;
import io.podwatch.agent.sink.testing.WebhookReceiver;
import io.podwatch.agent.sink.testing.WebhookReceiver.Mode;
import io.podwatch.core.alert.Notification;
import io.podwatch.core.model.Event;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real HTTP receiver that fails on demand, then recovers. */
class WebhookIT {
    private static final String TOKEN = "tok-3f9a1c-very-secret";
    private static final String HMAC = "hmac-77e2-very-secret";

    @TempDir
    Path dir;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Event> reports = new CopyOnWriteArrayList<>();
    private WebhookReceiver receiver;
    private Dispatcher dispatcher;

    private Dispatcher start(Duration readTimeout) throws Exception {
        receiver = new WebhookReceiver();
        Files.writeString(dir.resolve("hmac"), HMAC + "\n");
        WebhookConfig cfg = new WebhookConfig(URI.create(receiver.url("/hook?token=" + TOKEN)), Map.of("X-Team", "ops"),
                SecretFile.value(TOKEN), SecretFile.file(dir.resolve("hmac")));
        WebhookSink sink = new WebhookSink("webhook-0", cfg, new HttpPoster(Duration.ofSeconds(1), readTimeout, Clock.systemUTC()),
                Map.of("host", "h1"));
        dispatcher = new Dispatcher(sink, dir.resolve("outbox/webhook-0"), new OutboxLimits(1000, 1 << 20, Duration.ofDays(1)),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), reports::add, Clock.systemUTC(), meters);
        dispatcher.start();
        return dispatcher;
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private double count(String outcome) {
        return meters.get("podwatch.notifications").tag("sink", "webhook-0").tag("outcome", outcome).counter().count();
    }

    private double pending() {
        return meters.get("podwatch.outbox.pending").tag("sink", "webhook-0").gauge().value();
    }

    @Test
    void deliversAlertmanagerV4WithIdempotencyKeySignatureAndToken() throws Exception {
        start(Duration.ofSeconds(2));
        receiver.up();
        Notification n = Notifications.of("webhook-0", Notifications.firing("ContainerRestartLoop", "web"));
        dispatcher.submit(n);
        await().atMost(10, TimeUnit.SECONDS).until(() -> receiver.accepted.size() == 1);
        WebhookReceiver.Request r = receiver.accepted.get(0);
        JsonNode body = r.json();
        assertThat(body.path("version").asText()).isEqualTo("4");
        assertThat(body.path("status").asText()).isEqualTo("firing");
        assertThat(body.path("idempotencyKey").asText()).isEqualTo(n.id());
        JsonNode alert = body.path("alerts").get(0);
        assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("ContainerRestartLoop");
        assertThat(alert.path("labels").path("host").asText()).isEqualTo("h1");
        assertThat(alert.path("fingerprint").asText()).hasSize(16);
        assertThat(alert.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(r.header("Idempotency-Key")).isEqualTo(n.id());
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.header("X-Team")).isEqualTo("ops");
        assertThat(r.header(WebhookSink.SIGNATURE_HEADER)).isEqualTo("sha256=" + WebhookSink.hmac(HMAC.getBytes(), r.body()));
        await().until(() -> pending() == 0 && count("sent") == 1);
        try (var files = Files.list(dir.resolve("outbox/webhook-0"))) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void survivesRefused500SlowAndRetryAfterThenRecoversInOrder() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            start(Duration.ofMillis(500));
            // down: connection refused
            dispatcher.submit(Notifications.of("webhook-0", Notifications.firing("A", "c1")));
            dispatcher.submit(Notifications.of("webhook-0", Notifications.firing("B", "c2")));
            await().until(() -> count("retried") >= 2);
            assertThat(pending()).isEqualTo(2);
            // 500
            receiver.mode(Mode.FAIL_500);
            receiver.up();
            await().until(() -> receiver.refused.size() >= 2);
            // slow: longer than the read timeout
            receiver.mode(Mode.SLOW);
            receiver.slowMillis(1500);
            double before = count("retried");
            await().atMost(10, TimeUnit.SECONDS).until(() -> count("retried") >= before + 1);
            // 429 with Retry-After: 1 -> the next attempt waits about a second, not the 20-200 ms backoff
            receiver.mode(Mode.RATE_LIMITED);
            receiver.retryAfter(1);
            int refusedBefore = receiver.refused.size();
            await().atMost(10, TimeUnit.SECONDS).until(() -> receiver.refused.size() >= refusedBefore + 2);
            List<WebhookReceiver.Request> limited = receiver.refused.subList(refusedBefore, refusedBefore + 2);
            assertThat(TimeUnit.NANOSECONDS.toMillis(limited.get(1).atNanos() - limited.get(0).atNanos())).isGreaterThanOrEqualTo(900);
            receiver.mode(Mode.OK);
            await().atMost(10, TimeUnit.SECONDS).until(() -> pending() == 0);
            List<String> names = receiver.accepted.stream()
                    .map(r -> r.json().path("alerts").get(0).path("labels").path("alertname").asText()).distinct().toList();
            assertThat(names).containsExactly("A", "B");
            assertThat(logs.text()).contains("webhook-0").doesNotContain(TOKEN).doesNotContain(HMAC);
            assertThat(reports).noneMatch(e -> e.message().contains(TOKEN));
        }
    }

    @Test
    void rejectedForGoodIsReportedAndTheQueueMovesOn() throws Exception {
        start(Duration.ofSeconds(2));
        receiver.mode(Mode.BAD_REQUEST);
        receiver.up();
        Notification bad = Notifications.of("webhook-0", Notifications.firing("A", "c1"));
        dispatcher.submit(bad);
        await().until(() -> count("rejected") == 1);
        assertThat(reports).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("notification-rejected");
            assertThat(e.message()).contains(bad.id()).contains("HTTP 400").doesNotContain(TOKEN);
        });
        receiver.mode(Mode.OK);
        dispatcher.submit(Notifications.of("webhook-0", Notifications.firing("B", "c1")));
        await().until(() -> count("sent") == 1 && pending() == 0);
    }
}
