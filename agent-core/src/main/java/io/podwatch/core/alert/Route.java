package io.podwatch.core.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * How the pipeline feeds one sink.
 *
 * @param perMinute notifications allowed per minute on average, 0 for unlimited
 * @param burst notifications allowed at once before the rate applies
 * @param digest when positive, everything flushed within this window goes out as one notification
 * @param refresh when positive, all firing alerts are re-sent this often (Alertmanager expires
 *                alerts that are not re-posted before their {@code endsAt})
 */
public record Route(NotificationQueue queue, double perMinute, int burst, Duration digest, Duration refresh) {
    public Route {
        Objects.requireNonNull(queue, "queue");
        digest = digest == null ? Duration.ZERO : digest;
        refresh = refresh == null ? Duration.ZERO : refresh;
        if (perMinute < 0 || burst < 1) {
            throw new IllegalArgumentException("rate " + perMinute + "/min burst " + burst + " must be >= 0 and >= 1");
        }
    }

    /** Unlimited, immediate, no refresh. */
    public static Route of(NotificationQueue queue) {
        return new Route(queue, 0, 1, Duration.ZERO, Duration.ZERO);
    }
}
