package io.podwatch.core.posture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The current findings per subject (container id or {@link Finding#HOST}), and what changed when a
 * subject is re-evaluated: findings that are new or whose status or evidence changed, and findings
 * that are gone (fixed, or their container removed). Not thread-safe: the owner synchronises.
 */
public final class FindingLedger {
    /** What one re-evaluation changed. */
    public record Changes(List<Finding> raised, List<Finding> resolved) {
        public Changes {
            raised = List.copyOf(raised);
            resolved = List.copyOf(resolved);
        }

        public boolean isEmpty() {
            return raised.isEmpty() && resolved.isEmpty();
        }
    }

    private final Map<String, Map<String, Finding>> bySubject = new LinkedHashMap<>();

    /** Replaces every finding of {@code subject} (each must be about it); {@code current} may be empty. */
    public Changes replace(String subject, Collection<Finding> current) {
        Map<String, Finding> before = bySubject.getOrDefault(subject, Map.of());
        Map<String, Finding> after = new LinkedHashMap<>();
        List<Finding> raised = new ArrayList<>();
        for (Finding f : current) {
            if (!f.subject().equals(subject)) {
                throw new IllegalArgumentException(f.key() + " is not about " + subject);
            }
            after.put(f.key(), f);
            Finding old = before.get(f.key());
            if (old == null || old.status() != f.status() || !Objects.equals(old.evidence(), f.evidence())
                    || !Objects.equals(old.reason(), f.reason())) {
                raised.add(f);
            }
        }
        List<Finding> resolved = new ArrayList<>();
        before.forEach((k, f) -> {
            if (!after.containsKey(k)) {
                resolved.add(f);
            }
        });
        if (after.isEmpty()) {
            bySubject.remove(subject);
        } else {
            bySubject.put(subject, after);
        }
        return new Changes(raised, resolved);
    }

    public List<Finding> all() {
        List<Finding> out = new ArrayList<>();
        bySubject.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    public Map<String, List<Finding>> bySubject() {
        Map<String, List<Finding>> out = new HashMap<>();
        bySubject.forEach((s, m) -> out.put(s, List.copyOf(m.values())));
        return out;
    }
}
