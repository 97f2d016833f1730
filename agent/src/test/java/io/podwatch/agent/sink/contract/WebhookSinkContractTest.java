package io.podwatch.agent.sink.contract;

import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.NotificationSink;
import io.podwatch.agent.sink.webhook.WebhookConfig;
import io.podwatch.agent.sink.webhook.WebhookSink;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

class WebhookSinkContractTest extends SinkContract {
    @Override
    protected NotificationSink sink() {
        return new WebhookSink("webhook-0", new WebhookConfig(URI.create("http://127.0.0.1:9/hook"), Map.of(), null, null),
                new HttpPoster(Duration.ofMillis(500), Duration.ofSeconds(1), Clock.systemUTC()), Map.of());
    }
}
