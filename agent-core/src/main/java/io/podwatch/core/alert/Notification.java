package io.podwatch.core.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message to one sink: the alerts of one group (or of a digest window). {@code id} is the
 * idempotency key: it is fixed when the notification is created and stored with it in the outbox,
 * so a delivery repeated after a crash carries the same key and the receiver can drop it.
 *
 * @param sink the sink's name, e.g. {@code webhook-0}
 * @param groupKey identifies the group, e.g. {@code {alertname="X",container="web"}}
 * @param groupLabels the values of the {@code group-by} labels shared by all alerts
 */
public record Notification(String id, String sink, String groupKey, Map<String, String> groupLabels,
                           List<AlertState> alerts, Instant createdAt) {
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(createdAt, "createdAt");
        groupKey = groupKey == null ? "" : groupKey;
        groupLabels = Map.copyOf(groupLabels);
        alerts = List.copyOf(alerts);
    }

    /** Firing when any alert fires, as Alertmanager's webhook {@code status}. */
    public AlertStatus status() {
        return alerts.stream().anyMatch(AlertState::firing) ? AlertStatus.FIRING : AlertStatus.RESOLVED;
    }
}
