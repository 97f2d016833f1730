package io.podwatch.core.detect.anomaly;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import java.util.Arrays;
import java.util.List;

/** Settings of the per-container anomaly detectors and resource-limit rules. */
public final class AnomalySettings {
    public static final Setting<Boolean> ENABLED = Setting.of("anomaly.enabled", ValueTypes.bool(), true,
            "Score every container's CPU, memory, block I/O, network and PIDs for anomalies and alert on them.");
    public static final Setting<List<String>> SIGNALS = Setting.of("anomaly.signals",
            ValueTypes.listOf(ValueTypes.oneOf(Arrays.stream(Signal.values()).map(Signal::label).toArray(String[]::new))),
            Arrays.stream(Signal.values()).map(Signal::label).toList(), "Signals that are scored.");
    public static final Setting<Double> THRESHOLD = Setting.of("anomaly.threshold", ValueTypes.decimal(0.5, 1.0),
            0.99, "Score at or above which a sample counts as anomalous (the NAB-calibrated threshold; higher = quieter).");
    public static final Setting<Integer> RAISE = Setting.of("anomaly.raise-after", ValueTypes.integer(1, 100), 2,
            "Consecutive anomalous samples before the alert fires (one spike is not an alert).");
    public static final Setting<Integer> CLEAR = Setting.of("anomaly.clear-after", ValueTypes.integer(1, 1000), 6,
            "Consecutive normal samples before the alert resolves.");
    public static final Setting<Integer> WARMUP = Setting.of("anomaly.warmup-samples", ValueTypes.integer(5, 100_000),
            30, "Samples a series must have before its first verdict.");

    static final Setting<String> MATCH = Setting.of("match", ValueTypes.nonEmpty("a container name glob such as web-*"),
            "*", "Containers (by name glob) the override applies to.");
    static final Setting<List<String>> O_SIGNALS = Setting.of("signals", SIGNALS.type(),
            Arrays.stream(Signal.values()).map(Signal::label).toList(), "Signals the override applies to.");
    static final Setting<Boolean> O_ENABLED = Setting.of("enabled", ValueTypes.bool(), true,
            "false silences these signals for these containers.");
    static final Setting<Double> O_THRESHOLD = Setting.of("threshold", ValueTypes.decimal(0.5, 1.0), null,
            "Threshold for these containers and signals (default: anomaly.threshold).");
    public static final Setting<List<Config>> OVERRIDES = Setting.of("anomaly.overrides",
            ValueTypes.objects("overrides (match, signals, enabled, threshold)", List.of(MATCH, O_SIGNALS, O_ENABLED, O_THRESHOLD)),
            List.of(), "Per-container sensitivity, first match wins, e.g. a batch job whose CPU is meant to jump.");

    public static final Setting<Double> MEMORY_NEAR = Setting.of("limits.memory-near-ratio", ValueTypes.decimal(0.1, 1.0),
            0.9, "ContainerMemoryNearLimit fires when the working set reaches this share of the memory limit.");
    public static final Setting<Double> THROTTLED = Setting.of("limits.cpu-throttled-ratio", ValueTypes.decimal(0.01, 1.0),
            0.25, "ContainerCpuThrottled fires when this share of CFS periods was throttled.");
    public static final Setting<Double> PIDS_NEAR = Setting.of("limits.pids-near-ratio", ValueTypes.decimal(0.1, 1.0),
            0.9, "ContainerPidsNearLimit fires when the task count reaches this share of the PIDs limit.");
    public static final Setting<Integer> LIMIT_SAMPLES = Setting.of("limits.for-samples", ValueTypes.integer(1, 1000), 3,
            "Consecutive samples a limit condition must hold before firing (and not hold before resolving).");

    private AnomalySettings() {
    }

    public static List<Setting<?>> all() {
        return List.of(ENABLED, SIGNALS, THRESHOLD, RAISE, CLEAR, WARMUP, OVERRIDES, MEMORY_NEAR, THROTTLED, PIDS_NEAR,
                LIMIT_SAMPLES);
    }
}
