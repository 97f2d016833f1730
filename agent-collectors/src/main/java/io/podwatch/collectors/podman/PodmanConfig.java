package io.podwatch.collectors.podman;

import io.podwatch.collectors.podman.service.PodmanCommand;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.HostEnv;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Podman collector's validated configuration.
 *
 * @param socket the configured socket; empty means try {@code candidates} in order
 * @param candidates the well-known sockets for this user (rootful, then rootless)
 * @param ownService whether podwatch may run {@code podman system service} itself
 * @param procRoot normally {@code /proc}
 */
public record PodmanConfig(Optional<URI> socket, List<URI> candidates, Duration interval, Duration timeout,
                           StatsSourceKind statsSource, boolean ownService, PodmanCommand command,
                           Duration relistInterval, int maxContainers, Path cgroupRoot, Path procRoot) {
    /**
     * {@code podman.stats-source}; {@code PROC} (the container's process tree in /proc) is what a
     * rootless engine on cgroup v1 gets, where containers have no cgroup of their own.
     */
    public enum StatsSourceKind { AUTO, API, CGROUP, PROC }

    public PodmanConfig {
        candidates = List.copyOf(candidates);
    }

    public static PodmanConfig from(Config c, HostEnv env) {
        String socket = c.get(PodmanKeys.SOCKET);
        return new PodmanConfig(socket.isEmpty() ? Optional.empty() : Optional.of(URI.create(socket)),
                candidates(env), c.get(PodmanKeys.INTERVAL), c.get(PodmanKeys.TIMEOUT),
                StatsSourceKind.valueOf(c.get(PodmanKeys.STATS_SOURCE).toUpperCase(java.util.Locale.ROOT)),
                c.get(PodmanKeys.OWN_SERVICE).equals("auto"), PodmanCommand.of(c.get(PodmanKeys.COMMAND)),
                c.get(PodmanKeys.RELIST_INTERVAL), c.get(PodmanKeys.MAX_CONTAINERS),
                Path.of(c.get(PodmanKeys.CGROUP_ROOT)), Path.of("/proc"));
    }

    /** The rootful socket, then the rootless one of this user's session when there is one. */
    static List<URI> candidates(HostEnv env) {
        List<URI> out = new ArrayList<>(List.of(URI.create("unix:///run/podman/podman.sock")));
        if (!env.xdgRuntimeDir().isEmpty()) {
            out.add(URI.create("unix://" + env.xdgRuntimeDir() + "/podman/podman.sock"));
        }
        return out;
    }

    public PodmanConfig withSocket(Optional<URI> s) {
        return new PodmanConfig(s, candidates, interval, timeout, statsSource, ownService, command, relistInterval,
                maxContainers, cgroupRoot, procRoot);
    }

    public PodmanConfig withCandidates(List<URI> c) {
        return new PodmanConfig(socket, c, interval, timeout, statsSource, ownService, command, relistInterval,
                maxContainers, cgroupRoot, procRoot);
    }

    public PodmanConfig withStatsSource(StatsSourceKind k) {
        return new PodmanConfig(socket, candidates, interval, timeout, k, ownService, command, relistInterval,
                maxContainers, cgroupRoot, procRoot);
    }

    /** Tests point the owned service at their harness: {@code new PodmanCommand("podman", h.podmanArgs(), h.env())}. */
    public PodmanConfig withCommand(PodmanCommand cmd) {
        return new PodmanConfig(socket, candidates, interval, timeout, statsSource, ownService, cmd, relistInterval,
                maxContainers, cgroupRoot, procRoot);
    }
}
