package io.podwatch.collectors.volume;

import io.podwatch.collectors.audit.AuditComponents;
import io.podwatch.collectors.audit.AuditConfig;
import io.podwatch.core.config.Config;
import io.podwatch.core.rules.volume.VolumeRuleConfig;

/**
 * The volume source's whole configuration: the watcher, its alert thresholds, and whether the audit
 * trail runs (the per-volume audit rules are only worth adding when something reads their records).
 */
public record VolumeConfig(VolumeWatcherConfig watcher, VolumeRuleConfig rules, AuditConfig audit) {
    public static VolumeConfig from(Config c) {
        return new VolumeConfig(VolumeWatcherConfig.from(c), VolumeRuleConfig.from(c), AuditConfig.from(c));
    }

    /** Whether the audit trail runs; looks at the host (auditd's log directory): call at wiring only. */
    public boolean auditTrail() {
        return AuditComponents.wanted(audit);
    }
}
