package io.podwatch.core.detect;

/**
 * Robust EWMA level with an EW mean-absolute-deviation spread. Residuals are clipped before
 * learning so single spikes neither drag the baseline nor inflate the spread; a run of
 * same-side exceedances instead re-baselines at once, so a permanent level change stops
 * alerting after {@code rebaseRun} samples.
 */
final class LevelTracker {
    private final double alpha;
    private final double scaleAlpha;
    private final double clipZ;
    private final int rebaseRun;
    private double level;
    private double scale;
    private long n;
    private int run;          // signed length of the current run of exceedances
    private double runSum;    // sum of the values in that run (its mean becomes the new level)

    LevelTracker(double alpha, double scaleAlpha, double clipZ, int rebaseRun) {
        this.alpha = alpha;
        this.scaleAlpha = scaleAlpha;
        this.clipZ = clipZ;
        this.rebaseRun = rebaseRun;
    }

    double level() {
        return level;
    }

    double scale() {
        return scale;
    }

    /** Returns the signed z-score of x against the current baseline, then learns from x. */
    double observe(double x, double floor) {
        if (n++ == 0) {
            level = x;
            return 0;
        }
        double s = Math.max(scale, floor);
        double r = x - level;
        double z = r / s;
        // Early on, average plainly (1/n) so the estimates converge before clipping kicks in.
        double a = Math.max(alpha, 1.0 / n);
        double sa = Math.max(scaleAlpha, 1.0 / n);
        double lim = n < 1 / scaleAlpha ? Double.MAX_VALUE : clipZ * s;
        double rc = Math.max(-lim, Math.min(lim, r));
        level += a * rc;
        scale += sa * (Math.abs(rc) - scale);
        trackRun(x, z);
        return z;
    }

    private void trackRun(double x, double z) {
        if (Math.abs(z) <= clipZ) {
            run = 0;
            return;
        }
        int sign = z > 0 ? 1 : -1;
        if (run * sign > 0) {
            run += sign;
            runSum += x;
        } else {
            run = sign;
            runSum = x;
        }
        if (Math.abs(run) >= rebaseRun) {
            level = runSum / Math.abs(run);
            run = 0;
        }
    }
}
