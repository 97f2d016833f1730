package io.podwatch.collectors.posture;

import io.podwatch.core.config.Config;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.AllowRule;
import io.podwatch.core.posture.Allowlist;
import java.time.Duration;

/** The validated posture configuration. */
public record PostureConfig(boolean enabled, Duration interval, Duration hostInterval, Severity alertMinSeverity,
                            int unusedDays, Allowlist allow) {
    /** From a config validated against {@link PostureSettings#all()}; no I/O. */
    public static PostureConfig from(Config c) {
        Allowlist allow = new Allowlist(c.get(PostureSettings.ALLOW).stream()
                .map(r -> new AllowRule(r.get(PostureSettings.ALLOW_CHECK), r.get(PostureSettings.ALLOW_NAME),
                        r.get(PostureSettings.ALLOW_LABEL), r.get(PostureSettings.ALLOW_REASON)))
                .toList());
        return new PostureConfig(c.get(PostureSettings.ENABLED), c.get(PostureSettings.INTERVAL),
                c.get(PostureSettings.HOST_INTERVAL), Severity.parse(c.get(PostureSettings.ALERT_MIN_SEVERITY)),
                c.get(PostureSettings.UNUSED_DAYS), allow);
    }
}
