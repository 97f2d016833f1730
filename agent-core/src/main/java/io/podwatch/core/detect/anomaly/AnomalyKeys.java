package io.podwatch.core.detect.anomaly;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueType;
import io.podwatch.core.config.ValueTypes;
import io.podwatch.core.detect.AnomalyScorerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Settings of the per-container anomaly detectors and resource-limit rules. */
public final class AnomalyKeys {
    private static final ValueType<Double> SCORE = ValueTypes.decimal(0.05, 0.99);
    private static final ValueType<Double> DELTA = ValueTypes.decimal(0, 1e15);
    private static final List<String> ALL_SIGNALS = Arrays.stream(Signal.values()).map(Signal::label).toList();

    public static final Setting<Boolean> ENABLED = Setting.of("anomaly.enabled", ValueTypes.bool(), true,
            "Score every container's CPU, memory, block I/O, network and PIDs for anomalies and alert on them.");
    public static final Setting<List<String>> SIGNALS = Setting.of("anomaly.signals",
            ValueTypes.listOf(ValueTypes.oneOf(ALL_SIGNALS.toArray(String[]::new))), ALL_SIGNALS,
            "Signals that are scored.");
    public static final Setting<Double> THRESHOLD = Setting.of("anomaly.threshold", SCORE, AnomalyScorerConfig.ALERT_SCORE,
            "Score at or above which a sample raises an alert (0.5 is the NAB-calibrated point; higher = quieter).");
    public static final Setting<Duration> CONFIRM = Setting.of("anomaly.for",
            ValueTypes.duration(Duration.ZERO, Duration.ofHours(1)), Duration.ofSeconds(15),
            "How long a change must last before it alerts: the value stays materially away from the baseline it "
                    + "left, whatever the interval. An exec, a health check or a one-off job is shorter; 0s alerts "
                    + "on the first anomalous sample.");
    public static final Setting<Integer> CLEAR = Setting.of("anomaly.clear-after", ValueTypes.integer(1, 1000), 12,
            "Consecutive normal samples (score under half the threshold or change too small) before the alert resolves.");
    public static final Setting<Integer> WARMUP = Setting.of("anomaly.warmup-samples", ValueTypes.integer(5, 100_000),
            AnomalyScorerConfig.WARMUP_SAMPLES, "Samples a series must have before its first verdict (the NAB-tuned 150).");
    public static final Setting<Double> SPREAD_FACTOR = Setting.of("anomaly.spread-factor", ValueTypes.decimal(0, 100),
            3.0, "An alert also needs |value - baseline| > spread-factor * the series' typical deviation.");
    /** Per-signal threshold ({@code anomaly.per-signal.<signal>.threshold}) and minimum change. */
    public static final Map<Signal, Setting<Double>> SIGNAL_THRESHOLD = perSignal(s -> Setting.of(
            key(s) + ".threshold", SCORE, null, "Threshold for " + s.label() + " (default: anomaly.threshold)."));
    public static final Map<Signal, Setting<Double>> SIGNAL_MIN_DELTA = perSignal(s -> Setting.of(
            key(s) + ".min-delta", DELTA, s.defaultMinDelta(),
            "Smallest |value - baseline| of " + s.label() + ", in " + s.unit() + ", that may alert."));

    static final Setting<String> MATCH = Setting.of("match", ValueTypes.nonEmpty("a container name glob such as web-*"),
            "*", "Containers (by name glob) the override applies to.");
    static final Setting<List<String>> O_SIGNALS = Setting.of("signals", SIGNALS.type(), ALL_SIGNALS,
            "Signals the override applies to.");
    static final Setting<Boolean> O_ENABLED = Setting.of("enabled", ValueTypes.bool(), true,
            "false silences these signals for these containers.");
    static final Setting<Double> O_THRESHOLD = Setting.of("threshold", SCORE, null,
            "Threshold for these containers and signals (default: the signal's).");
    static final Setting<Double> O_MIN_DELTA = Setting.of("min-delta", DELTA, null,
            "Smallest change from the baseline, in the signal's unit, that may alert (default: the signal's).");
    public static final Setting<List<Config>> OVERRIDES = Setting.of("anomaly.overrides",
            ValueTypes.objects("overrides (match, signals, enabled, threshold, min-delta)",
                    List.of(MATCH, O_SIGNALS, O_ENABLED, O_THRESHOLD, O_MIN_DELTA)),
            List.of(), "Per-container sensitivity, first match wins, e.g. a batch job whose CPU is meant to jump.");

    public static final Setting<Double> MEMORY_NEAR = Setting.of("limits.memory-near-ratio", ValueTypes.decimal(0.1, 1.0),
            0.9, "ContainerMemoryNearLimit fires when the working set reaches this share of the memory limit.");
    public static final Setting<Double> THROTTLED = Setting.of("limits.cpu-throttled-ratio", ValueTypes.decimal(0.01, 1.0),
            0.25, "ContainerCpuThrottled fires when this share of CFS periods was throttled.");
    public static final Setting<Double> PIDS_NEAR = Setting.of("limits.pids-near-ratio", ValueTypes.decimal(0.1, 1.0),
            0.9, "ContainerPidsNearLimit fires when the task count reaches this share of the PIDs limit.");
    public static final Setting<Integer> LIMIT_SAMPLES = Setting.of("limits.for-samples", ValueTypes.integer(1, 1000), 3,
            "Consecutive samples a limit condition must hold before firing (and not hold before resolving).");

    private AnomalyKeys() {
    }

    private static String key(Signal s) {
        return "anomaly.per-signal." + s.label().replace('_', '-');
    }

    private static Map<Signal, Setting<Double>> perSignal(Function<Signal, Setting<Double>> make) {
        Map<Signal, Setting<Double>> m = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            m.put(s, make.apply(s));
        }
        return Collections.unmodifiableMap(m);
    }

    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(List.of(ENABLED, SIGNALS, THRESHOLD, CONFIRM, CLEAR, WARMUP, SPREAD_FACTOR));
        for (Signal s : Signal.values()) {
            all.add(SIGNAL_THRESHOLD.get(s));
            all.add(SIGNAL_MIN_DELTA.get(s));
        }
        all.addAll(List.of(OVERRIDES, MEMORY_NEAR, THROTTLED, PIDS_NEAR, LIMIT_SAMPLES));
        return all;
    }
}
