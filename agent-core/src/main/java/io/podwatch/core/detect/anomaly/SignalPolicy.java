package io.podwatch.core.detect.anomaly;

import io.podwatch.core.detect.AnomalyScorerConfig;

/**
 * How one signal of one container is judged, resolved once from config (signal defaults, then the
 * first matching override) and shared by every series it applies to.
 *
 * @param threshold    score at or above which a sample raises; half of it keeps an alert going
 * @param minDelta     smallest |value - baseline| that may alert, in the signal's unit
 * @param spreadFactor |value - baseline| must also exceed this many typical deviations
 */
public record SignalPolicy(boolean enabled, double threshold, double minDelta, double spreadFactor,
                           AnomalyScorerConfig detector) {
    /**
     * The absolute condition beside the score: the detector ranks a series against its own history,
     * so even pure noise eventually scores high; this asks whether the change is big enough to matter.
     */
    public boolean material(double value, double baseline, double spread) {
        double delta = Math.abs(value - baseline);
        return delta >= minDelta && delta > spreadFactor * spread;
    }
}
