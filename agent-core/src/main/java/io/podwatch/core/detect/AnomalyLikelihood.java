package io.podwatch.core.detect;

/**
 * HTM-style "anomaly likelihood": compares a short-term mean of raw scores with the long-run
 * distribution of that same mean. A series whose raw score is always noisy stops alerting;
 * a sudden burst of unusual raw scores stands out. Output is a monotone map of that z to [0,1).
 */
final class AnomalyLikelihood {
    private static final double MIN_STD = 0.01;
    private final double shortAlpha;
    private final double longAlpha;
    private double shortMean;
    private double mean;
    private double var;
    private long n;

    AnomalyLikelihood(double shortAlpha, double longAlpha) {
        this.shortAlpha = shortAlpha;
        this.longAlpha = longAlpha;
    }

    /** Returns the z of the short mean vs its long-run distribution, then learns. */
    double update(double raw) {
        shortMean += shortAlpha * (raw - shortMean);
        n++;
        double sd = Math.max(Math.sqrt(var), MIN_STD);
        double z = n < 2 ? 0 : (shortMean - mean) / sd;
        double a = Math.max(longAlpha, 1.0 / n);
        double d = shortMean - mean;
        mean += a * d;
        var += a * (d * d * (1 - a) - var);
        return z;
    }
}
