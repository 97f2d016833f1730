package io.podwatch.core.detect.anomaly;

/**
 * Turns per-sample verdicts into a stable alert state with two bars: a high one to raise and a
 * lower one to stay raised, so an incident is one alert that neither flaps on a noisy edge nor
 * needs every sample to clear the raising bar. It raises when a sample clears the high bar and the
 * next {@code raise - 1} samples stay above the low bar, and resolves after {@code clear}
 * consecutive samples below the low bar. Processing thread only.
 */
final class Hysteresis {
    private final int raise;
    private final int clear;
    private int run;
    private boolean firing;

    Hysteresis(int raise, int clear) {
        this.raise = raise;
        this.clear = clear;
    }

    /**
     * Feeds one sample's verdicts; returns whether the condition is firing after it.
     *
     * @param high the sample clears the raising bar
     * @param low  the sample clears the staying bar (implied by {@code high} for callers with one bar)
     */
    boolean update(boolean high, boolean low) {
        if (firing) {
            run = low ? 0 : run + 1;
            if (run >= clear) {
                firing = false;
                run = 0;
            }
        } else {
            run = high ? Math.max(run, 0) + 1 : run > 0 && low ? run + 1 : 0;
            if (run >= raise) {
                firing = true;
                run = 0;
            }
        }
        return firing;
    }

    boolean firing() {
        return firing;
    }
}
