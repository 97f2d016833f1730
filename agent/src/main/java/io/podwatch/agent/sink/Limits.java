package io.podwatch.agent.sink;

import io.podwatch.core.collect.Backoff;
import io.podwatch.core.config.Config;
import java.time.Duration;

/**
 * A receiver's delivery limits, read from the keys of {@link ReceiverKeys}.
 *
 * @param ratePerMinute notifications per minute on average; 0 = unlimited
 */
public record Limits(Backoff backoff, double ratePerMinute, int burst) {
    /** From a list element ({@code prefix} "") or a section ({@code prefix} e.g. "alerts.email."). */
    public static Limits from(Config c, String prefix) {
        return new Limits(new Backoff(c.get(ReceiverKeys.backoffInitial(prefix)), c.get(ReceiverKeys.backoffMax(prefix))),
                c.get(ReceiverKeys.rateLimit(prefix)), c.get(ReceiverKeys.burst(prefix)));
    }

    /** Retries with this backoff, no rate limit: for receivers that limit on their own (Alertmanager). */
    public static Limits backoffOnly(Config c, String prefix) {
        return new Limits(new Backoff(c.get(ReceiverKeys.backoffInitial(prefix)), c.get(ReceiverKeys.backoffMax(prefix))), 0, 1);
    }

    public Delivery deliver(NotificationSink sink, Duration digest, Duration refresh) {
        return new Delivery(sink, backoff, ratePerMinute, burst, digest, refresh);
    }
}
