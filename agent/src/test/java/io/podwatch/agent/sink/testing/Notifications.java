package io.podwatch.agent.sink.testing;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.AlertState;
import io.podwatch.core.alert.AlertStatus;
import io.podwatch.core.alert.Notification;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Notifications for sink tests. */
public final class Notifications {
    private Notifications() {
    }

    public static AlertState firing(String alertname, String container) {
        return new AlertState(new Alert(alertname, Severity.HIGH, Map.of("container", container),
                Map.of("summary", alertname + " on " + container, "description", "<b>escaped</b>"),
                new ContainerRef("id-" + container, container, "busybox", "")), AlertStatus.FIRING,
                Instant.parse("2026-01-01T00:00:00Z"), null, false);
    }

    public static Notification of(String sink, AlertState... alerts) {
        return new Notification(UUID.randomUUID().toString(), sink, "{alertname=\"" + alerts[0].alert().name() + "\"}",
                Map.of("alertname", alerts[0].alert().name()), List.of(alerts), Instant.now());
    }
}
