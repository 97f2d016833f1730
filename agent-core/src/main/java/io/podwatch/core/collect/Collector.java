package io.podwatch.core.collect;

import io.podwatch.core.emit.Emitter;
import io.podwatch.core.lifecycle.Managed;

/**
 * A source polled by the {@link CollectorRunner}. {@link #start()} only starts the collector's own
 * threads (if any): connecting to a dependency happens in {@link #collect}, so a dependency that is
 * down at boot makes a collection fail — retried with backoff — and never stops the agent.
 */
public interface Collector extends Managed {
    /**
     * Runs one collection and hands the results to {@code out}. Called on this collector's own
     * worker thread, never concurrently with itself. Must react to interruption (the runner
     * interrupts a collection that overruns its timeout). Its sample batches are named after
     * {@link #name()}: that is the source the runner retracts when the collector keeps failing.
     */
    void collect(Emitter out) throws Exception;
}
