package io.podwatch.core.model;

import java.util.List;

/**
 * The audit trail's metric families and source name, kept in core because the audit detector reads
 * them (it matches these constants, not name strings).
 */
public final class AuditMetrics {
    /** Source of the audit trail's events and the audit status collector's batches. */
    public static final String SOURCE = "audit";
    public static final MetricDef EVENTS = MetricDef.counter("podwatch_audit_events_total", "",
            "Audit events assembled, by main record type and first audit key", "type", "key");
    public static final MetricDef RECORDS = MetricDef.counter("podwatch_audit_records_total", "",
            "audit.log records parsed");
    public static final MetricDef PARSE_ERRORS = MetricDef.counter("podwatch_audit_parse_errors_total", "",
            "audit.log lines that are not audit records (skipped)");
    public static final MetricDef MATCHED = MetricDef.counter("podwatch_audit_rule_matches_total", "",
            "Audit events that matched at least one rule");
    public static final MetricDef POSSIBLY_LOST = MetricDef.counter("podwatch_audit_possibly_lost_total", "",
            "Audit serial numbers never seen: events the kernel or auditd may have lost");
    public static final MetricDef EVICTED = MetricDef.counter("podwatch_audit_evicted_total", "",
            "Events closed early because too many were open (audit.max-events-in-flight)");
    public static final MetricDef READABLE = MetricDef.gauge("podwatch_audit_log_readable", "",
            "1 when podwatch can read the audit log");
    public static final MetricDef ENGINE_RULE = MetricDef.gauge("podwatch_audit_engine_rule", "",
            "1 when the loaded audit rules cover what container attribution needs (rule=docker-client: the docker"
                    + " client's exec; rule=runtime: runc/crun's exec), 0 when missing (docs/engines.md)", "rule");
    public static final MetricDef KERNEL_ENABLED = MetricDef.gauge("podwatch_audit_kernel_enabled", "",
            "Kernel audit status: 0 disabled, 1 enabled, 2 enabled and locked (auditctl -s)");
    public static final MetricDef KERNEL_LOST = MetricDef.counter("podwatch_audit_kernel_lost_total", "",
            "Audit records the kernel dropped (auditctl -s lost)");
    public static final MetricDef KERNEL_BACKLOG = MetricDef.gauge("podwatch_audit_kernel_backlog", "",
            "Audit records waiting in the kernel for auditd");
    public static final MetricDef KERNEL_BACKLOG_LIMIT = MetricDef.gauge("podwatch_audit_kernel_backlog_limit", "",
            "Kernel audit backlog limit");
    public static final MetricDef KERNEL_RULES = MetricDef.gauge("podwatch_audit_kernel_rules", "",
            "Audit rules loaded in the kernel (auditctl -l)");

    private AuditMetrics() {
    }

    public static List<MetricDef> all() {
        return List.of(EVENTS, RECORDS, PARSE_ERRORS, MATCHED, POSSIBLY_LOST, EVICTED, READABLE, KERNEL_ENABLED,
                KERNEL_LOST, KERNEL_BACKLOG, KERNEL_BACKLOG_LIMIT, KERNEL_RULES, ENGINE_RULE);
    }
}
