package io.podwatch.core.rules.audit;

import io.podwatch.core.model.Severity;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named condition on one decoded audit event (its ECS fields). Every non-empty criterion must
 * hold; within a criterion any listed value will do. Immutable; matching is pure and cheap.
 *
 * @param keys audit rule keys ({@code -k}), any of {@code auditd.key}
 * @param syscalls syscall names ({@code auditd.data.syscall})
 * @param recordTypes record types, any of {@code auditd.records}
 * @param paths path patterns, any of {@code file.path}
 * @param excludePaths path patterns that veto a match (e.g. SSH public keys)
 * @param eventTypes ECS {@code event.type}s (access, change, creation, deletion, start)
 * @param auids login uids ({@code user.audit.id})
 * @param containers container name patterns; {@code inContainer} true/false/null (either)
 * @param setuidExec true: only execs of a set-user-id or set-group-id program
 */
public record AuditRule(String name, Severity severity, String summary, Set<String> keys, Set<String> syscalls,
                        Set<String> recordTypes, List<PathGlob> paths, List<PathGlob> excludePaths,
                        Set<String> eventTypes, Set<Long> auids, List<PathGlob> containers, Boolean inContainer,
                        boolean setuidExec) {
    public AuditRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        summary = summary == null ? name : summary;
        keys = Set.copyOf(keys);
        syscalls = Set.copyOf(syscalls);
        recordTypes = Set.copyOf(recordTypes);
        paths = List.copyOf(paths);
        excludePaths = List.copyOf(excludePaths);
        eventTypes = Set.copyOf(eventTypes);
        auids = Set.copyOf(auids);
        containers = List.copyOf(containers);
    }

    public boolean matches(Map<String, Object> f) {
        return anyOf(keys, f.get("auditd.key"))
                && anyOf(syscalls, f.get("auditd.data.syscall"))
                && anyOf(recordTypes, f.get("auditd.records"))
                && pathsMatch(f.get("file.path"))
                && anyOf(eventTypes, f.get("event.type"))
                && (auids.isEmpty() || f.get("user.audit.id") instanceof Long auid && auids.contains(auid))
                && (inContainer == null || inContainer == f.containsKey("container.id"))
                && (containers.isEmpty() || anyGlob(containers, f.get("container.name")))
                && (!setuidExec || Boolean.TRUE.equals(f.get("process.setuid"))
                        || Boolean.TRUE.equals(f.get("process.setgid")));
    }

    private boolean pathsMatch(Object value) {
        if (paths.isEmpty()) {
            return true;
        }
        if (!(value instanceof Collection<?> list)) {
            return false;
        }
        for (Object p : list) {
            String path = String.valueOf(p);
            if (anyGlob(paths, path) && !anyGlob(excludePaths, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyGlob(List<PathGlob> globs, Object value) {
        for (PathGlob g : globs) {
            if (value != null && g.matches(value.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyOf(Set<String> wanted, Object value) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (value instanceof Collection<?> list) {
            for (Object o : list) {
                if (wanted.contains(String.valueOf(o))) {
                    return true;
                }
            }
            return false;
        }
        return value != null && wanted.contains(value.toString());
    }
}
