package io.podwatch.collectors.audit.enrich;

import io.podwatch.collectors.audit.parse.AuditEvent;
import io.podwatch.collectors.audit.parse.AuditRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file side of an event: {@code file.path} (decoded PATH names made absolute against the CWD
 * record and normalised, see {@link AuditPaths}), what was done to them as ECS
 * {@code event.type} (access, change, creation, deletion, start) and whether an exec ran a
 * set-user-id or set-group-id program ({@code process.setuid}/{@code process.setgid}).
 */
final class FileFacts {
    private static final int O_ACCMODE = 3;
    private static final int O_CREAT = 0x40;
    private static final int O_TRUNC = 0x200;
    private static final Set<String> DELETING = Set.of("unlink", "unlinkat", "rmdir");
    private static final Set<String> CHANGING = Set.of("rename", "renameat", "renameat2", "chmod", "fchmod",
            "fchmodat", "fchmodat2", "chown", "fchown", "lchown", "fchownat", "truncate", "ftruncate",
            "setxattr", "lsetxattr", "fsetxattr", "removexattr", "lremovexattr", "fremovexattr", "utimensat",
            "link", "linkat", "symlink", "symlinkat", "mknod", "mknodat", "mkdir", "mkdirat", "creat");

    private FileFacts() {
    }

    static void add(AuditEvent event, String syscall, AuditRecord p, Map<String, Object> f) {
        List<String> paths = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        AuditRecord cwdRecord = event.first("CWD");
        String cwd = cwdRecord == null ? null : cwdRecord.text("cwd");
        boolean relative = AuditPaths.relativeToCwd(syscall, p.hexNumber("a0", -1), p.hexNumber("a1", -1));
        for (AuditRecord r : event.records()) {
            if (!r.type().equals("PATH")) {
                continue;
            }
            String name = r.text("name");
            if (name != null) {
                paths.add(AuditPaths.resolve(cwd, name, relative));
            }
            String nametype = r.raw("nametype");
            if ("CREATE".equals(nametype)) {
                types.add("creation");
            } else if ("DELETE".equals(nametype)) {
                types.add("deletion");
            }
            if ("execve".equals(syscall) || "execveat".equals(syscall)) {
                long item = r.number("item", -1);
                long mode = octal(r.raw("mode"));
                if (item == 0 && mode >= 0) {
                    f.put("process.setuid", (mode & 04000) != 0);
                    f.put("process.setgid", (mode & 02000) != 0);
                }
            }
        }
        if (!paths.isEmpty()) {
            f.put("file.path", paths);
        }
        if (syscall != null) {
            classify(syscall, p, types);
            long mode = requestedMode(syscall, p);
            if (mode >= 0) {
                f.put("auditd.data.mode", mode); // what chmod asked for: the setuid bits show here
            }
        }
        if (!types.isEmpty()) {
            f.put("event.type", List.copyOf(types));
        }
    }

    private static void classify(String syscall, AuditRecord p, Set<String> types) {
        switch (syscall) {
            case "execve", "execveat" -> types.add("start");
            case "open" -> openFlags(p.hexNumber("a1", -1), types);
            case "openat" -> openFlags(p.hexNumber("a2", -1), types);
            default -> {
                if (DELETING.contains(syscall)) {
                    types.add("deletion");
                } else if (CHANGING.contains(syscall)) {
                    types.add("change");
                }
            }
        }
    }

    /** The mode argument of the chmod family (a1 of chmod/fchmod, a2 of fchmodat/fchmodat2), or -1. */
    private static long requestedMode(String syscall, AuditRecord p) {
        return switch (syscall) {
            case "chmod", "fchmod" -> p.hexNumber("a1", -1);
            case "fchmodat", "fchmodat2" -> p.hexNumber("a2", -1);
            default -> -1;
        };
    }

    private static void openFlags(long flags, Set<String> types) {
        if (flags < 0) {
            return;
        }
        boolean write = (flags & O_ACCMODE) != 0 || (flags & (O_CREAT | O_TRUNC)) != 0;
        types.add(write ? "change" : "access");
    }

    private static long octal(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
