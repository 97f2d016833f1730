package io.podwatch.collectors.engine;

import java.util.List;
import java.util.Set;

/**
 * The container id in the command line of a container monitor or runtime: conmon's {@code -c ID},
 * containerd-shim's {@code -id ID}, and runc/crun's last argument for the subcommands that act on
 * one container. Trusted only when the executable lives in a root-owned system directory, so a
 * user's own program called "conmon" cannot claim a container's identity. Pure.
 */
public final class MonitorArgs {
    private static final List<String> SYSTEM_DIRS = List.of("/usr/bin/", "/usr/sbin/", "/usr/libexec/", "/usr/lib/",
            "/bin/", "/sbin/", "/usr/local/bin/", "/usr/local/libexec/");
    private static final Set<String> RUNTIME_VERBS = Set.of("create", "exec", "start", "run", "kill", "delete",
            "pause", "resume", "update");

    private MonitorArgs() {
    }

    /** The 64-hex container id, or null when {@code argv} is not a trusted monitor or runtime acting on one. */
    public static String containerId(String executable, List<String> argv) {
        if (executable == null || argv == null || argv.isEmpty() || !trusted(executable)) {
            return null;
        }
        String base = executable.substring(executable.lastIndexOf('/') + 1);
        if (base.equals("conmon")) {
            return hex64(valueOf(argv, "-c", "--cid"));
        }
        if (base.startsWith("containerd-shim")) {
            return hex64(valueOf(argv, "-id", "--id"));
        }
        if (base.equals("runc") || base.equals("crun")) {
            boolean acts = argv.stream().anyMatch(RUNTIME_VERBS::contains);
            return acts ? hex64(argv.get(argv.size() - 1)) : null;
        }
        return null;
    }

    /**
     * Whether this is a runtime creating or entering the container, whose parent is then the
     * container's monitor (conmon or the shim); {@code runc kill/delete} are run by the engine's
     * CLI or daemon, which are not the container.
     */
    public static boolean spawnsContainerProcess(String executable, List<String> argv) {
        String base = executable.substring(executable.lastIndexOf('/') + 1);
        return (base.equals("runc") || base.equals("crun"))
                && argv.stream().anyMatch(a -> a.equals("create") || a.equals("exec") || a.equals("run"));
    }

    /** Whether {@code executable} lives in a root-owned system directory. */
    public static boolean trusted(String executable) {
        if (executable.contains("/../") || executable.contains("/./")) {
            return false;
        }
        for (String d : SYSTEM_DIRS) {
            if (executable.startsWith(d)) {
                return true;
            }
        }
        return false;
    }

    private static String valueOf(List<String> argv, String shortName, String longName) {
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if ((a.equals(shortName) || a.equals(longName)) && i + 1 < argv.size()) {
                return argv.get(i + 1);
            }
            if (a.startsWith(longName + "=")) {
                return a.substring(longName.length() + 1);
            }
        }
        return null;
    }

    /** {@code s} when it is a 64-character lower-case hex id, else null. */
    public static String hex64(String s) {
        if (s == null || s.length() != 64) {
            return null;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return s;
    }
}
