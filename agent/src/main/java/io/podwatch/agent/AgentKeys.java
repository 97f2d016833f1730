package io.podwatch.agent;

import io.podwatch.core.config.HostPort;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.util.List;

/** The config keys of {@link AgentConfig}: declarations only (names, types, defaults, docs). */
public final class AgentKeys {
    public static final Setting<HostPort> HTTP_LISTEN = Setting.of("http.listen", ValueTypes.hostPort(),
            new HostPort("127.0.0.1", 9883), "Address of /metrics, /healthz and the status page. Loopback by default: the seeds "
                    + "warn against services listening on 0.0.0.0; put a reverse proxy or Prometheus on the host.");
    public static final Setting<String> HTTP_WEB_CONFIG = Setting.of("http.web-config", ValueTypes.string(), "",
            "A Prometheus exporter-toolkit web configuration file (tls_server_config with cert_file/key_file, "
                    + "basic_auth_users with bcrypt hashes), so Prometheus scrapes podwatch as it scrapes node_exporter. "
                    + "Empty: plain HTTP without authentication (warned about unless listening on loopback).");
    public static final Setting<String> STATE_DIR = Setting.computed("state-dir",
            ValueTypes.nonEmpty("a directory path"),
            env -> env.root() ? "/var/lib/podwatch" : env.xdgStateHome() + "/podwatch",
            "/var/lib/podwatch (root), $XDG_STATE_HOME/podwatch (other users)",
            "Where podwatch keeps its checkpoints, alert outbox and owned Podman socket.");
    public static final Setting<String> LOG_LEVEL = Setting.of("log-level",
            ValueTypes.oneOf("error", "warn", "info", "debug", "trace"), "info",
            "Level of podwatch's own log, written to stderr (journald/OpenRC capture it).");

    public static List<Setting<?>> all() {
        return List.of(STATE_DIR, LOG_LEVEL, HTTP_LISTEN, HTTP_WEB_CONFIG);
    }

    private AgentKeys() {
    }
}
