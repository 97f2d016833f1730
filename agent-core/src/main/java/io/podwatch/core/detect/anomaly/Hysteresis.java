package io.podwatch.core.detect.anomaly;

/**
 * Turns a per-sample verdict into a stable alert state: it takes {@code raise} consecutive
 * anomalous samples to fire (one spike is not an alert) and {@code clear} consecutive normal ones
 * to resolve (no flapping on a noisy edge).
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

    /** Feeds one verdict; returns whether the condition is firing after it. */
    boolean update(boolean anomalous) {
        if (anomalous == firing) {
            run = 0;
        } else if (++run >= (firing ? clear : raise)) {
            firing = anomalous;
            run = 0;
        }
        return firing;
    }

    boolean firing() {
        return firing;
    }
}
