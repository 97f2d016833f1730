package io.podwatch.core.detect;

/** Tuning knobs for {@link AnomalyDetector}. Defaults were chosen by backtesting on NAB. */
public record DetectorSettings(
        int warmupSamples,        // samples before the first non-zero score
        double levelAlpha,        // EWMA weight of the plain level model
        double scaleAlpha,        // EW weight of the mean-absolute-deviation estimate
        double clipZ,             // residuals beyond clipZ*scale are clipped when learning (robustness)
        int rebaseRun,            // this many same-side exceedances in a row => re-baseline
        int seasonBins,           // time-of-day bins of the daily profile (0 disables)
        double seasonAlpha,       // EW weight per visit of a time-of-day bin
        double shortAlpha,        // EW weight of the short-term mean of raw scores (likelihood)
        double longAlpha,         // EW weight of the long-term distribution of that mean
        double rawZ0,             // z below this gives raw score 0
        double rawZ1,             // z above this gives raw score 1
        int variant, int refractory, double alertLevel, double spatialTol, double spatialGain, double lzScale, double calHalfLife, double zCap) {

    public static DetectorSettings defaults() {
        return new DetectorSettings(150, 0.02, 0.02, 4.0, 12, 24, 0.1, 0.2, 0.002, 1.0, 6.0, 0, 0, 2.0, 0.05, 1.0, 5.0, 5000, 10);
    }
}
