package io.podwatch.collectors.audit.enrich;

import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.ContainerRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds who and where to decoded fields: user and group names for the numeric ids (the ids stay the
 * truth), and the container the process ran in. {@code user.audit.id} is the auid of the event's
 * process — for {@code podman exec} the caller's; {@code container.started_by.audit.id} is the
 * auid of the container's first process, i.e. of whoever started it. Not thread-safe.
 */
public final class Attribution {
    private static final long STARTER_TTL_MILLIS = 60_000;

    private final UserDb users;
    private final ProcessContainers processes;
    private final ContainerNames names;
    private final Path proc;
    private final TtlCache<Long, Long> loginUids;

    public Attribution(UserDb users, ProcessContainers processes, ContainerNames names, Path proc, Clock clock) {
        this.users = users;
        this.processes = processes;
        this.names = names;
        this.proc = proc;
        this.loginUids = new TtlCache<>(clock, 1024);
    }

    /** Adds names and container fields to {@code f}; returns the container, or null on the host. */
    public ContainerRef attribute(Map<String, Object> f) {
        name(f, "user.audit.id", "user.audit.name", true);
        name(f, "user.id", "user.name", true);
        name(f, "user.effective.id", "user.effective.name", true);
        name(f, "group.id", "group.name", false);
        long pid = number(f.get("process.pid"));
        if (pid <= 0) {
            return null;
        }
        long ppid = number(f.get("process.parent.pid"));
        if (f.get("process.args") instanceof List<?> args && f.get("process.executable") instanceof String exe) {
            processes.learnExec(pid, ppid, exe, args.stream().map(String::valueOf).toList());
        }
        String id = processes.containerOf(pid, ppid);
        if (id == null || id.isEmpty()) {
            return null;
        }
        processes.remember(pid, id); // children that exit before their event is read still resolve
        f.put("container.id", id);
        Optional<ContainerNames.Info> info = names.lookup(id);
        if (info.isEmpty()) {
            return ContainerRef.ofId(id);
        }
        ContainerRef ref = info.get().ref();
        putIfNotEmpty(f, "container.name", ref.name());
        putIfNotEmpty(f, ContainerEvents.ENGINE, info.get().engine().engine());
        putIfNotEmpty(f, ContainerEvents.OWNER, info.get().engine().owner());
        putIfNotEmpty(f, "container.image.name", ref.image());
        putIfNotEmpty(f, "container.pod", ref.pod());
        long starter = loginUid(info.get().initPid());
        if (starter >= 0) {
            f.put("container.started_by.audit.id", starter);
            String n = users.user(starter);
            if (n != null) {
                f.put("container.started_by.audit.name", n);
            }
        }
        return ref;
    }

    private void name(Map<String, Object> f, String idKey, String nameKey, boolean user) {
        Object id = f.get(idKey);
        if (id instanceof Long v) {
            String n = user ? users.user(v) : users.group(v);
            if (n != null) {
                f.put(nameKey, n);
            }
        }
    }

    private long loginUid(long pid) {
        if (pid <= 0) {
            return -1;
        }
        Long cached = loginUids.get(pid, null);
        if (cached != null) {
            return cached;
        }
        long v;
        try {
            v = Long.parseLong(Files.readString(proc.resolve(Long.toString(pid)).resolve("loginuid")).trim());
            v = v == EventDecoder.UNSET ? -1 : v;
        } catch (IOException | NumberFormatException e) {
            v = -1;
        }
        loginUids.put(pid, v, STARTER_TTL_MILLIS);
        return v;
    }

    private static void putIfNotEmpty(Map<String, Object> f, String k, String v) {
        if (v != null && !v.isEmpty()) {
            f.put(k, v);
        }
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : -1;
    }
}
