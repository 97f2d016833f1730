package io.podwatch.core.testing;

import io.podwatch.core.collect.Collector;
import io.podwatch.core.lifecycle.Managed;

/**
 * {@link ManagedContract} for a collector: one collection runs between start and close (its
 * failure, e.g. for an absent dependency, is allowed). That a collector which ignores interrupts
 * is never run twice at once and is reported stuck is the runner's promise, tested in
 * {@code CollectorRunnerTest}.
 */
public abstract class CollectorContract extends ManagedContract {
    @Override
    protected abstract Collector create() throws Exception;

    @Override
    protected void exercise(Managed m) throws Exception {
        ((Collector) m).collect(new RecordingEmitter());
    }
}
