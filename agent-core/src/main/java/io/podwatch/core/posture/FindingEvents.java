package io.podwatch.core.posture;

import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Findings as event-log records (kind {@code state}, source {@code posture}): ECS {@code rule.*}
 * names the check, {@code vulnerability.*} carries severity and category as scanners do, and
 * {@code podwatch.posture.*} what ECS has no field for (status, evidence, accepted reason).
 */
public final class FindingEvents {
    public static final String SOURCE = "posture";
    /** A finding appeared or its status or evidence changed. */
    public static final String RAISED = "posture-finding";
    /** A finding no longer holds (fixed, or its container is gone). */
    public static final String RESOLVED = "posture-finding-resolved";
    public static final String RULESET = "podwatch-posture";

    private FindingEvents() {
    }

    /** With the guide's title as {@code rule.reference}; see {@link #raised(Finding, Instant, String)}. */
    public static Event raised(Finding f, Instant time) {
        return raised(f, time, f.check().seed().title());
    }

    /** @param reference where the check comes from, as a reader finds it: "guide — section" */
    public static Event raised(Finding f, Instant time, String reference) {
        String msg = f.check().id() + " " + f.status().label() + " on " + f.subjectName() + ": " + f.check().title()
                + (f.evidence().isEmpty() ? "" : " (" + f.evidence() + ")");
        Severity sev = f.status() == FindingStatus.FAILING ? f.check().severity() : Severity.INFO;
        return new Event(time, EventKind.STATE, RAISED, "configuration", sev, SOURCE, f.container(), msg, fields(f, reference));
    }

    public static Event resolved(Finding f, Instant time) {
        return resolved(f, time, f.check().seed().title());
    }

    public static Event resolved(Finding f, Instant time, String reference) {
        String msg = f.check().id() + " resolved on " + f.subjectName() + ": " + f.check().title();
        Map<String, Object> fields = fields(f, reference);
        fields.put("podwatch.posture.status", "resolved");
        return new Event(time, EventKind.STATE, RESOLVED, "configuration", Severity.INFO, SOURCE, f.container(), msg,
                fields);
    }

    private static Map<String, Object> fields(Finding f, String reference) {
        Check c = f.check();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule.id", c.id());
        m.put("rule.name", c.title());
        m.put("rule.category", c.scope().label());
        m.put("rule.ruleset", RULESET);
        m.put("rule.description", c.looksAt());
        m.put("rule.reference", reference);
        m.put("vulnerability.id", c.id());
        m.put("vulnerability.severity", c.severity().label());
        m.put("vulnerability.category", c.scope().label());
        m.put("vulnerability.description", c.title());
        m.put("vulnerability.scanner.vendor", "podwatch");
        m.put("podwatch.posture.status", f.status().label());
        m.put("podwatch.posture.evidence", f.evidence());
        m.put("podwatch.posture.remediation", c.remediation());
        if (!f.reason().isEmpty()) {
            m.put("podwatch.posture.accepted_reason", f.reason());
        }
        return m;
    }
}
