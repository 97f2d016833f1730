package io.podwatch.agent.sink;

import io.podwatch.core.alert.Notification;

/**
 * Transmits one notification to one receiver, and nothing else: the {@link Dispatcher} in front of
 * it owns the outbox, queue, retries, thread and counters (OpenTelemetry's processor/exporter
 * split). Called only on that dispatcher's thread, one call at a time; each call is bounded by the
 * sink's own connect/read timeouts. Messages of thrown exceptions never contain secrets (tokens,
 * passwords, URL user-info).
 */
public interface NotificationSink extends AutoCloseable {
    /** Stable name, e.g. {@code webhook-0}; it names the outbox directory and metric labels. */
    String name();

    /** Returns normally only when the receiver confirmed the notification. */
    void send(Notification notification) throws DeliveryException;

    @Override
    default void close() {
    }
}
