package io.podwatch.core.alert;

import java.time.Instant;
import java.util.Map;

/**
 * Input of the alert pipeline. Detectors and rules call it from the processing thread only, once
 * per evaluation: {@link #fire} while the condition holds (repeated calls are expected and cheap),
 * {@link #resolve} when it no longer does. Dedup, grouping, rate limits and delivery happen behind it.
 */
public interface Alerts {
    void fire(Alert alert);

    /** The condition named by {@code name} and {@code labels} no longer holds; no-op if it was not firing. */
    void resolve(String name, Map<String, String> labels);

    /**
     * Time-driven steps (release calmed flapping alerts, flush due groups, feed the routes): the
     * processing stage calls it about once a second, after the detectors' own ticks, so it sees this
     * second's changes. The pipeline is ticked as the pipeline, not as a detector.
     */
    default void tick(Instant now) {
    }
}
