package io.podwatch.core.detect.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HysteresisTest {
    @Test
    void oneHighSampleRaisesAndOnlyRunsBelowTheLowBarResolve() {
        Hysteresis h = new Hysteresis(1, 3);
        assertThat(h.update(false, true)).as("the low bar alone never raises").isFalse();
        assertThat(h.update(true, true)).isTrue();
        assertThat(h.update(false, true)).as("above the low bar: still anomalous").isTrue();
        assertThat(h.update(false, false)).isTrue();
        assertThat(h.update(false, false)).isTrue();
        assertThat(h.update(false, true)).as("a low-bar sample restarts the count").isTrue();
        assertThat(h.update(false, false)).isTrue();
        assertThat(h.update(false, false)).isTrue();
        assertThat(h.update(false, false)).isFalse();
    }

    @Test
    void confirmationNeedsTheFollowingSamplesAboveTheLowBar() {
        Hysteresis h = new Hysteresis(3, 1);
        assertThat(h.update(true, true)).isFalse();
        assertThat(h.update(false, true)).isFalse();
        assertThat(h.update(false, false)).as("the run broke before confirming").isFalse();
        assertThat(h.update(false, true)).as("no run without a high sample first").isFalse();
        assertThat(h.update(true, true)).isFalse();
        assertThat(h.update(false, true)).isFalse();
        assertThat(h.update(false, true)).isTrue();
        assertThat(h.update(false, false)).isFalse();
    }

    @Test
    void oneBarCallersGetConsecutiveCountsBothWays() {
        Hysteresis h = new Hysteresis(2, 2);
        assertThat(h.update(true, true)).isFalse();
        assertThat(h.update(false, false)).isFalse();
        assertThat(h.update(true, true)).isFalse();
        assertThat(h.update(true, true)).isTrue();
        assertThat(h.update(false, false)).isTrue();
        assertThat(h.update(false, false)).isFalse();
    }
}
