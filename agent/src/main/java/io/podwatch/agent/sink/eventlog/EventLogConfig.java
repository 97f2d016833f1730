package io.podwatch.agent.sink.eventlog;

import java.nio.file.Path;
import java.time.Duration;

/** Where and how the event log is written; see {@link EventLogKeys}. */
public record EventLogConfig(Path path, long maxFileBytes, int keepFiles, int queueCapacity,
                             Duration retryInitial, Duration retryMax) {
}
