package io.podwatch.collectors.audit.enrich;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Makes a PATH record's name absolute the way the kernel resolved it: a relative name is relative
 * to the process's working directory (the event's CWD record) unless the syscall took a directory
 * descriptor other than {@code AT_FDCWD}, whose path the audit record does not carry. {@code .} and
 * {@code ..} are removed lexically, so {@code cd /etc && cat shadow} and {@code cat /tmp/../etc/shadow}
 * both become {@code /etc/shadow} before path rules match. Lexical only: symbolic links are not
 * followed (the record describes the other process's mount namespace, not ours). Pure.
 */
final class AuditPaths {
    /** {@code AT_FDCWD} (-100) as the audit record prints a 32-bit or 64-bit argument. */
    private static final long AT_FDCWD_32 = 0xffffff9cL;
    private static final long AT_FDCWD_64 = -100L;

    private AuditPaths() {
    }

    /** Syscalls whose first argument is the directory descriptor relative names start from. */
    private static final Set<String> DIRFD_FIRST = Set.of("openat", "openat2", "mkdirat", "mknodat", "fchownat",
            "futimesat", "newfstatat", "fstatat64", "unlinkat", "renameat", "renameat2", "linkat", "readlinkat",
            "fchmodat", "fchmodat2", "faccessat", "faccessat2", "execveat", "utimensat", "statx",
            "name_to_handle_at", "open_tree", "fspick", "mount_setattr", "move_mount", "setxattrat", "getxattrat",
            "listxattrat", "removexattrat");

    /**
     * Whether relative names of this syscall are relative to the working directory, given its
     * first two arguments as the SYSCALL record prints them.
     */
    static boolean relativeToCwd(String syscall, long a0, long a1) {
        if (syscall == null) {
            return true;
        }
        if (syscall.equals("symlinkat")) {
            return atCwd(a1); // symlinkat(target, newdirfd, linkpath)
        }
        return !DIRFD_FIRST.contains(syscall) || atCwd(a0);
    }

    private static boolean atCwd(long fd) {
        return fd == AT_FDCWD_32 || fd == AT_FDCWD_64;
    }

    /**
     * {@code name} made absolute against {@code cwd} (when {@code cwd} is known and absolute and
     * {@code relative} allows) and normalised; a relative name that cannot be resolved is returned
     * normalised but still relative.
     */
    static String resolve(String cwd, String name, boolean relative) {
        if (name.isEmpty()) {
            return name;
        }
        if (name.charAt(0) == '/') {
            return normalise(name);
        }
        if (relative && cwd != null && !cwd.isEmpty() && cwd.charAt(0) == '/') {
            return normalise(cwd + "/" + name);
        }
        return name;
    }

    /** Lexical normalisation of an absolute path: no empty, {@code .} or {@code ..} segments. */
    static String normalise(String absolute) {
        if (absolute.indexOf("/.") < 0 && absolute.indexOf("//") < 0
                && (absolute.length() == 1 || absolute.charAt(absolute.length() - 1) != '/')) {
            return absolute; // the common case: nothing to do, no allocation
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String s : absolute.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                parts.pollLast(); // "/.." is "/"
            } else {
                parts.addLast(s);
            }
        }
        return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
    }
}
