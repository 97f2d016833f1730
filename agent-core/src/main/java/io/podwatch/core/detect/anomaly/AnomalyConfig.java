package io.podwatch.core.detect.anomaly;

import io.podwatch.core.config.Config;
import io.podwatch.core.detect.DetectorSettings;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The anomaly detectors' validated configuration, with per-container overrides resolved by name. */
public record AnomalyConfig(boolean enabled, Set<Signal> signals, double threshold, int raiseAfter, int clearAfter,
                            int warmup, List<Override> overrides, double memoryNearRatio, double throttledRatio,
                            double pidsNearRatio, int limitSamples) {
    /** One override: containers whose name matches {@code glob}, for {@code signals}. */
    public record Override(Pattern glob, Set<Signal> signals, boolean enabled, double threshold) {
    }

    public static AnomalyConfig from(Config c) {
        List<Override> overrides = c.get(AnomalySettings.OVERRIDES).stream().map(o -> new Override(
                glob(o.get(AnomalySettings.MATCH)), signals(o.get(AnomalySettings.O_SIGNALS)),
                o.get(AnomalySettings.O_ENABLED),
                o.get(AnomalySettings.O_THRESHOLD) == null ? Double.NaN : o.get(AnomalySettings.O_THRESHOLD))).toList();
        return new AnomalyConfig(c.get(AnomalySettings.ENABLED), signals(c.get(AnomalySettings.SIGNALS)),
                c.get(AnomalySettings.THRESHOLD), c.get(AnomalySettings.RAISE), c.get(AnomalySettings.CLEAR),
                c.get(AnomalySettings.WARMUP), overrides, c.get(AnomalySettings.MEMORY_NEAR),
                c.get(AnomalySettings.THROTTLED), c.get(AnomalySettings.PIDS_NEAR), c.get(AnomalySettings.LIMIT_SAMPLES));
    }

    /** The detector settings for a signal: one place, so the live agent and {@code backtest} score alike. */
    public DetectorSettings detectorSettings(Signal signal) {
        return DetectorSettings.defaults();
    }

    /** The threshold for this container and signal, or NaN when the signal is not scored for it. */
    public double thresholdFor(String containerName, Signal s) {
        if (!signals.contains(s)) {
            return Double.NaN;
        }
        for (Override o : overrides) {
            if (o.signals().contains(s) && o.glob().matcher(containerName).matches()) {
                if (!o.enabled()) {
                    return Double.NaN;
                }
                return Double.isNaN(o.threshold()) ? threshold : o.threshold();
            }
        }
        return threshold;
    }

    static Set<Signal> signals(List<String> names) {
        Set<Signal> s = EnumSet.noneOf(Signal.class);
        names.forEach(n -> s.add(Signal.parse(n)));
        return s;
    }

    /** Shell-style glob: {@code *} any run, {@code ?} one character, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
