package io.podwatch.core.detect;

/**
 * Turns a non-negative "strangeness" value into a surprisal -ln P(X >= x) under this series'
 * own recent distribution of that value, kept as an exponentially decayed histogram on
 * log-spaced bins. This is what makes one corpus-wide threshold work: a bursty series
 * (tweets) learns that z = 8 is routine, a quiet one that z = 4 is rare.
 */
final class TailCalibrator {
    private static final int BINS = 32;
    private static final double LO = 0.5;
    private static final double LOG_STEP = Math.log(1.25);
    private static final double PRIOR = 0.5;
    private final float[] mass = new float[BINS];
    private final double decay;
    private final int block;
    private double inc = 1;    // weight of the next sample; grows instead of decaying every bin
    private double total;
    private int inBlock;
    private double blockMax;

    TailCalibrator(double halfLifeSamples, int block) {
        this.block = block;
        decay = Math.pow(0.5, block / halfLifeSamples);
    }

    private static int bin(double x) {
        if (x < LO) {
            return 0;
        }
        return Math.min(BINS - 1, 1 + (int) (Math.log(x / LO) / LOG_STEP));
    }

    /** Surprisal of x against the history so far (not including x), then records x. */
    double surprisal(double x) {
        int b = bin(x);
        double tail = 0;
        int top = -1;
        for (int i = BINS - 1; i >= 0; i--) {
            if (mass[i] > 0 && top < 0) {
                top = i;
            }
            if (i >= b) {
                tail += mass[i];
            }
        }
        double p = (tail + PRIOR * inc) / (total + PRIOR * inc);
        // Beyond anything seen: extrapolate a Pareto-like tail so bigger still means stranger.
        if (b > top && top >= 0) {
            p *= Math.pow(LO * Math.exp(LOG_STEP * top) / Math.max(x, 1e-12), 2);
        }
        double s = -Math.log(Math.max(p, 1e-300));
        blockMax = Math.max(blockMax, x);
        if (++inBlock < block) {
            return s;
        }
        b = bin(blockMax);
        inBlock = 0;
        blockMax = 0;
        mass[b] += (float) inc;
        total += inc;
        inc /= decay;
        if (inc > 1e30) {
            rescale();   // keeps the float bins in range; the ratios are unchanged
        }
        return s;
    }

    private void rescale() {
        for (int i = 0; i < BINS; i++) {
            mass[i] = (float) (mass[i] / inc);
        }
        total /= inc;
        inc = 1;
    }
}
