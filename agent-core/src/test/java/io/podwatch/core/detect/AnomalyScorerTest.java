package io.podwatch.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyScorerTest {
    static final long FIVE_MIN = 300_000L;
    final AnomalyScorer d = new AnomalyScorer(AnomalyScorerConfig.defaults());

    @Test
    void flatSeriesScoresZeroThroughout() {
        for (int i = 0; i < 5_000; i++) {
            assertThat(d.update(i * FIVE_MIN, 42.0)).isZero();
        }
        assertThat(d.baseline()).isEqualTo(42.0);
    }

    @Test
    void warmupScoresZeroEvenForWildValues() {
        Random rnd = new Random(3);
        for (int i = 0; i < AnomalyScorerConfig.WARMUP_SAMPLES; i++) {
            assertThat(d.update(i * FIVE_MIN, rnd.nextDouble() * (i % 10 == 0 ? 1_000 : 1))).isZero();
        }
    }

    @Test
    void levelShiftAlertsOnceThenReBaselines() {
        Random rnd = new Random(5);
        List<Integer> alerts = new ArrayList<>();
        double baselineAfterRun = 0;
        for (int i = 0; i < 1_400; i++) {
            if (i == 1_013) {
                baselineAfterRun = d.baseline();
            }
            double v = (i < 1_000 ? 10 : 30) + rnd.nextDouble() - 0.5;   // bounded noise: see the noise test
            if (d.update(i * FIVE_MIN, v) >= AnomalyScorerConfig.ALERT_SCORE) {
                alerts.add(i);
            }
        }
        assertThat(alerts).as("samples scoring at or above 0.5").hasSize(1);
        assertThat(alerts.get(0)).isBetween(1_000, 1_002);
        assertThat(baselineAfterRun).as("re-baselined after a run of 12 exceedances").isCloseTo(30, within(0.5));
        assertThat(d.baseline()).isCloseTo(30, within(0.5));
        assertThat(d.spread()).isLessThan(1);
    }

    /**
     * The score ranks a series against its own history, so noise with no anomaly in it still
     * scores alert-worthy now and then (a few samples per 10,000, as measured in
     * docs/anomaly-detection.md); the live agent's absolute condition (SignalPolicy) silences
     * those. Bounded noise after warm-up: under the threshold almost always.
     */
    @Test
    void noisySeriesWithoutAnomaliesRarelyReachesTheThresholdAfterWarmup() {
        int alertWorthy = 0;
        int scored = 0;
        for (long seed = 1; seed <= 5; seed++) {
            AnomalyScorer det = new AnomalyScorer(AnomalyScorerConfig.defaults());
            Random rnd = new Random(seed);
            for (int i = 0; i < 10_000; i++) {
                double noise = seed % 2 == 0 ? rnd.nextGaussian() * 5 : rnd.nextDouble() * 10;
                double score = det.update(i * FIVE_MIN, 100 + noise);
                if (i >= AnomalyScorerConfig.WARMUP_SAMPLES) {
                    scored++;
                    alertWorthy += score >= AnomalyScorerConfig.ALERT_SCORE ? 1 : 0;
                }
            }
        }
        System.out.printf("noise: %d alert-worthy of %d scored samples%n", alertWorthy, scored);
        assertThat(alertWorthy).as("alert-worthy samples per 50,000 of pure noise").isLessThanOrEqualTo(50);
    }

    @Test
    void dailySquareWaveIsQuietOnceLearned() {
        double max = 0;
        for (int i = 0; i < 288 * 20; i++) {   // 20 days of 5-minute samples
            long t = i * FIVE_MIN;
            boolean day = (t / 3_600_000L) % 24 >= 8 && (t / 3_600_000L) % 24 < 18;
            double score = d.update(t, day ? 80 : 20);
            if (i >= 288 * 3) {
                max = Math.max(max, score);
            }
        }
        assertThat(max).isLessThan(AnomalyScorerConfig.ALERT_SCORE);
    }

    @Test
    void dismissedAlertDoesNotMuteTheNextOne() {
        AnomalyScorer kept = new AnomalyScorer(AnomalyScorerConfig.defaults());
        for (int i = 0; i < 300; i++) {
            d.update(i * FIVE_MIN, 10 + (i % 2) * 0.1);
            kept.update(i * FIVE_MIN, 10 + (i % 2) * 0.1);
        }
        assertThat(d.update(300 * FIVE_MIN, 11)).isGreaterThanOrEqualTo(0.5);
        assertThat(kept.update(300 * FIVE_MIN, 11)).isGreaterThanOrEqualTo(0.5);
        d.dismissAlert();
        assertThat(d.inRefractory()).isFalse();
        assertThat(kept.inRefractory()).isTrue();
        assertThat(d.update(301 * FIVE_MIN, 50)).isGreaterThanOrEqualTo(0.5);
        assertThat(kept.update(301 * FIVE_MIN, 50)).as("halved in the refractory").isLessThan(0.5);
    }

    @Test
    void settingsRejectNonsense() {
        AnomalyScorerConfig s = AnomalyScorerConfig.defaults();
        assertThat(s.withWarmup(30).warmupSamples()).isEqualTo(30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.withAlertScore(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alertScore");
    }
}
