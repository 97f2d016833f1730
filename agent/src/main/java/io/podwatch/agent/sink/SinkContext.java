package io.podwatch.agent.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.durable.FileHealth;
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
 * @param files where the event log and the outboxes report write failures, for {@code /healthz}
 */
public record SinkContext(Clock clock, MeterRegistry meters, Path stateDir, Map<String, String> env,
                          Map<String, String> externalLabels, EventSink events, FileHealth files) {
    /** Without a shared {@link FileHealth}: write failures are then seen by nobody's {@code /healthz} (tests). */
    public SinkContext(Clock clock, MeterRegistry meters, Path stateDir, Map<String, String> env,
                       Map<String, String> externalLabels, EventSink events) {
        this(clock, meters, stateDir, env, externalLabels, events, new FileHealth(clock));
    }
}
