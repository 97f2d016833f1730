package io.podwatch.core.rules.audit;

import static io.podwatch.core.rules.audit.AuditRuleBuilder.rule;

import io.podwatch.core.model.Severity;
import java.util.List;

/**
 * The rules podwatch applies out of the box, drawn from the container-security guides in the seeds:
 * credential reads, setuid execs, identity changes, mounts, ptrace, module loads, writes to system
 * directories from a container, and tampering with audit itself. They fire only for events the
 * kernel logs, i.e. with the audit rules of {@code docs/audit.md} loaded.
 */
public final class DefaultAuditRules {
    private DefaultAuditRules() {
    }

    public static List<AuditRule> all() {
        return List.of(
                rule("sensitive-file-read", Severity.HIGH, "credential file opened")
                        .paths("/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/sudoers*",
                                "/etc/sudoers.d/**", "/**/.ssh/id_*", "/etc/ssh/ssh_host_*_key")
                        .excludePaths(List.of("/**.pub"))
                        .eventTypes("access", "change").build(),
                rule("setuid-exec", Severity.MEDIUM, "set-user-id or set-group-id program executed")
                        .syscalls("execve", "execveat").setuidExec(true).build(),
                rule("privilege-change", Severity.MEDIUM, "process changed its identity or capabilities")
                        .syscalls("setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setfsuid",
                                "setfsgid", "setgroups", "capset").build(),
                rule("mount", Severity.HIGH, "file system mounted or unmounted")
                        .syscalls("mount", "umount2", "fsmount", "move_mount", "open_tree", "mount_setattr").build(),
                rule("ptrace", Severity.HIGH, "process traced or its memory accessed")
                        .syscalls("ptrace", "process_vm_readv", "process_vm_writev").build(),
                rule("kernel-module", Severity.HIGH, "kernel module loaded or removed")
                        .syscalls("init_module", "finit_module", "delete_module").build(),
                rule("container-system-write", Severity.HIGH, "system directory changed from a container")
                        .inContainer(true).paths("/etc/**", "/usr/**", "/boot/**")
                        .eventTypes("change", "creation", "deletion").build(),
                rule("audit-config-change", Severity.HIGH, "audit rules or configuration changed")
                        .recordTypes(List.of("CONFIG_CHANGE")).build(),
                rule("audit-log-tamper", Severity.CRITICAL, "audit log or audit configuration files changed")
                        .paths("/var/log/audit/**", "/etc/audit/**", "/etc/libaudit.conf")
                        .eventTypes("change", "creation", "deletion").build());
    }
}
