package io.podwatch.agent.sink.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.collect.Backoff;
import io.podwatch.agent.sink.Dispatcher;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.OutboxLimits;
import io.podwatch.agent.sink.testing.AlertmanagerProcess;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.AlertPipeline;
import io.podwatch.core.alert.AlertPipelineConfig;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.alert.Route;
import io.podwatch.core.model.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Alertmanager receives podwatch's alerts and lists them through its API. */
class AlertmanagerIT {
    @TempDir
    Path dir;

    @Test
    void alertsReachAlertmanagerAreRefreshedAndResolve() throws Exception {
        try (AlertmanagerProcess am = AlertmanagerProcess.start(dir)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            AlertmanagerSink sink = new AlertmanagerSink("alertmanager-0", am.url(), Duration.ofSeconds(20),
                    new HttpPoster(Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC()), Map.of("host", "h1"),
                    Clock.systemUTC());
            Dispatcher d = new Dispatcher(sink, dir.resolve("outbox"), new OutboxLimits(100, 1 << 20, Duration.ofDays(1)),
                    new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)), e -> { }, Clock.systemUTC(), meters);
            d.start();
            try {
                AlertPipeline p = new AlertPipeline(new AlertPipelineConfig(List.of("alertname"), Duration.ZERO,
                        Duration.ofSeconds(1), Duration.ofHours(1), 4, Duration.ofMinutes(1)),
                        List.of(new Route(d, 0, 1, Duration.ZERO, Duration.ofSeconds(1))), Inhibitions.NONE, e -> { },
                        Clock.systemUTC(), meters);
                Alert loop = new Alert("ContainerRestartLoop", Severity.CRITICAL, Map.of("container", "web"),
                        Map.of("summary", "web loops"), null);
                p.fire(loop);
                p.tick(Instant.now());
                await().atMost(15, TimeUnit.SECONDS).until(() -> am.alerts().size() == 1);
                JsonNode a = am.alerts().get(0);
                assertThat(a.path("labels").path("alertname").asText()).isEqualTo("ContainerRestartLoop");
                assertThat(a.path("labels").path("container").asText()).isEqualTo("web");
                assertThat(a.path("labels").path("host").asText()).isEqualTo("h1");
                assertThat(a.path("labels").path("severity").asText()).isEqualTo("critical");
                assertThat(a.path("annotations").path("summary").asText()).isEqualTo("web loops");
                assertThat(a.path("status").path("state").asText()).isEqualTo("active");
                Instant firstEnd = Instant.parse(a.path("endsAt").asText());
                // a refresh re-posts the firing alert and pushes its endsAt forward
                await().atMost(15, TimeUnit.SECONDS).until(() -> {
                    p.tick(Instant.now());
                    return Instant.parse(am.alerts().get(0).path("endsAt").asText()).isAfter(firstEnd);
                });
                p.resolve(loop.name(), loop.labels());
                p.tick(Instant.now().plusSeconds(2));
                await().atMost(15, TimeUnit.SECONDS).until(() -> am.alerts().isEmpty());
            } finally {
                d.close();
            }
        }
    }
}
