package io.podwatch.agent.sink;

import io.podwatch.core.collect.Backoff;
import java.time.Duration;

/**
 * One receiver as its factory built it, and how the alert pipeline feeds it: the wiring puts a
 * {@link Dispatcher} (outbox, retries with {@code backoff}, thread) in front of {@code sink} and a
 * route with these limits behind the pipeline.
 *
 * @param ratePerMinute notifications per minute on average; 0 = unlimited
 * @param digest when positive, everything within it goes out as one notification
 * @param refresh when positive, firing alerts are re-sent this often (Alertmanager expects it)
 */
public record Delivery(NotificationSink sink, Backoff backoff, double ratePerMinute, int burst, Duration digest,
                       Duration refresh) {
}
