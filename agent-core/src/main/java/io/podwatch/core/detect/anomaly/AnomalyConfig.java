package io.podwatch.core.detect.anomaly;

import io.podwatch.core.config.Config;
import io.podwatch.core.detect.DetectorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The anomaly detectors' validated configuration. Policies are resolved at construction, one per
 * (override, signal), so every series shares its {@link SignalPolicy} and {@link DetectorSettings}.
 */
public record AnomalyConfig(boolean enabled, Set<Signal> signals, Duration confirmFor, int clearAfter,
                            List<Override> overrides, List<SignalPolicy> base, double memoryNearRatio,
                            double throttledRatio, double pidsNearRatio, int limitSamples) {
    private static final Signal[] ALL = Signal.values();

    /** One override: containers whose name matches {@code glob}; its policies per signal (null: not covered). */
    public record Override(Pattern glob, List<SignalPolicy> policies) {
    }

    public static AnomalyConfig from(Config c) {
        DetectorSettings detector = DetectorSettings.defaults().withWarmup(c.get(AnomalySettings.WARMUP));
        double k = c.get(AnomalySettings.SPREAD_FACTOR);
        SignalPolicy[] base = new SignalPolicy[ALL.length];
        for (Signal s : ALL) {
            Double t = c.get(AnomalySettings.SIGNAL_THRESHOLD.get(s));
            double threshold = t == null ? c.get(AnomalySettings.THRESHOLD) : t;
            base[s.ordinal()] = new SignalPolicy(true, threshold, c.get(AnomalySettings.SIGNAL_MIN_DELTA.get(s)), k,
                    detector.withAlertScore(threshold));
        }
        List<Override> overrides = new ArrayList<>();
        for (Config o : c.get(AnomalySettings.OVERRIDES)) {
            SignalPolicy[] p = new SignalPolicy[ALL.length];
            for (Signal s : signals(o.get(AnomalySettings.O_SIGNALS))) {
                SignalPolicy b = base[s.ordinal()];
                Double t = o.get(AnomalySettings.O_THRESHOLD);
                Double d = o.get(AnomalySettings.O_MIN_DELTA);
                p[s.ordinal()] = new SignalPolicy(o.get(AnomalySettings.O_ENABLED), t == null ? b.threshold() : t,
                        d == null ? b.minDelta() : d, k, t == null ? b.detector() : b.detector().withAlertScore(t));
            }
            overrides.add(new Override(glob(o.get(AnomalySettings.MATCH)), Collections.unmodifiableList(Arrays.asList(p))));
        }
        return new AnomalyConfig(c.get(AnomalySettings.ENABLED), signals(c.get(AnomalySettings.SIGNALS)),
                c.get(AnomalySettings.CONFIRM), c.get(AnomalySettings.CLEAR), List.copyOf(overrides), List.of(base),
                c.get(AnomalySettings.MEMORY_NEAR), c.get(AnomalySettings.THROTTLED), c.get(AnomalySettings.PIDS_NEAR),
                c.get(AnomalySettings.LIMIT_SAMPLES));
    }

    /** The detector settings of a signal without container overrides: what {@code podwatch backtest} uses. */
    public DetectorSettings detectorSettings(Signal signal) {
        return base.get(signal.ordinal()).detector();
    }

    /** How this container's signal is judged: the first override matching its name, else the signal's defaults. */
    public SignalPolicy policy(String containerName, Signal s) {
        SignalPolicy p = base.get(s.ordinal());
        if (!signals.contains(s)) {
            return new SignalPolicy(false, p.threshold(), p.minDelta(), p.spreadFactor(), p.detector());
        }
        for (Override o : overrides) {
            SignalPolicy op = o.policies().get(s.ordinal());
            if (op != null && o.glob().matcher(containerName).matches()) {
                return op;
            }
        }
        return p;
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
