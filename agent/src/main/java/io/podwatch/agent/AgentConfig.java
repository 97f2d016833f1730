package io.podwatch.agent;

import io.podwatch.agent.sink.eventlog.EventLogKeys;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostPort;
import java.nio.file.Path;

/** The agent's own settings: where it listens, where it keeps state, how it logs (and, for the CLI, where the event log is). */
public record AgentConfig(HostPort httpListen, Path stateDir, Path eventLog, String logLevel, String webConfig) {
    public static AgentConfig from(Config c) {
        return new AgentConfig(c.get(AgentKeys.HTTP_LISTEN), Path.of(c.get(AgentKeys.STATE_DIR)), Path.of(c.get(EventLogKeys.PATH)),
                c.get(AgentKeys.LOG_LEVEL), c.get(AgentKeys.HTTP_WEB_CONFIG));
    }
}
