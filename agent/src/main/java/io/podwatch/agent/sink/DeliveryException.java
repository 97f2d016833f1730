package io.podwatch.agent.sink;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery failed. {@code retryable} failures (receiver down, 5xx, 429, timeouts) are retried with
 * backoff; the others (a 4xx that no repeat will fix) are given up, counted and reported.
 */
public final class DeliveryException extends Exception {
    private final boolean retryable;
    private final transient Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException retryable(String message) {
        return new DeliveryException(message, true, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** What the receiver asked for (HTTP 429 {@code Retry-After}), if anything. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
