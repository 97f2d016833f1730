package io.podwatch.agent.sink;

import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.process.EventSink;
import io.podwatch.core.plugin.Factory;
import java.util.Optional;

/**
 * Builds an event sink: something that receives every event and alert state change from the
 * processing thread (the JSON-lines event log; a syslog or journald writer would be another).
 * Event sinks are created first, so receivers can report deliveries to them.
 */
public interface EventSinkFactory<C> extends Factory<C> {
    /** Never blocks in {@code accept}: it queues, and its own thread writes. */
    interface Output extends EventSink, Managed {
        /** Where events end up, for the start-up line, e.g. "the event log /var/log/podwatch/events.jsonl". */
        default String target() {
            return name();
        }
    }

    /** The sink, or empty when the config turns it off; no I/O. */
    Optional<Output> create(C config, SinkContext context);
}
