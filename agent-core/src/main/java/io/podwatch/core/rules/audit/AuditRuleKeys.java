package io.podwatch.core.rules.audit;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.Setting;
import io.podwatch.core.config.ValueTypes;
import io.podwatch.core.model.Severity;
import java.time.Duration;
import java.util.List;

/** The config keys of {@link AuditRulesConfig}: declarations only (names, types, defaults, docs). */
public final class AuditRuleKeys {
    static final Setting<String> NAME = Setting.of("name", ValueTypes.nonEmpty("a rule name"), null,
            "Rule name, shown in alerts (label rule) and events (rule.name). Required.");
    static final Setting<String> SEVERITY = Setting.of("severity",
            ValueTypes.oneOf("info", "low", "medium", "high", "critical"), "medium", "Severity of matches.");
    static final Setting<String> SUMMARY = Setting.of("summary", ValueTypes.string(), "",
            "One line saying what a match means; defaults to the name.");
    static final Setting<List<String>> KEYS = Setting.of("keys", ValueTypes.stringList(), List.of(),
            "Audit rule keys (auditctl -k); any of them.");
    static final Setting<List<String>> SYSCALLS = Setting.of("syscalls", ValueTypes.stringList(), List.of(),
            "Syscall names, e.g. openat, execve; any of them.");
    static final Setting<List<String>> RECORD_TYPES = Setting.of("record-types", ValueTypes.stringList(), List.of(),
            "Record types, e.g. CONFIG_CHANGE, USER_AUTH; any of them.");
    static final Setting<List<String>> PATHS = Setting.of("paths", ValueTypes.stringList(), List.of(),
            "Path patterns (* within a directory, ** across) matched against every PATH record's name.");
    static final Setting<List<String>> EXCLUDE_PATHS = Setting.of("exclude-paths", ValueTypes.stringList(),
            List.of(), "Path patterns that veto a path match.");
    static final Setting<List<String>> EVENT_TYPES = Setting.of("event-types", ValueTypes.stringList(), List.of(),
            "ECS event.type: access, change, creation, deletion, start; any of them.");
    static final Setting<List<Integer>> AUIDS = Setting.of("auids",
            ValueTypes.listOf(ValueTypes.integer(0, Integer.MAX_VALUE)), List.of(),
            "Login uids (the person behind the process); any of them.");
    static final Setting<List<String>> CONTAINERS = Setting.of("containers", ValueTypes.stringList(), List.of(),
            "Container name patterns; any of them (implies the event came from a container).");
    static final Setting<String> IN_CONTAINER = Setting.of("in-container", ValueTypes.oneOf("any", "true", "false"),
            "any", "Only events from containers (true), only from the host (false), or either.");
    static final Setting<Boolean> SETUID_EXEC = Setting.of("setuid-exec", ValueTypes.bool(), false,
            "Only execs of set-user-id or set-group-id programs.");

    public static final Setting<List<Config>> RULES = Setting.of("audit.rules",
            ValueTypes.objects("audit rules (name, severity, keys, syscalls, paths, auids, containers...)",
                    ruleSettings()), List.of(),
            "Operator audit rules, added to the defaults. Every listed criterion must hold.");
    public static final Setting<Boolean> DEFAULT_RULES = Setting.of("audit.default-rules", ValueTypes.bool(), true,
            "Apply podwatch's default rules (docs/audit.md): credential reads, setuid execs, mounts, ptrace...");
    public static final Setting<Duration> QUIET_PERIOD = Setting.of("audit.alert-quiet-period",
            ValueTypes.duration(Duration.ofSeconds(10), Duration.ofDays(1)), Duration.ofMinutes(10),
            "An audit alert resolves after its rule matched nothing for this long.");

    static List<Setting<?>> ruleSettings() {
        return List.of(NAME, SEVERITY, SUMMARY, KEYS, SYSCALLS, RECORD_TYPES, PATHS, EXCLUDE_PATHS, EVENT_TYPES,
                AUIDS, CONTAINERS, IN_CONTAINER, SETUID_EXEC);
    }

    public static List<Setting<?>> all() {
        return List.of(DEFAULT_RULES, RULES, QUIET_PERIOD);
    }

    static AuditRule rule(Config r, String where) {
        String name = r.get(NAME);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(where + ".name: missing; expected a rule name");
        }
        String inContainer = r.get(IN_CONTAINER);
        List<String> containers = r.get(CONTAINERS);
        String summary = r.get(SUMMARY);
        return AuditRuleBuilder.rule(name, Severity.parse(r.get(SEVERITY)), summary.isEmpty() ? name : summary)
                .keys(r.get(KEYS)).syscalls(r.get(SYSCALLS)).recordTypes(r.get(RECORD_TYPES))
                .paths(r.get(PATHS)).excludePaths(r.get(EXCLUDE_PATHS)).eventTypes(r.get(EVENT_TYPES))
                .auids(r.get(AUIDS).stream().map(Integer::longValue).toList()).containers(containers)
                .inContainer(!containers.isEmpty() || inContainer.equals("true") ? Boolean.TRUE
                        : inContainer.equals("false") ? Boolean.FALSE : null)
                .setuidExec(r.get(SETUID_EXEC)).build();
    }

    private AuditRuleKeys() {
    }
}
