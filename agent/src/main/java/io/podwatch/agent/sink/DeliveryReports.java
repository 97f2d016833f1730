package io.podwatch.agent.sink;

import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.core.process.EventSink;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports what a dispatcher had to give up as events in the event log, so a lost notification is
 * visible to the operator and not just a counter. Messages carry ids and reasons, never payloads.
 */
final class DeliveryReports {
    private final String sink;
    private final EventSink events;
    private final Clock clock;

    DeliveryReports(String sink, EventSink events, Clock clock) {
        this.sink = sink;
        this.events = events;
        this.clock = clock;
    }

    void dropped(String id, String why) {
        report("notification-dropped", Severity.HIGH, "Notification " + id + " for " + sink + " dropped: " + why, id);
    }

    void rejected(String id, String why) {
        report("notification-rejected", Severity.HIGH, "Notification " + id + " rejected by " + sink + ": " + why, id);
    }

    void unreadable(String file) {
        report("outbox-entry-unreadable", Severity.HIGH, "Outbox entry " + file + " of " + sink + " is unreadable and was removed", "");
    }

    void outboxFailed(Exception e) {
        report("outbox-write-failed", Severity.HIGH, "Outbox of " + sink + " not writable (" + e.getClass().getSimpleName()
                + "); notification kept in memory only", "");
    }

    private void report(String action, Severity sev, String message, String id) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("podwatch.sink", sink);
        if (!id.isEmpty()) {
            f.put("podwatch.notification.id", id);
        }
        events.accept(new Event(clock.instant(), EventKind.EVENT, action, "configuration", sev, "alert-dispatcher",
                null, message, f));
    }
}
