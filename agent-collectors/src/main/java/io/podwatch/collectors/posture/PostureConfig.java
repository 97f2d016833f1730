package io.podwatch.collectors.posture;

import io.podwatch.core.config.Config;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.AllowRule;
import io.podwatch.core.posture.Allowlist;
import java.time.Duration;

/** The validated posture configuration. */
public record PostureConfig(boolean enabled, Duration interval, Duration hostInterval, Severity alertMinSeverity,
                            int unusedDays, Allowlist allow) {
    /** From a config validated against {@link PostureKeys#all()}; no I/O. */
    public static PostureConfig from(Config c) {
        Allowlist allow = new Allowlist(c.get(PostureKeys.ALLOW).stream()
                .map(r -> new AllowRule(r.get(PostureKeys.ALLOW_CHECK), r.get(PostureKeys.ALLOW_NAME),
                        r.get(PostureKeys.ALLOW_LABEL), r.get(PostureKeys.ALLOW_REASON)))
                .toList());
        return new PostureConfig(c.get(PostureKeys.ENABLED), c.get(PostureKeys.INTERVAL),
                c.get(PostureKeys.HOST_INTERVAL), Severity.parse(c.get(PostureKeys.ALERT_MIN_SEVERITY)),
                c.get(PostureKeys.UNUSED_DAYS), allow);
    }
}
