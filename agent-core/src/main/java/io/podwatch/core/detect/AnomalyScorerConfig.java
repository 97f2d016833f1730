package io.podwatch.core.detect;

/**
 * Tuning knobs for {@link AnomalyScorer}. The defaults were chosen by backtesting on the Numenta
 * Anomaly Benchmark (docs/anomaly-detection.md); sample counts assume roughly regular sampling.
 * Immutable and shareable: one instance serves every series with the same settings.
 *
 * @param warmupSamples  samples scored 0 while the models settle
 * @param levelAlpha     EWMA weight of the plain level (~1/alpha samples of memory)
 * @param scaleAlpha     EW weight of the mean-absolute-deviation spread
 * @param clipZ          residuals beyond clipZ spreads are clipped when learning
 * @param rebaseRun      consecutive same-side exceedances that re-baseline the level
 * @param seasonBins     time-of-day bins of the daily profile (0 disables it)
 * @param seasonAlpha    EW weight per visit of a time-of-day bin
 * @param shortAlpha     EW weight of the short-term mean of |z| (what gets calibrated)
 * @param zCap           |z| is capped here so one wild sample cannot dominate the short mean
 * @param calHalfLife    half-life, in samples, of the score-calibration histogram
 * @param calBlock       the histogram learns block maxima over this many samples, so the
 *                       calibrated tail is an event rate, not a per-sample rate
 * @param spatialTol     values beyond the seen min/max by more than this fraction of the range
 *                       are "new extremes"
 * @param spatialWeight  surprisal per range-fraction of a new extreme
 * @param alertSurprisal surprisal (nats) mapped to score 0.5
 * @param refractory     samples after an alert-worthy score during which the score is halved
 * @param alertScore     score at or above which a sample is alert-worthy and starts the refractory
 */
public record AnomalyScorerConfig(
        int warmupSamples, double levelAlpha, double scaleAlpha, double clipZ, int rebaseRun,
        int seasonBins, double seasonAlpha, double shortAlpha, double zCap,
        double calHalfLife, int calBlock, double spatialTol, double spatialWeight,
        double alertSurprisal, int refractory, double alertScore) {
    /** The NAB-calibrated alert score: where the calibrated surprisal equals {@code alertSurprisal}. */
    public static final double ALERT_SCORE = 0.5;
    /** The NAB-tuned warm-up. */
    public static final int WARMUP_SAMPLES = 150;

    public AnomalyScorerConfig {
        if (warmupSamples < 0 || refractory < 0 || calBlock < 1 || rebaseRun < 1 || seasonBins < 0) {
            throw new IllegalArgumentException("sample counts must be positive: " + warmupSamples + ", "
                    + refractory + ", " + calBlock + ", " + rebaseRun + ", " + seasonBins);
        }
        if (!(alertScore > 0 && alertScore < 1)) {
            throw new IllegalArgumentException("alertScore must be in (0, 1), got " + alertScore);
        }
    }

    public static AnomalyScorerConfig defaults() {
        return new AnomalyScorerConfig(WARMUP_SAMPLES, 0.02, 0.02, 5.0, 12, 24, 0.1, 0.2, 30,
                5000, 200, 0.05, 24.0, 1.2, 200, ALERT_SCORE);
    }

    public AnomalyScorerConfig withWarmup(int samples) {
        return new AnomalyScorerConfig(samples, levelAlpha, scaleAlpha, clipZ, rebaseRun, seasonBins, seasonAlpha,
                shortAlpha, zCap, calHalfLife, calBlock, spatialTol, spatialWeight, alertSurprisal, refractory,
                alertScore);
    }

    public AnomalyScorerConfig withAlertScore(double score) {
        return new AnomalyScorerConfig(warmupSamples, levelAlpha, scaleAlpha, clipZ, rebaseRun, seasonBins, seasonAlpha,
                shortAlpha, zCap, calHalfLife, calBlock, spatialTol, spatialWeight, alertSurprisal, refractory, score);
    }
}
