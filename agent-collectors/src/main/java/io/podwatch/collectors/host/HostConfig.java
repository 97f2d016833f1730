package io.podwatch.collectors.host;

import io.podwatch.core.config.Config;
import java.time.Duration;

/** The host collector's settings. */
public record HostConfig(boolean enabled, Duration interval) {
    public static HostConfig from(Config c) {
        return new HostConfig(c.get(HostKeys.ENABLED), c.get(HostKeys.INTERVAL));
    }
}
