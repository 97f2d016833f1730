package io.podwatch.core.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why a notification was not sent (now). Each is counted in
 * {@code podwatch_notifications_suppressed_total{reason}} so nothing is held back silently.
 */
public enum Suppression {
    /** Nothing changed in the group and {@code repeat-interval} has not passed. */
    DEDUP,
    /** A resolve was held back because the alert flaps. */
    FLAPPING,
    /** A sink's rate limit deferred the notification (it is merged into the next one sent). */
    RATE_LIMITED,
    /** A more fundamental alert (a restart loop) masks it. */
    INHIBITED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The counters, registered up front so every reason is visible at 0. */
    static Map<Suppression, Counter> counters(MeterRegistry meters) {
        Map<Suppression, Counter> m = new EnumMap<>(Suppression.class);
        for (Suppression s : values()) {
            m.put(s, Counter.builder("podwatch.notifications.suppressed").tag("reason", s.label())
                    .description("Notifications held back, by reason").register(meters));
        }
        return m;
    }
}
