package io.podwatch.core.detect.anomaly;

import io.podwatch.core.detect.AnomalyScorer;

/**
 * One container signal: its detector, the absolute condition and the live hysteresis. Raises on
 * the first sample scoring at least the threshold whose change is material; while raised, a score
 * of half the threshold (the detector halves its scores after an alert) with a material change
 * means "still anomalous"; resolves after {@code clearAfter} samples that are not.
 * Processing thread only.
 */
final class SignalWatch {
    private final SignalPolicy policy;
    private final AnomalyScorer detector;
    private final Hysteresis hysteresis;
    private double baseline;

    SignalWatch(SignalPolicy policy, int raiseAfter, int clearAfter) {
        this.policy = policy;
        // a disabled signal keeps no detector: the watch only remembers not to score it
        this.detector = policy.enabled() ? new AnomalyScorer(policy.detector()) : null;
        this.hysteresis = new Hysteresis(raiseAfter, clearAfter);
    }

    /** Scores one sample and advances the alert state; returns the score. Only when {@link #enabled()}. */
    double update(long epochMillis, double value) {
        // judge the change against what was expected before this sample moved the baseline
        baseline = detector.baseline();
        double spread = detector.spread();
        double score = detector.update(epochMillis, value);
        boolean material = policy.material(value, baseline, spread);
        boolean high = score >= policy.threshold();
        if (high && !material) {
            // noise too small to matter must not spend the refractory that would mute a real change after it
            detector.dismissAlert();
        }
        hysteresis.update(high && material, material && score >= policy.threshold() / 2);
        return score;
    }

    boolean firing() {
        return hysteresis.firing();
    }

    /** The value expected before the last sample. */
    double baseline() {
        return baseline;
    }

    boolean enabled() {
        return policy.enabled();
    }
}
