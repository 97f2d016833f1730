package io.podwatch.core.detect;

/**
 * Scores one metric series (not a {@link io.podwatch.core.process.Detector}: it raises nothing; the
 * container anomaly detector owns one per container and signal). Single-pass, with bounded state
 * (under 1 KiB) and no retraining. Not thread-safe: one instance per series, fed in time order from one thread.
 * <p>Pipeline: the residual z of the value against whichever baseline currently predicts better
 * (plain robust level or daily profile) → short EW mean of |z| (sustained deviations matter,
 * single noisy samples less) → surprisal of that mean against this series' own block-maximum
 * history → combined with a "new extreme" check → score in [0, 1) → a refractory period after an
 * alert-worthy score, during which scores are halved, so one incident yields one alert.
 */
public final class AnomalyScorer {
    private static final double ERR_ALPHA = 0.01;
    private static final long NEVER = Long.MAX_VALUE / 2;
    private final AnomalyScorerConfig s;
    private final LevelTracker plain;
    private final SeasonalProfile season;
    private final TailCalibrator calibrator;
    private double errPlain;
    private double errSeason;
    private boolean useSeason;
    private double zShort;
    private double min;
    private double max;
    private long n;
    private long sinceAlert = NEVER;

    public AnomalyScorer(AnomalyScorerConfig settings) {
        s = settings;
        plain = new LevelTracker(s.levelAlpha(), s.scaleAlpha(), s.clipZ(), s.rebaseRun());
        season = s.seasonBins() > 0 ? new SeasonalProfile(s.seasonBins(), s.seasonAlpha(), s.clipZ()) : null;
        calibrator = new TailCalibrator(s.calHalfLife(), s.calBlock());
    }

    /** Scores one sample (call in time order): 0 = normal, at or above {@code alertScore} = alert-worthy, below 1. */
    public double update(long epochMillis, double value) {
        n++;
        double z = residualZ(epochMillis, value);
        zShort += s.shortAlpha() * (Math.min(Math.abs(z), s.zCap()) - zShort);
        double surprisal = Math.max(calibrator.surprisal(zShort), s.spatialWeight() * newExtreme(value));
        if (n <= s.warmupSamples()) {
            return 0;
        }
        double score = surprisal / (surprisal + s.alertSurprisal());
        if (++sinceAlert <= s.refractory()) {
            return score * 0.5;
        }
        if (score >= s.alertScore()) {
            sinceAlert = 0;
        }
        return score;
    }

    /** True while scores are halved after an alert-worthy one: half the threshold then means "still anomalous". */
    public boolean inRefractory() {
        return sinceAlert <= s.refractory();
    }

    /**
     * The caller did not act on the last alert-worthy score (e.g. the change was too small to matter),
     * so it must not silence the next {@code refractory} samples either.
     */
    public void dismissAlert() {
        if (sinceAlert == 0) {
            sinceAlert = NEVER;
        }
    }

    /** Residual z against the plain level, or the daily profile once that predicts better. */
    private double residualZ(long epochMillis, double value) {
        double lvl = plain.level();
        double floor = 1e-3 * Math.abs(lvl) + 1e-9;   // flat series: tiny moves still count, 0/0 never
        double zp = plain.observe(value, floor);
        if (season == null) {
            return zp;
        }
        double seasonLvl = season.levelAt(epochMillis);
        double zs = season.observe(epochMillis, value, floor);
        if (Double.isNaN(zs)) {
            return zp;
        }
        errPlain += ERR_ALPHA * (Math.abs(value - lvl) - errPlain);
        errSeason += ERR_ALPHA * (Math.abs(value - seasonLvl) - errSeason);
        useSeason = errSeason < errPlain;
        return useSeason ? zs : zp;
    }

    /** How far (in range fractions, beyond the tolerance) the value leaves the range seen so far. */
    private double newExtreme(double value) {
        if (n == 1) {
            min = value;
            max = value;
            return 0;
        }
        double range = Math.max(max - min, 1e-9 + 1e-3 * Math.abs(value));
        double e = Math.max(value - max, min - value) / range - s.spatialTol();
        min = Math.min(min, value);
        max = Math.max(max, value);
        return Math.max(e, 0);
    }

    /** Value the detector currently expects. */
    public double baseline() {
        return useSeason ? season.level() : plain.level();
    }

    /** Typical absolute deviation around the baseline (same unit as the values). */
    public double spread() {
        return useSeason ? season.scale() : plain.scale();
    }
}
