package io.podwatch.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so time-dependent code is tested without sleeping. Thread-safe. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public static MutableClock atEpochSecond(long s) {
        return new MutableClock(Instant.ofEpochSecond(s));
    }

    public static MutableClock at(String iso) {
        return new MutableClock(Instant.parse(iso));
    }

    /** Moves the clock on; returns the new time. */
    public synchronized Instant advance(Duration d) {
        now = now.plus(d);
        return now;
    }

    public void set(Instant t) {
        now = t;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
