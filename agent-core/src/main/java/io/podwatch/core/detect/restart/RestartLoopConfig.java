package io.podwatch.core.detect.restart;

import io.podwatch.core.config.Config;
import java.time.Duration;

/** Thresholds of {@link ContainerRestartLoop} and {@link ContainerOomKilled}. */
public record RestartLoopConfig(int deaths, Duration window, Duration maxRun, int criticalDeaths,
                                  Duration criticalWindow, Duration resolveAfter, Duration oomResolveAfter) {
    public static RestartLoopConfig defaults() {
        return new RestartLoopConfig(3, Duration.ofMinutes(5), Duration.ofSeconds(60), 5, Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofMinutes(10));
    }

    public static RestartLoopConfig from(Config c) {
        return new RestartLoopConfig(c.get(RestartLoopKeys.DEATHS), c.get(RestartLoopKeys.WINDOW), c.get(RestartLoopKeys.MAX_RUN), c.get(RestartLoopKeys.CRITICAL_DEATHS),
                c.get(RestartLoopKeys.CRITICAL_WINDOW), c.get(RestartLoopKeys.RESOLVE_AFTER), c.get(RestartLoopKeys.OOM_RESOLVE_AFTER));
    }
}
