package io.podwatch.agent.sink;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueType;
import io.podwatch.core.config.ValueTypes;
import java.net.URI;
import java.time.Duration;

/**
 * Keys every alert receiver shares (relative to its list element or section: {@code prefix} is
 * {@code ""} for list elements, e.g. {@code "alerts.email."} for a section), and the value types
 * HTTP receivers share. Each receiver declares its own keys in its own package.
 */
public final class ReceiverKeys {
    public static final ValueType<URI> HTTP_URL = ValueTypes.scalar("an http:// or https:// URL", s -> {
        URI u = URI.create(s);
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
            throw new IllegalArgumentException();
        }
        return u;
    }, URI::toString);
    public static final ValueType<Duration> TIMEOUT = ValueTypes.duration(Duration.ofMillis(100), Duration.ofMinutes(5));
    static final ValueType<Duration> BACKOFF = ValueTypes.duration(Duration.ofMillis(10), Duration.ofHours(1));

    /** Connect and read timeouts of HTTP receivers, in list elements. */
    public static final Setting<Duration> CONNECT = Setting.of("connect-timeout", TIMEOUT, Duration.ofSeconds(5), "TCP/TLS connect timeout.");
    public static final Setting<Duration> READ = Setting.of("read-timeout", TIMEOUT, Duration.ofSeconds(10), "Time allowed for the response.");

    private ReceiverKeys() {
    }

    public static Setting<Double> rateLimit(String prefix) {
        return Setting.of(prefix + "rate-limit", ValueTypes.decimal(0, 100_000), 0.0,
                "Notifications per minute to this sink on average; 0 = unlimited. Excess is deferred and merged, and counted.");
    }

    public static Setting<Integer> burst(String prefix) {
        return Setting.of(prefix + "burst", ValueTypes.integer(1, 100_000), 10, "Notifications sent at once before rate-limit applies.");
    }

    public static Setting<Duration> backoffInitial(String prefix) {
        return Setting.of(prefix + "backoff-initial", BACKOFF, Duration.ofSeconds(1), "First retry delay; doubles per failure, with jitter.");
    }

    public static Setting<Duration> backoffMax(String prefix) {
        return Setting.of(prefix + "backoff-max", BACKOFF, Duration.ofMinutes(5), "Cap of the retry delay (a receiver's Retry-After is honoured up to 10m).");
    }
}
