package io.podwatch.core.process;

import io.podwatch.core.model.Event;

/**
 * Receives every event that reaches the processing stage (the event log, for one). Called on the
 * processing thread: implementations hand the event to their own queue and never block.
 */
@FunctionalInterface
public interface EventSink {
    void accept(Event event);
}
