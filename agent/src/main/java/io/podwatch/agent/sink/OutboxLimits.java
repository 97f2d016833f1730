package io.podwatch.agent.sink;

import java.time.Duration;

/** Bounds of one sink's outbox; beyond them the oldest notifications are dropped (counted, reported). */
public record OutboxLimits(int maxEntries, long maxBytes, Duration maxAge) {
}
