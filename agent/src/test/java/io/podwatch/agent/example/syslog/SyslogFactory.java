package io.podwatch.agent.example.syslog;

import io.podwatch.agent.sink.EventSinkFactory;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.HostPort;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.util.List;
import java.util.Optional;

/** The example event sink's keys, config record and factory. */
public final class SyslogFactory implements EventSinkFactory<Optional<SyslogFactory.SyslogConfig>> {
    static final Setting<HostPort> SERVER = Setting.of("syslog.server", ValueTypes.hostPort(), null,
            "Syslog server (UDP, RFC 5424); unset = off.");
    static final Setting<String> HOSTNAME = Setting.of("syslog.hostname", ValueTypes.nonEmpty("a host name"), "podwatch",
            "HOSTNAME field of each message.");

    record SyslogConfig(HostPort server, String hostname) {
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public List<Setting<?>> keys() {
        return List.of(SERVER, HOSTNAME);
    }

    @Override
    public Optional<SyslogConfig> config(Config c, HostEnv env) {
        return Optional.ofNullable(c.get(SERVER)).map(s -> new SyslogConfig(s, c.get(HOSTNAME)));
    }

    @Override
    public Optional<Output> create(Optional<SyslogConfig> config, SinkContext context) {
        return config.map(c -> new SyslogSink(c.server(), c.hostname()));
    }
}
