package io.podwatch.agent.sink.eventlog;

import io.podwatch.agent.sink.EventSinkFactory;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The JSON-lines event log every operator can tail and ship: always on. */
public final class EventLogFactory implements EventSinkFactory<EventLogConfig> {
    @Override
    public String name() {
        return "eventlog";
    }

    @Override
    public List<Setting<?>> keys() {
        return EventLogKeys.all();
    }

    @Override
    public EventLogConfig config(Config c, HostEnv env) {
        return new EventLogConfig(Path.of(c.get(EventLogKeys.PATH)), c.get(EventLogKeys.MAX_SIZE),
                c.get(EventLogKeys.KEEP), c.get(EventLogKeys.QUEUE), Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    @Override
    public Optional<Output> create(EventLogConfig config, SinkContext context) {
        return Optional.of(new EventLog(config, context.clock(), context.meters(), context.files()));
    }
}
