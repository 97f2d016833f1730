package io.podwatch.collectors.podman;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueType;
import io.podwatch.core.config.ValueTypes;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The {@code podman.*} configuration keys. */
public final class PodmanKeys {
    public static final Setting<String> SOCKET = Setting.computed("podman.socket", unixSocket(), env -> "",
            "the first that answers of unix:///run/podman/podman.sock and unix://$XDG_RUNTIME_DIR/podman/podman.sock",
            "Podman API socket. When set, only this socket is used (and podwatch never starts its own service).");
    public static final Setting<Duration> INTERVAL = Setting.of("podman.interval",
            ValueTypes.duration(Duration.ofMillis(500), Duration.ofHours(1)), Duration.ofSeconds(5),
            "How often container stats are collected.");
    public static final Setting<Duration> TIMEOUT = Setting.of("podman.timeout",
            ValueTypes.duration(Duration.ofMillis(100), Duration.ofMinutes(1)), Duration.ofSeconds(4),
            "Longest wait for one Podman API call before it counts as failed.");
    public static final Setting<String> STATS_SOURCE = Setting.of("podman.stats-source",
            ValueTypes.oneOf("auto", "api", "cgroup"), "auto",
            "Where per-interval container counters come from: the cgroup files (cheap, adds CPU throttling,"
                    + " working set, OOM kills), the libpod API (one call for all containers), or auto: cgroup"
                    + " files when readable, else the API.");
    public static final Setting<String> OWN_SERVICE = Setting.of("podman.own-service", ValueTypes.oneOf("auto", "never"),
            "auto", "When no API socket answers at start and podman is installed, auto runs and owns"
                    + " 'podman system service --time=0' on a private socket under state-dir.");
    public static final Setting<String> COMMAND = Setting.of("podman.command",
            ValueTypes.nonEmpty("a command name or absolute path"), "podman",
            "The podman executable used for the service podwatch runs itself.");
    public static final Setting<Duration> RELIST_INTERVAL = Setting.of("podman.relist-interval",
            ValueTypes.duration(Duration.ofSeconds(5), Duration.ofHours(1)), Duration.ofMinutes(1),
            "How often the container list is re-read to catch events that were missed (poll fallback).");
    public static final Setting<Integer> MAX_CONTAINERS = Setting.of("podman.max-containers",
            ValueTypes.integer(1, 100_000), 5000, "Most containers tracked; more are ignored and counted.");
    public static final Setting<String> CGROUP_ROOT = Setting.of("podman.cgroup-root",
            ValueTypes.nonEmpty("an absolute path"), "/sys/fs/cgroup", "Where the cgroup hierarchy is mounted.");

    private PodmanKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(SOCKET, INTERVAL, TIMEOUT, STATS_SOURCE, OWN_SERVICE, COMMAND, RELIST_INTERVAL, MAX_CONTAINERS,
                CGROUP_ROOT);
    }

    /** Empty (discover) or {@code unix:///absolute/path} no longer than a socket path may be. */
    private static ValueType<String> unixSocket() {
        return ValueTypes.scalar("a Unix socket URI such as unix:///run/podman/podman.sock (path at most 107 bytes)",
                s -> {
                    if (s.isEmpty()) {
                        return s;
                    }
                    URI u = URI.create(s);
                    if (!"unix".equals(u.getScheme()) || u.getPath() == null || !u.getPath().startsWith("/")
                            || u.getPath().length() > 107) {
                        throw new IllegalArgumentException();
                    }
                    return s;
                }, s -> s);
    }
}
