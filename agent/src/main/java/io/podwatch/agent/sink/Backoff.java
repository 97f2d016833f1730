package io.podwatch.agent.sink;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter" (half fixed, half random, as in the AWS architecture
 * note) and a cap: receivers that come back are not hit by every agent at the same instant, and
 * the wait never drops to zero. A receiver's own {@code Retry-After} wins even over {@code max}
 * (it knows its load), but never beyond {@link #RETRY_AFTER_CAP}, so a bogus header cannot park
 * the alerts for a day.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Duration RETRY_AFTER_CAP = Duration.ofMinutes(10);

    public Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), RETRY_AFTER_CAP);
        }
        long base = initial.toMillis() << Math.min(attempt, 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
