package io.podwatch.collectors.engine;

import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated {@code engines.*} section, with {@code podman.*} as every engine's base settings.
 *
 * @param dockerHost the {@code DOCKER_HOST} of the agent's environment, "" when unset
 * @param runUser where the rootless users' runtime directories are, normally {@code /run/user}
 */
public record EnginesConfig(boolean auto, List<Listed> list, Duration discoverInterval, PodmanConfig base,
                            String dockerHost, Path runUser) {
    /** One {@code engines.list} entry; an empty owner means the socket's owner. */
    public record Listed(String type, URI socket, String owner) {
    }

    public EnginesConfig {
        list = List.copyOf(list);
    }

    public static EnginesConfig from(Config c, HostEnv env) {
        List<Listed> list = new ArrayList<>();
        for (Config e : c.get(EnginesKeys.LIST)) {
            String socket = e.get(EnginesKeys.SOCKET);
            if (e.get(EnginesKeys.TYPE) != null && socket != null) {
                list.add(new Listed(e.get(EnginesKeys.TYPE), URI.create(socket), e.get(EnginesKeys.OWNER)));
            }
        }
        return new EnginesConfig(c.get(EnginesKeys.AUTO), list, c.get(EnginesKeys.DISCOVER_INTERVAL),
                PodmanConfig.from(c, env), env.env().getOrDefault("DOCKER_HOST", ""), Path.of("/run/user"));
    }
}
