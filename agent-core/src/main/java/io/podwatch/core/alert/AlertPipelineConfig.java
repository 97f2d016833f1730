package io.podwatch.core.alert;

import io.podwatch.core.config.Config;
import java.time.Duration;
import java.util.List;

/**
 * The pipeline's behaviour under {@code alerts:}. Durations follow Alertmanager's route options
 * (same names and meaning), so operators can reason about both the same way.
 */
public record AlertPipelineConfig(List<String> groupBy, Duration groupWait, Duration groupInterval,
                                    Duration repeatInterval, int flapThreshold, Duration flapWindow) {
    public static AlertPipelineConfig from(Config c) {
        return new AlertPipelineConfig(c.get(AlertPipelineKeys.GROUP_BY), c.get(AlertPipelineKeys.GROUP_WAIT), c.get(AlertPipelineKeys.GROUP_INTERVAL),
                c.get(AlertPipelineKeys.REPEAT_INTERVAL), c.get(AlertPipelineKeys.FLAP_THRESHOLD), c.get(AlertPipelineKeys.FLAP_WINDOW));
    }
}
