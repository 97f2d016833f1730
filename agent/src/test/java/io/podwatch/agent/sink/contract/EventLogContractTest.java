package io.podwatch.agent.sink.contract;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.agent.sink.eventlog.EventLog;
import io.podwatch.agent.sink.eventlog.EventLogConfig;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.core.testing.ManagedContract;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The event sink: the same lifecycle promises, with events queued at close. */
class EventLogContractTest extends ManagedContract {
    @TempDir
    Path dir;

    @Override
    protected Managed create() {
        return new EventLog(new EventLogConfig(dir.resolve("events.jsonl"), 1 << 20, 1, 100, Duration.ofMillis(10),
                Duration.ofMillis(50)), Clock.systemUTC(), new SimpleMeterRegistry());
    }

    @Override
    protected void exercise(Managed m) {
        for (int i = 0; i < 50; i++) {
            ((EventLog) m).accept(new Event(Instant.EPOCH, EventKind.EVENT, "x", "process", Severity.INFO, "test", null,
                    "e" + i, Map.of()));
        }
    }
}
