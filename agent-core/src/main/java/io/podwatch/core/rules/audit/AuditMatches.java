package io.podwatch.core.rules.audit;

import io.podwatch.core.model.AuditMetrics;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the rules an audit event matched travel on the event, so they are matched once, where the
 * event is made, with the one rule set, and read by the detector as data: ECS {@code rule.name}
 * and {@code rule.description} (lists, one entry per matched rule) and
 * {@code podwatch.rule.severity} beside them.
 */
public final class AuditMatches {
    static final String NAMES = "rule.name";
    static final String DESCRIPTIONS = "rule.description";
    static final String SEVERITIES = "podwatch.rule.severity";

    /** One matched rule as the event carries it. */
    public record Match(String rule, Severity severity, String summary) {
    }

    private AuditMatches() {
    }

    /** Writes the matched rules into an event's fields; nothing when none matched. */
    public static void stamp(Map<String, Object> fields, List<AuditRule> matched) {
        if (matched.isEmpty()) {
            return;
        }
        fields.put(NAMES, matched.stream().map(AuditRule::name).toList());
        fields.put(DESCRIPTIONS, matched.stream().map(AuditRule::summary).toList());
        fields.put(SEVERITIES, matched.stream().map(r -> r.severity().label()).toList());
    }

    /** The rules an audit event matched; empty for other events. */
    public static List<Match> of(Event e) {
        if (!AuditMetrics.SOURCE.equals(e.source()) || !(e.fields().get(NAMES) instanceof List<?> names)) {
            return List.of();
        }
        List<?> descriptions = e.fields().get(DESCRIPTIONS) instanceof List<?> l ? l : List.of();
        List<?> severities = e.fields().get(SEVERITIES) instanceof List<?> l ? l : List.of();
        List<Match> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = String.valueOf(names.get(i));
            Severity sev = i < severities.size() ? severity(severities.get(i), e.severity()) : e.severity();
            String summary = i < descriptions.size() ? String.valueOf(descriptions.get(i)) : name;
            out.add(new Match(name, sev, summary));
        }
        return out;
    }

    private static Severity severity(Object label, Severity fallback) {
        try {
            return Severity.parse(String.valueOf(label));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
