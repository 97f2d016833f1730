package io.podwatch.core.detect.restart;

import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.time.Duration;
import java.util.List;

/** The config keys of {@link RestartLoopConfig}: declarations only (names, types, defaults, docs). */
public final class RestartLoopKeys {
    public static final Setting<Integer> DEATHS = Setting.of("detectors.restart-loop.deaths",
            ValueTypes.integer(2, 1000), 3, "Short runs that ended in death within the window that make a restart loop.");
    public static final Setting<Duration> WINDOW = Setting.of("detectors.restart-loop.window",
            ValueTypes.duration(Duration.ofSeconds(10), Duration.ofHours(24)), Duration.ofMinutes(5),
            "Window in which the deaths are counted.");
    public static final Setting<Duration> MAX_RUN = Setting.of("detectors.restart-loop.max-run",
            ValueTypes.duration(Duration.ofSeconds(1), Duration.ofHours(24)), Duration.ofSeconds(60),
            "A run shorter than this that ends in death counts towards a loop.");
    public static final Setting<Integer> CRITICAL_DEATHS = Setting.of("detectors.restart-loop.critical-deaths",
            ValueTypes.integer(2, 1000), 5, "Deaths within the critical window that make the alert critical.");
    public static final Setting<Duration> CRITICAL_WINDOW = Setting.of("detectors.restart-loop.critical-window",
            ValueTypes.duration(Duration.ofSeconds(10), Duration.ofHours(24)), Duration.ofMinutes(10),
            "Window for detectors.restart-loop.critical-deaths.");
    public static final Setting<Duration> RESOLVE_AFTER = Setting.of("detectors.restart-loop.resolve-after",
            ValueTypes.duration(Duration.ofSeconds(10), Duration.ofDays(1)), Duration.ofMinutes(10),
            "The loop alert resolves once the container has run this long without dying.");
    public static final Setting<Duration> OOM_RESOLVE_AFTER = Setting.of("detectors.oom-killed.resolve-after",
            ValueTypes.duration(Duration.ofSeconds(10), Duration.ofDays(1)), Duration.ofMinutes(10),
            "ContainerOOMKilled resolves after this long without another OOM kill.");

    public static List<Setting<?>> all() {
        return List.of(DEATHS, WINDOW, MAX_RUN, CRITICAL_DEATHS, CRITICAL_WINDOW, RESOLVE_AFTER, OOM_RESOLVE_AFTER);
    }

    private RestartLoopKeys() {
    }
}
