package io.podwatch.core.emit;

import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;

/**
 * Where sources hand over what they observed. Implementations are thread-safe; sources call them
 * from their own threads.
 */
public interface Emitter {
    /** Replaces the source's previous batch for exposition and feeds the detectors. Never blocks. */
    void samples(SampleBatch batch);

    /** Hands over an event. Never blocks: when the processing queue is full the event is dropped and counted. */
    void event(Event event);

    /**
     * Hands over an event, waiting while the processing queue is full. For sources that promise no
     * loss (the audit trail advances its checkpoint only after this returns).
     */
    void eventAwait(Event event) throws InterruptedException;

    /**
     * The source's last batch no longer describes the present (e.g. its collector failed run after
     * run: {@code podwatch_collector_up} says so): forget it, and the batches derived from it
     * (named {@code <deriver>/<source>}, as anomaly scores are), so {@code /metrics} stops showing
     * series as if they were current. The next batch of the source brings them back. Never blocks.
     */
    default void retract(String source) {
    }
}
