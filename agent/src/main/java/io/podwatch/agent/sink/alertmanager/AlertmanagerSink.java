package io.podwatch.agent.sink.alertmanager;

import io.podwatch.agent.sink.AlertmanagerJson;
import io.podwatch.agent.sink.DeliveryException;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.NotificationSink;
import io.podwatch.core.alert.Notification;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs alerts to one Alertmanager's {@code /api/v2/alerts}. Firing alerts get
 * {@code endsAt = now + alertTimeout}; the pipeline's refresh re-posts them well before that (as
 * Prometheus does with 4× its resend delay), so an agent that dies lets its alerts expire instead of
 * firing forever. Each Alertmanager URL is its own sink with its own outbox, so one peer of an HA
 * pair being down does not delay the other.
 */
public final class AlertmanagerSink implements NotificationSink {
    private final String name;
    private final URI alertsUrl;
    private final Duration alertTimeout;
    private final HttpPoster http;
    private final Map<String, String> externalLabels;
    private final Clock clock;

    public AlertmanagerSink(String name, URI baseUrl, Duration alertTimeout, HttpPoster http,
                            Map<String, String> externalLabels, Clock clock) {
        this.name = name;
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.alertsUrl = URI.create(base + "/api/v2/alerts");
        this.alertTimeout = alertTimeout;
        this.http = http;
        this.externalLabels = Map.copyOf(externalLabels);
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        byte[] body = AlertmanagerJson.postableAlerts(n, externalLabels, clock.instant().plus(alertTimeout));
        http.post(alertsUrl, body, Map.of("Idempotency-Key", n.id()));
    }

    @Override
    public void close() {
        http.close();
    }
}
