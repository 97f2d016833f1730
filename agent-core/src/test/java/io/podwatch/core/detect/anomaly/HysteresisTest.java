package io.podwatch.core.detect.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HysteresisTest {
    @Test
    void needsConsecutiveVerdictsBothWays() {
        Hysteresis h = new Hysteresis(2, 3);
        assertThat(h.update(true)).isFalse();
        assertThat(h.update(false)).isFalse();
        assertThat(h.update(true)).isFalse();
        assertThat(h.update(true)).isTrue();
        assertThat(h.update(false)).isTrue();
        assertThat(h.update(true)).isTrue();
        assertThat(h.update(false)).isTrue();
        assertThat(h.update(false)).isTrue();
        assertThat(h.update(false)).isFalse();
    }
}
