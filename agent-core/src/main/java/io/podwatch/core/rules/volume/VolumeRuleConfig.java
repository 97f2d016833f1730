package io.podwatch.core.rules.volume;

import io.podwatch.core.config.Config;
import java.time.Duration;

/** The volume alerts' thresholds, read from {@link VolumeRuleKeys}. */
public record VolumeRuleConfig(Duration attributionWait, int massAbsolute, double massRelative,
                                 Duration quietPeriod) {
    public static VolumeRuleConfig from(Config c) {
        return new VolumeRuleConfig(c.get(VolumeRuleKeys.ATTRIBUTION_WAIT), c.get(VolumeRuleKeys.MASS_ABSOLUTE),
                c.get(VolumeRuleKeys.MASS_RELATIVE), c.get(VolumeRuleKeys.QUIET_PERIOD));
    }
}
