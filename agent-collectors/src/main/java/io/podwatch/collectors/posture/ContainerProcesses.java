package io.podwatch.collectors.posture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about running containers read from the host's {@code /proc}: which processes run in a
 * container (same cgroup as its init process, which also works for {@code --pid host}) and
 * whether it shares a namespace with the host (compared with pid 1's). Used where inspect is
 * silent or wrong (Podman 4.3 reports {@code --ipc host} as {@code shareable}).
 *
 * <p>The process table is read once, on first use, and kept: one instance serves one scan
 * (walking /proc costs ~40 ms at 400 processes; once per container would multiply that). Not
 * thread-safe; a scan uses it from one thread.
 */
public final class ContainerProcesses {
    private final HostFiles host;
    private Map<String, List<String>> commandsByCgroup;

    public ContainerProcesses(HostFiles host) {
        this.host = host;
    }

    /** A new instance with its own, not yet read, process table: call once per scan. */
    public ContainerProcesses fresh() {
        return new ContainerProcesses(host);
    }

    /** Command names ({@code comm}) of the container's processes; empty when not readable. */
    public List<String> commands(long initPid) {
        Optional<String> cgroup = initPid <= 0 ? Optional.empty() : host.readProc("/proc/" + initPid + "/cgroup");
        if (cgroup.isEmpty() || cgroup.get().isBlank()) {
            return List.of();
        }
        return table().getOrDefault(cgroup.get(), List.of());
    }

    private Map<String, List<String>> table() {
        if (commandsByCgroup == null) {
            commandsByCgroup = new HashMap<>();
            for (long pid : host.pids()) {
                Optional<String> cgroup = host.readProc("/proc/" + pid + "/cgroup");
                Optional<String> comm = host.readProc("/proc/" + pid + "/comm");
                if (cgroup.isPresent() && comm.isPresent()) {
                    commandsByCgroup.computeIfAbsent(cgroup.get(), k -> new ArrayList<>()).add(comm.get().trim());
                }
            }
        }
        return commandsByCgroup;
    }

    /** True/false when both links are readable, empty otherwise. */
    public Optional<Boolean> sharesHostNamespace(long initPid, String ns) {
        if (initPid <= 0) {
            return Optional.empty();
        }
        Optional<String> mine = host.namespace(initPid, ns);
        Optional<String> hosts = host.namespace(1, ns);
        if (mine.isEmpty() || hosts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mine.get().equals(hosts.get()));
    }
}
