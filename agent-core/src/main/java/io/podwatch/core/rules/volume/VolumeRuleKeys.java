package io.podwatch.core.rules.volume;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/**
 * Config keys of the volume alerts ({@code VolumeSetuidFile}, {@code VolumeNewExecutable},
 * {@code VolumeMassRewrite}, {@code VolumeReadOnlyViolation}).
 */
public final class VolumeRuleKeys {
    public static final Setting<Duration> ATTRIBUTION_WAIT = Setting.of("volumes.alert-attribution-wait",
            ValueTypes.duration(Duration.ZERO, Duration.ofSeconds(10)), Duration.ofMillis(1200),
            "How long an inotify finding waits for its audit record (login user, process, container) before "
                    + "it alerts without; only while podwatch's volume audit rules are loaded.");
    public static final Setting<Integer> MASS_ABSOLUTE = Setting.of("volumes.mass-rewrite-threshold",
            ValueTypes.integer(10, 10_000_000), 1000,
            "Rewrites, renames and deletes of existing files in one volume within 10 s that raise VolumeMassRewrite.");
    public static final Setting<Double> MASS_RELATIVE = Setting.of("volumes.mass-rewrite-baseline-factor",
            ValueTypes.decimal(1, 1_000_000), 10.0,
            "...and at least this many times the volume's usual count per 10 s (a busy volume's own pace is not a burst).");
    public static final Setting<Duration> QUIET_PERIOD = Setting.of("volumes.alert-quiet-period",
            ValueTypes.duration(Duration.ofSeconds(10), Duration.ofDays(1)), Duration.ofMinutes(10),
            "A per-file volume alert resolves after this long without a new occurrence.");

    private VolumeRuleKeys() {
    }

    public static List<Setting<?>> all() {
        return List.of(ATTRIBUTION_WAIT, MASS_ABSOLUTE, MASS_RELATIVE, QUIET_PERIOD);
    }
}
