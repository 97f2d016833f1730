package io.podwatch.core.rules.audit;

import io.podwatch.core.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds an {@link AuditRule} criterion by criterion; used by the defaults and by config. */
public final class AuditRuleBuilder {
    private final String name;
    private final Severity severity;
    private final String summary;
    private final Set<String> keys = new HashSet<>();
    private final Set<String> syscalls = new HashSet<>();
    private final Set<String> recordTypes = new HashSet<>();
    private final List<PathGlob> paths = new ArrayList<>();
    private final List<PathGlob> excludePaths = new ArrayList<>();
    private final Set<String> eventTypes = new HashSet<>();
    private final Set<Long> auids = new HashSet<>();
    private final List<PathGlob> containers = new ArrayList<>();
    private Boolean inContainer;
    private boolean setuidExec;

    AuditRuleBuilder(String name, Severity severity, String summary) {
        this.name = name;
        this.severity = severity;
        this.summary = summary;
    }

    public static AuditRuleBuilder rule(String name, Severity severity, String summary) {
        return new AuditRuleBuilder(name, severity, summary);
    }

    public AuditRuleBuilder keys(List<String> v) {
        keys.addAll(v);
        return this;
    }

    public AuditRuleBuilder syscalls(String... v) {
        syscalls.addAll(List.of(v));
        return this;
    }

    public AuditRuleBuilder syscalls(List<String> v) {
        syscalls.addAll(v);
        return this;
    }

    public AuditRuleBuilder recordTypes(List<String> v) {
        recordTypes.addAll(v);
        return this;
    }

    public AuditRuleBuilder paths(String... globs) {
        return paths(List.of(globs));
    }

    public AuditRuleBuilder paths(List<String> globs) {
        globs.forEach(g -> paths.add(PathGlob.of(g)));
        return this;
    }

    public AuditRuleBuilder excludePaths(List<String> globs) {
        globs.forEach(g -> excludePaths.add(PathGlob.of(g)));
        return this;
    }

    public AuditRuleBuilder eventTypes(String... v) {
        eventTypes.addAll(List.of(v));
        return this;
    }

    public AuditRuleBuilder eventTypes(List<String> v) {
        eventTypes.addAll(v);
        return this;
    }

    public AuditRuleBuilder auids(List<Long> v) {
        auids.addAll(v);
        return this;
    }

    public AuditRuleBuilder containers(List<String> globs) {
        globs.forEach(g -> containers.add(PathGlob.of(g)));
        return this;
    }

    public AuditRuleBuilder inContainer(Boolean v) {
        inContainer = v;
        return this;
    }

    public AuditRuleBuilder setuidExec(boolean v) {
        setuidExec = v;
        return this;
    }

    public AuditRule build() {
        return new AuditRule(name, severity, summary, keys, syscalls, recordTypes, paths, excludePaths, eventTypes,
                auids, containers, inContainer, setuidExec);
    }
}
