package io.podwatch.core.collect;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The one retry schedule of podwatch: exponential from {@code initial}, capped at {@code max}. Used
 * by the collector runner, the sink dispatchers, the event log, the audit trail and the Podman
 * event watcher and service, so "how long until the next try" has one answer and one test.
 *
 * <p>{@link #delay(int)} is the plain schedule (local retries: a file, a socket, a collector).
 * {@link #delay(int, Optional, RandomGenerator)} adds "equal jitter" (half fixed, half random, as
 * in the AWS architecture note) for remote receivers, so agents do not hit a receiver that comes
 * back at the same instant; a receiver's own {@code Retry-After} wins even over {@code max} (it
 * knows its load), but never beyond {@link #RETRY_AFTER_CAP}, so a bogus header cannot park the
 * alerts for a day.
 */
public record Backoff(Duration initial, Duration max) {
    public static final Duration RETRY_AFTER_CAP = Duration.ofMinutes(10);

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait after {@code attempt} failures in a row (0: the first retry waits {@code initial}). */
    public Duration delay(int attempt) {
        long base = initial.toMillis() << Math.min(Math.max(attempt, 0), 30);
        return Duration.ofMillis(Math.min(base <= 0 ? Long.MAX_VALUE : base, max.toMillis()));
    }

    /** {@link #delay(int)} with equal jitter, or the receiver's {@code Retry-After} (capped). */
    public Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        if (retryAfter.isPresent()) {
            return min(retryAfter.get(), RETRY_AFTER_CAP);
        }
        long capped = delay(attempt).toMillis();
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
