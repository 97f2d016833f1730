package io.podwatch.collectors.audit.enrich;

import io.podwatch.core.inventory.ContainerKey;
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
    private final Clock clock;
    private final DockerClients dockerClients = new DockerClients();
    private final TtlCache<String, DockerClients.Call> starters;

    public Attribution(UserDb users, ProcessContainers processes, ContainerNames names, Path proc, Clock clock) {
        this.users = users;
        this.processes = processes;
        this.names = names;
        this.proc = proc;
        this.loginUids = new TtlCache<>(clock, 1024);
        this.clock = clock;
        this.starters = new TtlCache<>(clock, 4096);
    }

    /** Adds names and container fields to {@code f}; returns the container, or null on the host. */
    public ContainerRef attribute(Map<String, Object> f) {
        return attribute(f, clock.millis());
    }

    /** As {@link #attribute(Map)} for an event that happened at {@code atMillis}. */
    public ContainerRef attribute(Map<String, Object> f, long atMillis) {
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
            List<String> argv = args.stream().map(String::valueOf).toList();
            dockerClients.exec(exe, argv, number(f.get("user.audit.id")), String.valueOf(f.get("auditd.session")),
                    atMillis);
            if (processes.learnExec(pid, ppid, exe, argv)) {
                return null; // conmon, the shim, runc: the engine's side, on the host, not in the container
            }
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
        if (ContainerKey.DOCKER.equals(info.get().engine().engine())) {
            dockerUser(f, ref, atMillis);
            return ref;
        }
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

    /**
     * Docker's processes have no login uid (they descend from dockerd): the docker client call that
     * started the container gives {@code started_by}, and the event's own user is the caller of a
     * {@code docker exec} into it a moment ago, else that starter ({@code user.audit.source} says which).
     */
    private void dockerUser(Map<String, Object> f, ContainerRef ref, long atMillis) {
        DockerClients.Call starter = starters.get(ref.id(), null);
        if (starter == null) {
            starter = dockerClients.starter(ref.name(), ref.id(), atMillis).orElse(null);
            if (starter != null) {
                starters.put(ref.id(), starter, STARTER_TTL_MILLIS * 60);
            }
        }
        if (starter != null) {
            f.put("container.started_by.audit.id", starter.auid());
            putIfNotEmpty(f, "container.started_by.audit.name", users.user(starter.auid()));
            putIfNotEmpty(f, "container.started_by.session", starter.session());
            f.put("container.started_by.command", starter.command());
        }
        if (f.containsKey("user.audit.id")) {
            return; // the kernel knew: it stays the truth
        }
        DockerClients.Call who = dockerClients.execInto(ref.name(), ref.id(), atMillis).orElse(starter);
        if (who != null) {
            f.put("user.audit.id", who.auid());
            putIfNotEmpty(f, "user.audit.name", users.user(who.auid()));
            f.put("user.audit.source", "docker " + who.verb());
        }
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
