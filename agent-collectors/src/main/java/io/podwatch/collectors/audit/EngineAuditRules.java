package io.podwatch.collectors.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the loaded audit rules ({@code auditctl -l}) cover what container attribution needs
 * (docs/engines.md): the exec of the {@code docker} client (Docker's processes have no login uid:
 * the client call is the only record of who asked) and of the runtime (which container an exec
 * entered, when its processes are gone before their records are read). A binary that is not
 * installed needs no rule. Pure but for {@link #installed}.
 */
final class EngineAuditRules {
    static final List<String> DOCKER_CLIENTS = List.of("/usr/bin/docker", "/usr/local/bin/docker");
    static final List<String> RUNTIMES = List.of("/usr/sbin/runc", "/usr/bin/runc", "/usr/bin/crun");

    private EngineAuditRules() {
    }

    /** {@code docker-client} and {@code runtime}: 1 covered, 0 missing; absent when nothing is installed. */
    static Map<String, Integer> coverage(String auditctlList, List<String> dockerClients, List<String> runtimes) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (!dockerClients.isEmpty()) {
            out.put("docker-client", dockerClients.stream().allMatch(b -> covered(auditctlList, b)) ? 1 : 0);
        }
        if (!runtimes.isEmpty()) {
            out.put("runtime", runtimes.stream().allMatch(b -> covered(auditctlList, b)) ? 1 : 0);
        }
        return out;
    }

    /** A watch with x on the binary, an execve rule on its path, or an execve rule for every process. */
    static boolean covered(String rules, String binary) {
        for (String line : rules.split("\n")) {
            String l = line.trim();
            boolean watch = l.startsWith("-w " + binary + " ") && l.matches(".*-p [rwa]*x[rwa]*.*");
            boolean execve = l.matches(".*-S [\\w,]*\\bexecve\\b.*");
            boolean onBinary = l.contains("path=" + binary) || l.contains("exe=" + binary);
            boolean everyone = execve && !l.contains("path=") && !l.contains("exe=") && !l.contains("auid=")
                    && !l.contains("uid=") && !l.contains("gid=") && l.startsWith("-a always,exit");
            if (watch || (execve && onBinary) || everyone) {
                return true;
            }
        }
        return false;
    }

    /** The ones of {@code candidates} that exist on this host. */
    static List<String> installed(List<String> candidates) {
        return candidates.stream().filter(b -> Files.isRegularFile(Path.of(b))).toList();
    }
}
