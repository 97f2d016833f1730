package io.podwatch.collectors.podman.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.collectors.podman.api.ApiStatusException;
import io.podwatch.collectors.podman.cgroup.OomCounters;
import io.podwatch.collectors.podman.events.LifecycleEvents;
import io.podwatch.collectors.podman.events.PodmanEvent;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.InventoryFeed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Podman's feed of the container inventory: keeps its {@link InventoryFeed} current with a full
 * re-list (at every events (re)connect and as the periodic poll fallback) and one event at a time
 * from the stream. Inspects a container when it is
 * new or its run changed, which is where restart count, policy, limits and cgroup come from. Emits
 * the lifecycle events; the re-list emits {@code container-restarts-observed} when a container's
 * RestartCount or StartedAt moved with no event seen for it. On a death it reads the kernel's OOM
 * counter of the container's cgroup before the engine removes it ({@link OomCounters}) and emits
 * {@code container-oom} when it moved, and keeps the died event's exit code. Called from the events thread and the
 * collector thread; the methods are synchronized so a re-list and an event never interleave.
 */
public final class ContainerTracker {
    private final PodmanApi api;
    private final InventoryFeed containers;
    private final Emitter out;
    private final Clock clock;
    private final EngineRef engine;
    private final OomCounters oom;
    private final Sightings sightings;
    /** Exit code of each container's last died event: inspect reports 0 again once a restart began. */
    private final Map<String, Integer> lastExit = new HashMap<>();

    /** With the host's cgroup and proc trees, for tests and tools. */
    public ContainerTracker(PodmanApi api, InventoryFeed containers, Emitter out, Clock clock) {
        this(api, containers, out, clock, new OomCounters(Path.of("/sys/fs/cgroup"), Path.of("/proc")),
                Sightings.create(clock));
    }

    /**
     * @param oom the kernel's OOM counters of the containers' cgroups, read at each death
     * @param sightings fed with each container seen and its conmon and init pids, for audit attribution
     */
    public ContainerTracker(PodmanApi api, InventoryFeed containers, Emitter out, Clock clock, OomCounters oom,
                            Sightings sightings) {
        this.api = api;
        this.containers = containers;
        this.out = out;
        this.clock = clock;
        this.engine = EngineRef.of(containers);
        this.oom = oom;
        this.sightings = sightings;
    }

    public EngineRef engine() {
        return engine;
    }

    public OomCounters oom() {
        return oom;
    }

    /** This engine's part of the inventory. */
    public InventoryFeed containers() {
        return containers;
    }

    /** True once a re-list has succeeded. */
    public boolean synced() {
        return containers.synced();
    }

    /** Lists every container, inspects the new and changed ones, drops the gone ones. */
    public synchronized void relist() throws IOException {
        List<JsonNode> entries = api.listContainers(true);
        Set<String> present = new HashSet<>();
        for (JsonNode entry : entries) {
            ContainerInfo listed = InspectJson.fromList(entry, containers.engine(), containers.owner());
            present.add(listed.id());
            Optional<ContainerInfo> known = containers.get(listed.id());
            if (known.isPresent() && known.get().inspected() && !moved(known.get(), listed)) {
                containers.put(sticky(listed.withDetailFrom(known.get())));
                continue;
            }
            Optional<ContainerInfo> now = inspect(listed.id());
            if (now.isEmpty()) {
                continue;
            }
            ContainerInfo fresh = sticky(now.get().withPodName(listed.pod()));
            containers.put(fresh);
            if (containers.synced() && known.isPresent() && known.get().inspected()) {
                observeRestarts(known.get(), fresh);
            }
        }
        containers.retainOnly(present);
        oom.retainOnly(present);
        lastExit.keySet().retainAll(present);
    }

    /** A run changed: another start, another restart, another state. */
    private static boolean moved(ContainerInfo known, ContainerInfo listed) {
        return !java.util.Objects.equals(known.startedAt() == null ? null : known.startedAt().getEpochSecond(),
                listed.startedAt() == null ? null : listed.startedAt().getEpochSecond())
                || !known.state().equals(listed.state())
                || (listed.restartCount() >= 0 && listed.restartCount() != known.restartCount());
    }

    private void observeRestarts(ContainerInfo before, ContainerInfo now) {
        int delta = Math.max(0, now.restartCount() - before.restartCount());
        boolean restarted = now.startedAt() != null && !now.startedAt().equals(before.startedAt())
                && before.startedAt() != null;
        if (delta > 0 || restarted) {
            out.event(LifecycleEvents.restartsObserved(now, delta, clock.instant()));
        }
    }

    /** Handles one line of the events stream. */
    public synchronized void onEvent(JsonNode json) {
        PodmanEvent e = PodmanEvent.parse(json);
        if (!e.isContainer()) {
            return;
        }
        ContainerInfo known = containers.get(e.id()).orElse(null);
        if (!e.status().equals("remove")) {
            sightings.containers().seen(engine, e.ref(), 0); // before a --rm container is gone from inspect
        }
        long oomKills = 0;
        switch (e.status()) {
            case "remove" -> forget(e.id());
            case "died" -> {
                oomKills = oom.check(e.id()); // first: the engine removes the cgroup soon after
                e.exitCode().ifPresent(code -> lastExit.put(e.id(), code));
                known = refresh(e.id(), known);
            }
            case "oom" -> {
                oom.check(e.id()); // the engine saw it: the counter's move is this event, not another
                known = refresh(e.id(), known);
            }
            case "create", "start", "restart", "stop" -> known = refresh(e.id(), known);
            default -> {
                return;
            }
        }
        LifecycleEvents.of(e, known, engine).ifPresent(out::event);
        if (oomKills > 0 && !e.status().equals("oom")) {
            out.event(LifecycleEvents.oomKilled(known != null ? known.ref() : e.ref(), engine, oomKills, e.time()));
        }
    }

    private void forget(String id) {
        containers.remove(id);
        oom.removed(id);
        sightings.pids().removeContainer(id);
        sightings.containers().removed(id);
        lastExit.remove(id);
    }

    /**
     * The exit code of the last died event wins over inspect's while the container is not in a
     * finished state (a restart policy has started it again, and inspect says 0).
     */
    private ContainerInfo sticky(ContainerInfo c) {
        Integer died = lastExit.get(c.id());
        if (c.state().equals("exited") || c.state().equals("stopped")) {
            lastExit.put(c.id(), c.exitCode());
            return c;
        }
        return died == null || died == c.exitCode() ? c : c.withExitCode(died);
    }

    /** A container's init and conmon now belong to it, for OOM counts and audit attribution. */
    private void observe(ContainerInfo c) {
        sightings.containers().seen(engine, c.ref(), c.running() ? c.pid() : 0);
        if (!c.running() || c.pid() <= 0) {
            return;
        }
        oom.running(c.id(), c.pid(), c.cgroupPath());
        sightings.pids().put(c.pid(), c.id());
        sightings.pids().put(c.conmonPid(), c.id());
    }

    /**
     * Inspects a container the inventory does not know yet (a consumer saw its id before the events
     * stream told us) and adds it; empty when the engine does not know it or cannot answer. Not
     * synchronized, so a caller on another thread never waits behind a slow re-list; emits nothing
     * (its start event follows on the stream).
     */
    public Optional<ContainerInfo> learn(String id) {
        Optional<ContainerInfo> known = containers.get(id);
        if (known.isPresent()) {
            return known;
        }
        try {
            Optional<ContainerInfo> now = inspect(id);
            now.ifPresent(containers::put);
            return now;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Re-inspects; keeps the old view when the API cannot answer right now. */
    private ContainerInfo refresh(String id, ContainerInfo known) {
        try {
            Optional<ContainerInfo> now = inspect(id);
            if (now.isEmpty()) {
                return known;
            }
            ContainerInfo fresh = sticky(now.get().withPodName(known == null ? "" : known.pod()));
            containers.put(fresh);
            return fresh;
        } catch (IOException e) {
            return known;
        }
    }

    private Optional<ContainerInfo> inspect(String id) throws IOException {
        try {
            ContainerInfo c = InspectJson.fromInspect(api.inspectContainer(id), containers.engine(), containers.owner());
            observe(c);
            return Optional.of(c);
        } catch (ApiStatusException e) {
            if (e.notFound()) {
                containers.remove(id);
                return Optional.empty();
            }
            throw e;
        }
    }
}
