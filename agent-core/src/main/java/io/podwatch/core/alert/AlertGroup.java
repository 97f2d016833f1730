package io.podwatch.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts sharing the values of the {@code group-by} labels, flushed as Alertmanager's dispatcher
 * does: first {@code group-wait} after the group appears, then every {@code group-interval} when
 * something changed, or after {@code repeat-interval} when nothing did but alerts still fire.
 * Processing thread only.
 */
final class AlertGroup {
    private final String key;
    private final Map<String, String> labels;
    private final Map<String, AlertState> alerts = new LinkedHashMap<>();
    private final Map<String, AlertStatus> notified = new HashMap<>();
    private Instant nextFlush;
    private Instant lastSent;

    AlertGroup(String key, Map<String, String> labels, Instant now, Duration groupWait) {
        this.key = key;
        this.labels = Map.copyOf(labels);
        this.nextFlush = now.plus(groupWait);
    }

    String key() {
        return key;
    }

    Map<String, String> labels() {
        return labels;
    }

    void put(AlertState state) {
        alerts.put(state.fingerprint(), state);
    }

    /**
     * The alert changed severity. Receivers that key alerts by all labels (Alertmanager; severity
     * is a label there) would otherwise keep the old-severity alert until it expires, so the old
     * one is sent resolved alongside the new one.
     */
    void superseded(AlertState oldResolved) {
        alerts.put(oldResolved.fingerprint() + "@" + oldResolved.alert().severity().label(), oldResolved);
    }

    boolean isEmpty() {
        return alerts.isEmpty();
    }

    boolean due(Instant now) {
        return !now.isBefore(nextFlush);
    }

    /**
     * The alerts to send now, or empty when nothing changed and the repeat interval has not passed
     * (a dedup). Resolved alerts leave the group once sent.
     */
    Optional<List<AlertState>> flush(Instant now, Duration groupInterval, Duration repeatInterval) {
        nextFlush = now.plus(groupInterval);
        boolean changed = alerts.entrySet().stream().anyMatch(e -> notified.get(e.getKey()) != e.getValue().status());
        boolean anyFiring = alerts.values().stream().anyMatch(AlertState::firing);
        boolean repeat = anyFiring && lastSent != null && !now.isBefore(lastSent.plus(repeatInterval));
        if (!changed && !repeat) {
            return Optional.empty();
        }
        List<AlertState> out = new ArrayList<>(alerts.values());
        lastSent = now;
        notified.clear();
        alerts.values().removeIf(a -> !a.firing());
        alerts.forEach((k, a) -> notified.put(k, a.status()));
        return Optional.of(out);
    }
}
