package io.podwatch.core.alert;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/** The config keys of {@link AlertPipelineConfig}: declarations only (names, types, defaults, docs). */
public final class AlertPipelineKeys {
    public static final Setting<List<String>> GROUP_BY = Setting.of("alerts.group-by", ValueTypes.stringList(),
            List.of("alertname", "container"),
            "Labels whose values form a notification group; '...' groups by all labels (one alert per group).");
    public static final Setting<Duration> GROUP_WAIT = Setting.of("alerts.group-wait",
            ValueTypes.duration(Duration.ZERO, Duration.ofHours(1)), Duration.ofSeconds(2),
            "How long a new group waits for more alerts before its first notification. Short by default: the "
                    + "detectors of one host raise related alerts within milliseconds of each other.");
    public static final Setting<Duration> GROUP_INTERVAL = Setting.of("alerts.group-interval",
            ValueTypes.duration(Duration.ofSeconds(1), Duration.ofHours(24)), Duration.ofMinutes(1),
            "Minimum time between notifications of a group whose alerts changed.");
    public static final Setting<Duration> REPEAT_INTERVAL = Setting.of("alerts.repeat-interval",
            ValueTypes.duration(Duration.ofMinutes(1), Duration.ofDays(30)), Duration.ofHours(4),
            "How long before a still-firing, unchanged group is notified again.");
    public static final Setting<Integer> FLAP_THRESHOLD = Setting.of("alerts.flap.threshold",
            ValueTypes.integer(1, 1000), 4,
            "An alert that toggles firing/resolved more than this many times within alerts.flap.window is "
                    + "held firing and marked flapping.");
    public static final Setting<Duration> FLAP_WINDOW = Setting.of("alerts.flap.window",
            ValueTypes.duration(Duration.ofSeconds(10), Duration.ofDays(1)), Duration.ofMinutes(10),
            "Window in which toggles are counted for flap damping.");

    public static final String ALL_LABELS = "...";

    public static List<Setting<?>> all() {
        return List.of(GROUP_BY, GROUP_WAIT, GROUP_INTERVAL, REPEAT_INTERVAL, FLAP_THRESHOLD, FLAP_WINDOW);
    }

    private AlertPipelineKeys() {
    }
}
