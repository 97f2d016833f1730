package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.Attribution;
import io.podwatch.collectors.audit.enrich.EventDecoder;
import io.podwatch.collectors.audit.parse.AuditEvent;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.core.model.AuditMetrics;
import io.podwatch.core.rules.audit.AuditMatches;
import io.podwatch.core.rules.audit.AuditRule;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.volume.VolumeDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Assembled event → decoded, attributed fields → rule matches → podwatch {@link Event}. Returns
 * null for an event no rule matched unless all events are to be logged. Not thread-safe.
 */
public final class AuditEventMapper {
    private final EventDecoder decoder;
    private final Attribution attribution;
    private final AuditRuleSet rules;
    private final boolean logAll;
    private final AuditStats stats;

    public AuditEventMapper(EventDecoder decoder, Attribution attribution, AuditRuleSet rules, boolean logAll,
                            AuditStats stats) {
        this.decoder = decoder;
        this.attribution = attribution;
        this.rules = rules;
        this.logAll = logAll;
        this.stats = stats;
    }

    public Event map(AuditEvent ae) {
        Map<String, Object> f = decoder.decode(ae);
        ContainerRef container = attribution.attribute(f, ae.key().epochMillis());
        Object keys = f.get("auditd.key");
        String firstKey = keys instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "";
        stats.event(ae.primary().type(), firstKey);
        List<AuditRule> matched = rules.match(f);
        // the volume watcher's own rules: no alert rule matches them, the volume detector reads them
        boolean volume = VolumeDirectory.idOfKey(firstKey) != null;
        if (matched.isEmpty() && !logAll && !volume) {
            return null;
        }
        Severity severity = Severity.INFO;
        for (AuditRule r : matched) {
            severity = r.severity().atLeast(severity) ? r.severity() : severity;
        }
        if (!matched.isEmpty()) {
            // the one place rules are matched: the detector reads name, severity and summary from here
            AuditMatches.stamp(f, matched);
            stats.matched.increment();
        }
        String action = (String) f.getOrDefault("auditd.data.syscall", f.get("auditd.message_type"));
        String message = matched.isEmpty() ? "" : message(matched, f, container);
        return new Event(Instant.ofEpochMilli(ae.key().epochMillis()), EventKind.EVENT, action, category(f),
                severity, AuditMetrics.SOURCE, container, message, f);
    }

    private static String category(Map<String, Object> f) {
        Object types = f.get("event.type");
        if (types instanceof List<?> l && l.contains("start")) {
            return "process";
        }
        return f.containsKey("file.path") ? "file" : "host";
    }

    private static String message(List<AuditRule> matched, Map<String, Object> f, ContainerRef c) {
        StringBuilder sb = new StringBuilder();
        if (!matched.isEmpty()) {
            sb.append(matched.get(0).summary()).append(": ");
        }
        Object who = f.getOrDefault("user.audit.name", f.getOrDefault("user.audit.id", "unset"));
        sb.append("auid ").append(who).append(" (uid ").append(f.getOrDefault("user.name", f.get("user.id")))
                .append(") ").append(f.getOrDefault("auditd.data.syscall", f.get("auditd.message_type")));
        Object exe = f.get("process.executable");
        if (exe != null) {
            sb.append(" by ").append(exe);
        }
        Object path = f.get("file.path");
        if (path instanceof List<?> l && !l.isEmpty()) {
            sb.append(" on ").append(l.get(0));
        }
        sb.append(c == null ? " on the host" : " in container " + c.display());
        return sb.toString();
    }
}
