package io.podwatch.collectors.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which container each engine-side process belongs to: Podman's conmon ({@code State.ConmonPid}),
 * Docker's containerd shim (the parent of {@code State.Pid}) and the containers' init processes.
 * The engine trackers write it when they inspect a container and clear it when the container is
 * removed; the audit trail reads it to attribute a process that exited before its records were
 * read, through that process's parent (a container's processes all descend from its monitor).
 * Thread-safe; bounded (an entry beyond the bound is not kept, never blocks a writer).
 */
public final class MonitorPids {
    private static final int MAX = 65_536;

    private final Map<Long, String> byPid = new ConcurrentHashMap<>();

    /** Remembers {@code pid} (a monitor or init process) as belonging to container {@code id}. */
    public void put(long pid, String id) {
        if (pid > 1 && id != null && !id.isEmpty() && byPid.size() < MAX) {
            byPid.put(pid, id);
        }
    }

    /** Forgets every pid of container {@code id} (it was removed). */
    public void removeContainer(String id) {
        byPid.values().removeIf(id::equals);
    }

    public Optional<String> containerOf(long pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    public int size() {
        return byPid.size();
    }
}
