package io.podwatch.collectors.audit;

import io.podwatch.core.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/** The audit trail's settings; rules are in {@code io.podwatch.core.rules.audit.AuditRuleSettings}. */
public record AuditTrailConfig(boolean enabled, Path log, boolean fromBeginning, boolean logAllEvents,
                            Duration eventTimeout, int maxInFlight, Duration pollInterval,
                            Duration statusInterval, Duration containerCacheTtl) {
    public static AuditTrailConfig from(Config c) {
        return new AuditTrailConfig(c.get(AuditKeys.ENABLED), Path.of(c.get(AuditKeys.LOG)), c.get(AuditKeys.START).equals("beginning"),
                c.get(AuditKeys.LOG_ALL), c.get(AuditKeys.EVENT_TIMEOUT), c.get(AuditKeys.MAX_IN_FLIGHT), c.get(AuditKeys.POLL), c.get(AuditKeys.STATUS_INTERVAL),
                c.get(AuditKeys.CONTAINER_CACHE_TTL));
    }
}
