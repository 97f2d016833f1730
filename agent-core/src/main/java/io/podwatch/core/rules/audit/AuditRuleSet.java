package io.podwatch.core.rules.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules in force; {@link #match} is pure and runs on the audit reading thread. */
public record AuditRuleSet(List<AuditRule> rules) {
    public AuditRuleSet {
        rules = List.copyOf(rules);
    }

    /** The rules an event's fields match, in declaration order; empty when none. */
    public List<AuditRule> match(Map<String, Object> fields) {
        List<AuditRule> out = null;
        for (AuditRule r : rules) {
            if (r.matches(fields)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(r);
            }
        }
        return out == null ? List.of() : out;
    }
}
