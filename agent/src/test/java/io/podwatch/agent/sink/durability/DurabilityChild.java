package io.podwatch.agent.sink.durability;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.collect.Backoff;
import io.podwatch.agent.sink.Dispatcher;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.OutboxLimits;
import io.podwatch.agent.sink.webhook.WebhookConfig;
import io.podwatch.agent.sink.webhook.WebhookSink;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.AlertPipeline;
import io.podwatch.core.alert.AlertPipelineConfig;
import io.podwatch.core.alert.AlertPipelineKeys;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.alert.Route;
import io.podwatch.core.model.Severity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The delivering process of {@link DurabilityIT}, run in its own JVM so the test can {@code kill -9}
 * it: the pipeline and a webhook dispatcher with its outbox under {@code stateDir}. With a count it
 * fires that many distinct alerts (as detectors re-evaluating after a restart would), then keeps
 * delivering until killed.
 *
 * <p>Usage: {@code DurabilityChild <stateDir> <webhookUrl> <alerts>}
 */
public final class DurabilityChild {
    private DurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(args[0]);
        int alerts = Integer.parseInt(args[2]);
        Clock clock = Clock.systemUTC();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        WebhookSink sink = new WebhookSink("webhook-0", new WebhookConfig(URI.create(args[1]), Map.of(), null, null),
                new HttpPoster(Duration.ofMillis(500), Duration.ofSeconds(2), clock), Map.of());
        Dispatcher d = new Dispatcher(sink, state.resolve("outbox/webhook-0"), new OutboxLimits(100_000, 1L << 30, Duration.ofDays(1)),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), e -> { }, clock, meters);
        d.start();
        AlertPipeline p = new AlertPipeline(new AlertPipelineConfig(List.of(AlertPipelineKeys.ALL_LABELS), Duration.ZERO,
                Duration.ofSeconds(1), Duration.ofHours(4), 4, Duration.ofMinutes(10)), List.of(Route.of(d)),
                Inhibitions.NONE, e -> { }, clock, meters);
        for (int i = 0; i < alerts; i++) {
            p.fire(new Alert("DurabilityProbe", Severity.HIGH, Map.of("n", Integer.toString(i)), Map.of("summary", "probe " + i), null));
            p.tick(clock.instant());
        }
        System.out.println("generated " + alerts);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
