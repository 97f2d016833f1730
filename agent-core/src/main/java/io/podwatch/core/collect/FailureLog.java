package io.podwatch.core.collect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a failure caught at a boundary ends up — a detector, a sink, a collector run, anything a
 * long-lived thread calls and must survive: counted in {@code podwatch_internal_errors_total}
 * labelled by component, and logged with its cause and stack trace at most
 * once a minute per (where, cause), so a detector that fails on every batch neither goes unnoticed
 * nor floods the journal. Thread-safe.
 */
public final class FailureLog {
    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);
    /** Distinct (where, cause) pairs throttled separately; beyond it they share one throttle. */
    private static final int MAX_KEYS = 200;

    private final String component;
    private final Clock clock;
    private final Counter counter;
    private final Map<String, LogThrottle> throttles = new HashMap<>();
    private final LogThrottle overflow;

    public FailureLog(String component, Clock clock, MeterRegistry meters) {
        this.component = component;
        this.clock = clock;
        // registered up front so the series exists (at 0) before the first failure
        this.counter = Counter.builder("podwatch.internal.errors").tag("component", component)
                .description("Failures caught at a boundary so the thread keeps running (the agent log names the cause)")
                .register(meters);
        this.overflow = new LogThrottle(clock, Duration.ofMinutes(1));
    }

    /** Records {@code t}, thrown by {@code where} (e.g. a detector's name); never throws. */
    public void caught(String where, Throwable t) {
        String cause = t.getClass().getSimpleName();
        counter.increment();
        String note;
        synchronized (throttles) {
            String key = where + "/" + cause;
            LogThrottle th = throttles.get(key);
            if (th == null) {
                th = throttles.size() < MAX_KEYS ? new LogThrottle(clock, Duration.ofMinutes(1)) : overflow;
                if (th != overflow) {
                    throttles.put(key, th);
                }
            }
            note = th.note();
        }
        if (note != null) {
            LOG.error("{}: {} failed: {}; carrying on{}", component, where, t, note, t);
        }
    }
}
