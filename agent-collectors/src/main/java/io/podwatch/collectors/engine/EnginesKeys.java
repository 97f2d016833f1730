package io.podwatch.collectors.engine;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/**
 * The {@code engines.*} keys: which container engines besides the rootful Podman of
 * {@code podman.*} one agent watches. Interval, timeout, stats source and limits are
 * {@code podman.*}'s, for every engine.
 */
public final class EnginesKeys {
    public static final Setting<Boolean> AUTO = Setting.of("engines.auto", ValueTypes.bool(), true,
            "Discover and watch every rootless user's Podman (/run/user/UID/podman/podman.sock) and the Docker"
                    + " Engine (DOCKER_HOST, /var/run/docker.sock), also those that appear later.");
    static final Setting<String> TYPE = Setting.of("type", ValueTypes.oneOf("podman", "docker"), null,
            "The engine: podman or docker.");
    static final Setting<String> SOCKET = Setting.of("socket", ValueTypes.nonEmpty("a unix:///absolute/path URI"),
            null, "The engine's API socket, e.g. unix:///var/run/docker.sock.");
    static final Setting<String> OWNER = Setting.of("owner", ValueTypes.string(), "",
            "Whose engine (the owner label): root, or the rootless user's name. Default: the socket's owner.");
    public static final Setting<List<io.podwatch.core.config.Config>> LIST = Setting.of("engines.list",
            ValueTypes.objects("engines {type, socket, owner}", List.of(TYPE, SOCKET, OWNER)), List.of(),
            "Engines to watch whether or not discovery finds them; the rootful Podman is podman.socket's.");
    public static final Setting<Duration> DISCOVER_INTERVAL = Setting.of("engines.discover-interval",
            ValueTypes.duration(Duration.ofSeconds(1), Duration.ofHours(1)), Duration.ofSeconds(30),
            "How often podwatch looks for engines that appeared (a user logged in, dockerd started).");

    private EnginesKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(AUTO, LIST, DISCOVER_INTERVAL);
    }
}
