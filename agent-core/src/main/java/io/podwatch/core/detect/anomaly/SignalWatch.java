package io.podwatch.core.detect.anomaly;

import io.podwatch.core.detect.AnomalyScorer;

/**
 * One container signal: its detector, the absolute condition and the alert state.
 *
 * <p>A change is confirmed by <em>duration</em>, not by sample count: a sample scoring at least the
 * threshold with a material change opens a pending change, remembering the baseline and spread
 * expected before it; the alert fires once the value has stayed materially away from that baseline,
 * on the same side, for {@code confirmFor}. A {@code podman exec}, a health check or a one-off job
 * moves one or a few samples and falls back before that, so it never pages; a sustained change
 * does, {@code confirmFor} after it began, whatever the collection interval. The frozen baseline
 * matters: the detector's own baseline follows a new level within about 12 samples, so at a 1 s
 * interval a real step would stop looking anomalous before any confirmation of useful length.
 *
 * <p>While raised, a score of half the threshold (the detector halves its scores after an alert)
 * with a material change means "still anomalous"; it resolves after {@code clearAfter} samples
 * that are not. Processing thread only.
 */
final class SignalWatch {
    private final SignalPolicy policy;
    private final AnomalyScorer detector;
    private final long confirmMillis;
    private final int clearAfter;
    private double baseline;
    private long onset = -1;
    private double onsetBaseline;
    private double onsetSpread;
    private double direction;
    private double onsetScore;
    private double changeBaseline;
    private double changeScore;
    private long changeStart;
    private boolean firing;
    private int calm;
    private long unconfirmed;

    SignalWatch(SignalPolicy policy, long confirmMillis, int clearAfter) {
        this.policy = policy;
        // a disabled signal keeps no detector: the watch only remembers not to score it
        this.detector = policy.enabled() ? new AnomalyScorer(policy.detector()) : null;
        this.confirmMillis = confirmMillis;
        this.clearAfter = clearAfter;
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
        if (firing) {
            calm = material && score >= policy.threshold() / 2 ? 0 : calm + 1;
            if (calm >= clearAfter) {
                firing = false;
                calm = 0;
            }
        } else if (onset < 0) {
            if (high && material) {
                onset = epochMillis;
                onsetScore = score;
                onsetBaseline = baseline;
                onsetSpread = spread;
                direction = Math.signum(value - baseline);
            }
        } else if (!stillAway(value)) {
            // it fell back before it was confirmed: an exec, a probe, a one-off job
            onset = -1;
            unconfirmed++;
            detector.dismissAlert();
        }
        if (onset >= 0 && epochMillis - onset >= confirmMillis) {
            // what the alert tells: the level the change left, how surprising its start was, since when
            changeBaseline = onsetBaseline;
            changeScore = onsetScore;
            changeStart = onset;
            firing = true;
            onset = -1;
            calm = 0;
        }
        return score;
    }

    private boolean stillAway(double value) {
        return Math.signum(value - onsetBaseline) == direction && policy.material(value, onsetBaseline, onsetSpread);
    }

    boolean firing() {
        return firing;
    }

    /** A change is pending: it scored high and has not yet lasted {@code confirmFor}. */
    boolean pending() {
        return onset >= 0;
    }

    /** Changes that fell back before they were confirmed (each one an alert the duration saved). */
    long unconfirmed() {
        return unconfirmed;
    }

    /** While firing: the baseline the value left when the change began (not the one that followed it). */
    double changeBaseline() {
        return changeBaseline;
    }

    /** While firing: the score of the change's first sample. */
    double changeScore() {
        return changeScore;
    }

    /** While firing: when the change began, epoch milliseconds. */
    long changeStart() {
        return changeStart;
    }

    /** The value expected before the last sample. */
    double baseline() {
        return baseline;
    }

    boolean enabled() {
        return policy.enabled();
    }
}
