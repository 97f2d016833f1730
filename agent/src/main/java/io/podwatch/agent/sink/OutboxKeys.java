package io.podwatch.agent.sink;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/** Bounds of every receiver's outbox ({@code alerts.outbox.*}): the dispatcher's, not a receiver's. */
public final class OutboxKeys {
    public static final Setting<Integer> ENTRIES = Setting.of("alerts.outbox.max-entries", ValueTypes.integer(10, 10_000_000), 10_000,
            "Notifications kept per sink while undelivered; the oldest are dropped (counted, logged) beyond.");
    public static final Setting<Long> BYTES = Setting.of("alerts.outbox.max-size", ValueTypes.bytes(64 * 1024, 1L << 40), 64L << 20,
            "Bytes kept per sink while undelivered.");
    public static final Setting<Duration> AGE = Setting.of("alerts.outbox.max-age", ValueTypes.duration(Duration.ofMinutes(1), Duration.ofDays(365)),
            Duration.ofDays(7), "Undelivered notifications older than this are dropped.");

    private OutboxKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(ENTRIES, BYTES, AGE);
    }

    public static OutboxLimits from(Config c) {
        return new OutboxLimits(c.get(ENTRIES), c.get(BYTES), c.get(AGE));
    }
}
