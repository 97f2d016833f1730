package io.podwatch.collectors.audit;

import io.podwatch.core.config.Config;
import io.podwatch.core.rules.audit.AuditRuleSettings;

/**
 * The audit source's whole configuration: the trail, its rules, and whether {@code audit.enabled}
 * was written in the file (then the trail runs even where auditd's log directory is missing).
 */
public record AuditConfig(AuditSettings trail, AuditRuleSettings rules, boolean enabledExplicitly) {
    public static AuditConfig from(Config c) {
        return new AuditConfig(AuditSettings.from(c), AuditRuleSettings.from(c), c.isSet(AuditSettings.ENABLED));
    }
}
