package io.podwatch.agent.sink.eventlog;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Rotation and queueing of the event log; its path is the agent's {@code event-log} setting. */
public final class EventLogSettings {
    public static final Setting<Long> MAX_SIZE = Setting.of("event-log-rotation.max-size",
            ValueTypes.bytes(4096, 1L << 40), 50L << 20, "Size at which the event log is rotated.");
    public static final Setting<Integer> KEEP = Setting.of("event-log-rotation.keep",
            ValueTypes.integer(0, 1000), 5, "Rotated event-log files kept (name.1 is the newest).");
    public static final Setting<Integer> QUEUE = Setting.of("event-log-rotation.queue",
            ValueTypes.integer(16, 1_000_000), 10_000, "Events held for the writer; beyond it they are dropped and counted.");

    private EventLogSettings() {
    }

    public static List<Setting<?>> all() {
        return List.of(MAX_SIZE, KEEP, QUEUE);
    }

    public static EventLogConfig from(Config c, Path path) {
        return new EventLogConfig(path, c.get(MAX_SIZE), c.get(KEEP), c.get(QUEUE), Duration.ofMillis(500), Duration.ofSeconds(30));
    }
}
