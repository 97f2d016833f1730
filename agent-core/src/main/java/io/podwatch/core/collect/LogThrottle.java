package io.podwatch.core.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets a repeated failure through to the log at most once per period, so an absent dependency
 * does not fill the journal; the count of what was held back is returned with the next pass.
 * Not thread-safe: one per logging site and thread.
 */
public final class LogThrottle {
    private final Clock clock;
    private final Duration period;
    private Instant last = Instant.MIN;
    private long suppressed;

    public LogThrottle(Clock clock, Duration period) {
        this.clock = clock;
        this.period = period;
    }

    /** Returns -1 when this occurrence should not be logged, else the number suppressed since the last one logged. */
    public long pass() {
        Instant now = clock.instant();
        if (last != Instant.MIN && now.isBefore(last.plus(period))) {
            suppressed++;
            return -1;
        }
        last = now;
        long s = suppressed;
        suppressed = 0;
        return s;
    }

    /**
     * {@link #pass()} as the text to append to the log line: null when this occurrence is held
     * back, else empty or " (N similar failures not logged)". The one wording for every site.
     */
    public String note() {
        long held = pass();
        return held < 0 ? null : held == 0 ? "" : " (" + held + " similar failures not logged)";
    }

    /** Forgets the last pass, e.g. after recovery, so the next failure is logged at once. */
    public void reset() {
        last = Instant.MIN;
        suppressed = 0;
    }
}
