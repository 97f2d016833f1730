package io.podwatch.core.process;

import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import java.time.Instant;

/**
 * A detector or rule: turns samples and events into alerts. All methods run on the single
 * processing thread, so implementations keep plain, unsynchronised state.
 */
public interface Detector {
    String name();

    default void onSamples(SampleBatch batch, Alerts alerts) {
    }

    /**
     * For detectors that derive samples of their own (e.g. anomaly scores): they hand them to
     * {@code out} like any source, so they reach {@code /metrics} and the other detectors the same
     * way. The stage calls this one; by default it is {@link #onSamples(SampleBatch, Alerts)}.
     */
    default void onSamples(SampleBatch batch, Alerts alerts, Emitter out) {
        onSamples(batch, alerts);
    }

    default void onEvent(Event event, Alerts alerts) {
    }

    /** Called about once a second, for conditions that change with time alone (resolve after quiet). */
    default void onTick(Instant now, Alerts alerts) {
    }
}
