package io.podwatch.core.detect;

/**
 * Single-pass anomaly detector for one metric series. Not thread-safe; keep one per series.
 * Pipeline: (plain robust level | daily profile, whichever currently predicts better)
 * -> residual z -> raw score in [0,1] -> anomaly likelihood -> score in [0,1].
 */
public final class AnomalyDetector {
    private static final double ERR_ALPHA = 0.01;
    private final DetectorSettings s;
    private final LevelTracker plain;
    private final SeasonalProfile season;
    private final AnomalyLikelihood likelihood;
    private double errPlain;
    private double errSeason;
    private boolean useSeason;
    private long n;
    private double zShort;
    private final TailCalibrator calInstant, calShort;
    private double min, max;
    private long sinceAlert = 1L << 40;

    public AnomalyDetector(DetectorSettings settings) {
        s = settings;
        plain = new LevelTracker(s.levelAlpha(), s.scaleAlpha(), s.clipZ(), s.rebaseRun());
        season = s.seasonBins() > 0 ? new SeasonalProfile(s.seasonBins(), s.seasonAlpha(), s.clipZ()) : null;
        calInstant = new TailCalibrator(s.calHalfLife());
        calShort = new TailCalibrator(s.calHalfLife());
        likelihood = new AnomalyLikelihood(s.shortAlpha(), s.longAlpha());
    }

    /** Scores one sample (call in time order); 0 = normal, towards 1 = increasingly anomalous. */
    public double update(long epochMillis, double value) {
        n++;
        double lvl = plain.level();
        double floor = 1e-3 * Math.abs(lvl) + 1e-9;
        double zp = plain.observe(value, floor);
        double zs = season == null ? Double.NaN : season.observe(epochMillis, value, floor);
        double ep = Math.abs(value - lvl);
        if (!Double.isNaN(zs)) {
            double es = Math.abs(value - season.level());
            errPlain += ERR_ALPHA * (ep - errPlain);
            errSeason += ERR_ALPHA * (es - errSeason);
            useSeason = errSeason < errPlain;
        }
        double z = useSeason && !Double.isNaN(zs) ? zs : zp;
        double raw = Math.min(1, Math.max(0, (Math.abs(z) - s.rawZ0()) / (s.rawZ1() - s.rawZ0())));
        double lz = likelihood.update(raw);
        double az = Math.min(Math.abs(z), s.zCap());
        zShort += s.shortAlpha() * (az - zShort);
        double si = calInstant.surprisal(az), ss = calShort.surprisal(zShort);
        if (s.variant() == 1) lz = Math.max(si, ss);
        if (s.variant() == 2) lz = si;
        if (s.variant() == 3) lz = ss;
        if (s.variant() == 4) lz = 0;
        double spatial = 0;
        if (n > 1) {
            double range = max - min;
            double e = Math.max(value - max, min - value) / Math.max(range, 1e-9 + 1e-3 * Math.abs(value)) - s.spatialTol();
            if (e > 0) spatial = s.spatialGain() * e / (e + 1);
        }
        if (n == 1) { min = value; max = value; }
        min = Math.min(min, value); max = Math.max(max, value);
        if (n <= s.warmupSamples()) return 0;
        double out = Math.max(Math.max(lz, 0) / (Math.max(lz, 0) + s.lzScale()), spatial);
        if (out <= 0) return 0;
        sinceAlert++;
        if (sinceAlert <= s.refractory()) return out * 0.5;
        if (out >= s.alertLevel()) sinceAlert = 0;
        return out;
    }

    /** Value the detector currently expects. */
    public double baseline() { return useSeason ? season.level() : plain.level(); }

    /** Typical absolute deviation around the baseline (same unit as the values). */
    public double spread() { return useSeason ? season.scale() : plain.scale(); }
}
