package io.podwatch.core.detect.anomaly;

import io.podwatch.core.config.Config;
import io.podwatch.core.detect.AnomalyScorerConfig;
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
 * (override, signal), so every series shares its {@link SignalPolicy} and {@link AnomalyScorerConfig}.
 */
public record AnomalyConfig(boolean enabled, Set<Signal> signals, Duration confirmFor, int clearAfter,
                            List<Override> overrides, List<SignalPolicy> base, double memoryNearRatio,
                            double throttledRatio, double pidsNearRatio, int limitSamples) {
    private static final Signal[] ALL = Signal.values();

    /** One override: containers whose name matches {@code glob}; its policies per signal (null: not covered). */
    public record Override(Pattern glob, List<SignalPolicy> policies) {
    }

    public static AnomalyConfig from(Config c) {
        AnomalyScorerConfig detector = AnomalyScorerConfig.defaults().withWarmup(c.get(AnomalyKeys.WARMUP));
        double k = c.get(AnomalyKeys.SPREAD_FACTOR);
        SignalPolicy[] base = new SignalPolicy[ALL.length];
        for (Signal s : ALL) {
            Double t = c.get(AnomalyKeys.SIGNAL_THRESHOLD.get(s));
            double threshold = t == null ? c.get(AnomalyKeys.THRESHOLD) : t;
            base[s.ordinal()] = new SignalPolicy(true, threshold, c.get(AnomalyKeys.SIGNAL_MIN_DELTA.get(s)), k,
                    detector.withAlertScore(threshold));
        }
        List<Override> overrides = new ArrayList<>();
        for (Config o : c.get(AnomalyKeys.OVERRIDES)) {
            SignalPolicy[] p = new SignalPolicy[ALL.length];
            for (Signal s : signals(o.get(AnomalyKeys.O_SIGNALS))) {
                SignalPolicy b = base[s.ordinal()];
                Double t = o.get(AnomalyKeys.O_THRESHOLD);
                Double d = o.get(AnomalyKeys.O_MIN_DELTA);
                p[s.ordinal()] = new SignalPolicy(o.get(AnomalyKeys.O_ENABLED), t == null ? b.threshold() : t,
                        d == null ? b.minDelta() : d, k, t == null ? b.detector() : b.detector().withAlertScore(t));
            }
            overrides.add(new Override(glob(o.get(AnomalyKeys.MATCH)), Collections.unmodifiableList(Arrays.asList(p))));
        }
        return new AnomalyConfig(c.get(AnomalyKeys.ENABLED), signals(c.get(AnomalyKeys.SIGNALS)),
                c.get(AnomalyKeys.CONFIRM), c.get(AnomalyKeys.CLEAR), List.copyOf(overrides), List.of(base),
                c.get(AnomalyKeys.MEMORY_NEAR), c.get(AnomalyKeys.THROTTLED), c.get(AnomalyKeys.PIDS_NEAR),
                c.get(AnomalyKeys.LIMIT_SAMPLES));
    }

    /** The detector settings of a signal without container overrides: what {@code podwatch backtest} uses. */
    public AnomalyScorerConfig detectorSettings(Signal signal) {
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
