package io.podwatch.collectors.audit;

import io.podwatch.core.config.Config;
import io.podwatch.core.rules.audit.AuditRulesConfig;

/**
 * The audit source's whole configuration: the trail, its rules, and whether {@code audit.enabled}
 * was written in the file (then the trail runs even where auditd's log directory is missing).
 */
public record AuditConfig(AuditTrailConfig trail, AuditRulesConfig rules, boolean enabledExplicitly) {
    public static AuditConfig from(Config c) {
        return new AuditConfig(AuditTrailConfig.from(c), AuditRulesConfig.from(c), c.isSet(AuditKeys.ENABLED));
    }
}
