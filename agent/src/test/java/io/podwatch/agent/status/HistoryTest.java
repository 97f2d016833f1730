package io.podwatch.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryTest {
    @Test
    void mergesPointsCloserThanTheStepAndKeepsTheLastHour() {
        History h = new History();
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        h.add(t, 1, 10, 0, 0, 0.2);
        h.add(t.plusSeconds(1), 3, 30, 0, 0, 0.9); // 1 s interval: merged into the 5 s point
        History.Points p = h.copy();
        assertThat(p.time()).hasSize(1);
        assertThat(p.series()[0][0]).isEqualTo(2.0);
        assertThat(p.series()[4][0]).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
        for (int i = 1; i <= History.POINTS + 10; i++) {
            h.add(t.plusSeconds(5L * i), i, i, i, i, Double.NaN);
        }
        p = h.copy();
        assertThat(p.time()).hasSize(History.POINTS);
        assertThat(p.time()[p.time().length - 1] - p.time()[0]).isEqualTo(5L * (History.POINTS - 1));
        assertThat(p.series()[0][p.time().length - 1]).isEqualTo(History.POINTS + 10);
    }
}
