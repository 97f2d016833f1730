package io.podwatch.agent.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.process.EventSink;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a sink factory builds with.
 *
 * @param stateDir the agent's state directory (outboxes live under {@code outbox/})
 * @param env the process environment, for secrets named by variable (e.g. {@code password-env})
 * @param externalLabels added to every alert sent out, e.g. {@code host=<hostname>}
 * @param events the event sinks built so far, for a receiver's own reports (empty while they are built)
 */
public record SinkContext(Clock clock, MeterRegistry meters, Path stateDir, Map<String, String> env,
                          Map<String, String> externalLabels, EventSink events) {
}
