package io.podwatch.collectors.posture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts about a running container read from the host's {@code /proc}: which processes run in it
 * (same cgroup as its init process, which also works for {@code --pid host}) and whether it
 * shares a namespace with the host (compared with pid 1's). Used where inspect is silent or wrong
 * (Podman 4.3 reports {@code --ipc host} as {@code shareable}).
 */
public final class ContainerProcesses {
    private final HostFiles host;

    public ContainerProcesses(HostFiles host) {
        this.host = host;
    }

    /** Command names ({@code comm}) of the container's processes; empty when not readable. */
    List<String> commands(long initPid) {
        Optional<String> cgroup = host.readProc("/proc/" + initPid + "/cgroup");
        if (initPid <= 0 || cgroup.isEmpty() || cgroup.get().isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (long pid : host.pids()) {
            if (pid == initPid || cgroup.equals(host.readProc("/proc/" + pid + "/cgroup"))) {
                host.readProc("/proc/" + pid + "/comm").map(String::trim).ifPresent(out::add);
            }
        }
        return out;
    }

    /** True/false when both links are readable, empty otherwise. */
    Optional<Boolean> sharesHostNamespace(long initPid, String ns) {
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
