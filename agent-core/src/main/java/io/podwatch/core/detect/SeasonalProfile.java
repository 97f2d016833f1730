package io.podwatch.core.detect;

/**
 * Daily profile: one robust level and spread per time-of-day bin, so recurring daily shapes
 * (cron jobs, business hours, square waves) are expected rather than anomalous. Floats keep
 * the per-series footprint small.
 */
final class SeasonalProfile {
    private static final long DAY_MS = 86_400_000L;
    private final float[] level;
    private final float[] scale;
    private final short[] visits;
    private final double alpha;
    private final double clipZ;
    private int lastBin = -1;

    SeasonalProfile(int bins, double alpha, double clipZ) {
        level = new float[bins];
        scale = new float[bins];
        visits = new short[bins];
        this.alpha = alpha;
        this.clipZ = clipZ;
    }

    double level() {
        return lastBin < 0 ? Double.NaN : level[lastBin];
    }

    double scale() {
        return lastBin < 0 ? Double.NaN : scale[lastBin];
    }

    /** Current level of the bin that epochMillis falls in (before learning it). */
    double levelAt(long epochMillis) {
        return level[bin(epochMillis)];
    }

    private int bin(long epochMillis) {
        return (int) (Math.floorMod(epochMillis, DAY_MS) * level.length / DAY_MS);
    }

    /** Signed z of x against its bin (NaN while the bin is still learning), then learns x. */
    double observe(long epochMillis, double x, double floor) {
        int b = bin(epochMillis);
        lastBin = b;
        int v = visits[b];
        if (v == 0) {
            level[b] = (float) x;
            visits[b] = 1;
            return Double.NaN;
        }
        double s = Math.max(scale[b], floor);
        double r = x - level[b];
        double a = Math.max(alpha, 1.0 / (v + 1));
        double lim = v < 3 ? Double.MAX_VALUE : clipZ * s;
        double rc = Math.max(-lim, Math.min(lim, r));
        level[b] += (float) (a * rc);
        scale[b] += (float) (a * (Math.abs(rc) - scale[b]));
        if (v < Short.MAX_VALUE) {
            visits[b] = (short) (v + 1);
        }
        return v < 3 ? Double.NaN : r / s;
    }
}
