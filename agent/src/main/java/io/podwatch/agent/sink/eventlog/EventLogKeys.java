package io.podwatch.agent.sink.eventlog;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.util.List;

/** The event log's keys: where it is written, rotation and queueing. */
public final class EventLogKeys {
    public static final Setting<String> PATH = Setting.computed("event-log",
            ValueTypes.nonEmpty("a file path"),
            env -> env.root() ? "/var/log/podwatch/events.jsonl" : env.xdgStateHome() + "/podwatch/events.jsonl",
            "/var/log/podwatch/events.jsonl (root), under state-dir (other users)",
            "The JSON-lines event log (Elastic Common Schema field names) operators tail and ship.");
    public static final Setting<Long> MAX_SIZE = Setting.of("event-log-rotation.max-size",
            ValueTypes.bytes(4096, 1L << 40), 50L << 20, "Size at which the event log is rotated.");
    public static final Setting<Integer> KEEP = Setting.of("event-log-rotation.keep",
            ValueTypes.integer(0, 1000), 5, "Rotated event-log files kept (name.1 is the newest).");
    public static final Setting<Integer> QUEUE = Setting.of("event-log-rotation.queue",
            ValueTypes.integer(16, 1_000_000), 10_000, "Events held for the writer; beyond it they are dropped and counted.");

    private EventLogKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(PATH, MAX_SIZE, KEEP, QUEUE);
    }
}
