package io.podwatch.agent.sink.contract;

import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.NotificationSink;
import io.podwatch.agent.sink.alertmanager.AlertmanagerSink;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

class AlertmanagerSinkContractTest extends SinkContract {
    @Override
    protected NotificationSink sink() {
        return new AlertmanagerSink("alertmanager-0", URI.create("http://127.0.0.1:9"), Duration.ofMinutes(5),
                new HttpPoster(Duration.ofMillis(500), Duration.ofSeconds(1), Clock.systemUTC()), Map.of(), Clock.systemUTC());
    }
}
