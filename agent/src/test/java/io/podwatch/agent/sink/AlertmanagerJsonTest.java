package io.podwatch.agent.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.AlertState;
import io.podwatch.core.alert.AlertStatus;
import io.podwatch.core.alert.Notification;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Severity;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload shapes against fixtures; {@code -Dpodwatch.updateFixtures=true} rewrites them. */
class AlertmanagerJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/webhook/v4");

    private static Notification notification() {
        Alert a = new Alert("ContainerRestartLoop", Severity.CRITICAL, Map.of("container", "web"),
                Map.of("summary", "Container web is in a restart loop", "deaths", "5"), new ContainerRef("abc", "web", "busybox", ""));
        Alert b = new Alert("ContainerOOMKilled", Severity.HIGH, Map.of("container", "web"), Map.of("summary", "Container web was OOM-killed"), null);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new Notification("5f0c1c9e-2d7a-4d7e-9f51-3c0e1d7b2a10", "webhook-0", "{container=\"web\"}", Map.of("container", "web"),
                List.of(new AlertState(a, AlertStatus.FIRING, t, null, false),
                        new AlertState(b, AlertStatus.RESOLVED, t, t.plusSeconds(600), false)), t.plusSeconds(601));
    }

    private static void check(String name, byte[] actual) throws Exception {
        Path f = FIXTURES.resolve(name);
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(actual)) + "\n";
        if (Boolean.getBoolean("podwatch.updateFixtures")) {
            Files.writeString(f, pretty);
        }
        assertThat(pretty).isEqualTo(Files.readString(f));
    }

    @Test
    void webhookV4() throws Exception {
        check("webhook.json", AlertmanagerJson.webhook(notification(), "podwatch", Map.of("host", "h1")));
    }

    @Test
    void postableAlerts() throws Exception {
        check("postable-alerts.json", AlertmanagerJson.postableAlerts(notification(), Map.of("host", "h1"),
                Instant.parse("2026-01-01T00:14:00Z")));
    }

    @Test
    void outboxFormatRoundTrips() throws Exception {
        Notification n = notification();
        assertThat(NotificationJson.decode(NotificationJson.encode(n))).isEqualTo(n);
    }

    @Test
    void redactedUrlsCarryNoCredentials() {
        assertThat(HttpPoster.redact(URI.create("https://user:pw@hooks.example.org:8443/services/T0/B0/XyZsecret?token=t")))
                .isEqualTo("https://hooks.example.org:8443/…");
    }
}
