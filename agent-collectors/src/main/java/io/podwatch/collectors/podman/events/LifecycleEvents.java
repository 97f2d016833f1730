package io.podwatch.collectors.podman.events;

import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the container lifecycle {@link Event}s of the {@link ContainerEvents} contract from a
 * Podman event and what is known about the container. Pure.
 */
public final class LifecycleEvents {
    /** The Podman statuses that become events; the rest (init, cleanup, attach, exec, ...) are noise here. */
    static final Set<String> EMITTED = Set.of("create", "start", "restart", "died", "oom", "remove", "stop");

    private LifecycleEvents() {
    }

    public static Optional<Event> of(PodmanEvent e, ContainerInfo known) {
        return of(e, known, known != null ? EngineRef.of(known.key()) : EngineRef.ROOTFUL_PODMAN);
    }

    public static Optional<Event> of(PodmanEvent e, ContainerInfo known, EngineRef engine) {
        if (!e.isContainer() || !EMITTED.contains(e.status())) {
            return Optional.empty();
        }
        ContainerRef ref = new ContainerRef(e.id(), e.name().isEmpty() && known != null ? known.name() : e.name(),
                e.image().isEmpty() && known != null ? known.image() : e.image(), known == null ? "" : known.pod());
        Map<String, Object> fields = engineFields(engine);
        Severity severity = Severity.INFO;
        String message = "container " + ref.display() + " " + e.status();
        if (e.status().equals("died")) {
            if (e.exitCode().isPresent()) {
                int code = e.exitCode().getAsInt();
                fields.put(ContainerEvents.EXIT_CODE, code);
                message = "container " + ref.display() + " died with exit code " + code;
                severity = code == 0 ? Severity.INFO : Severity.MEDIUM;
            }
        } else if (e.status().equals("oom")) {
            severity = Severity.HIGH;
            message = "container " + ref.display() + " ran out of memory";
        } else if (e.status().equals("restart")) {
            severity = Severity.LOW;
        }
        restartFields(fields, known);
        return Optional.of(new Event(e.time(), EventKind.EVENT, ContainerEvents.action(e.status()), "process",
                severity, ContainerEvents.source(engine.engine()), ref, message, fields));
    }

    /**
     * The kernel OOM-killed {@code kills} processes of the container (its cgroup's counter moved),
     * whatever the engine said.
     */
    public static Event oomKilled(ContainerRef ref, EngineRef engine, long kills, Instant at) {
        Map<String, Object> fields = engineFields(engine);
        fields.put(ContainerEvents.OOM_KILLS, kills);
        return new Event(at, EventKind.EVENT, ContainerEvents.OOM, "process", Severity.HIGH,
                ContainerEvents.source(engine.engine()), ref, "container " + ref.display() + " (" + engine
                + "): the kernel OOM-killed " + kills + (kills == 1 ? " process" : " processes")
                + " (memory cgroup oom_kill counter)", fields);
    }

    /** The container's engine and owner, on every lifecycle event. */
    public static Map<String, Object> engineFields(EngineRef engine) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ContainerEvents.ENGINE, engine.engine());
        fields.put(ContainerEvents.OWNER, engine.owner());
        return fields;
    }

    /** The poll fallback's event: restarts happened that no event told us about. */
    public static Event restartsObserved(ContainerInfo now, int delta, Instant at) {
        Map<String, Object> fields = engineFields(EngineRef.of(now.key()));
        fields.put(ContainerEvents.RESTART_DELTA, delta);
        restartFields(fields, now);
        return new Event(at, EventKind.EVENT, ContainerEvents.RESTARTS_OBSERVED, "process",
                delta > 0 ? Severity.LOW : Severity.INFO, ContainerEvents.source(now.engine()), now.ref(),
                "container " + now.ref().display() + " restarted " + delta + " time(s) since the last poll"
                        + " without events being seen", fields);
    }

    private static void restartFields(Map<String, Object> fields, ContainerInfo known) {
        if (known == null || !known.inspected()) {
            return;
        }
        fields.put(ContainerEvents.RESTART_COUNT, known.restartCount());
        if (!known.restartPolicy().isEmpty()) {
            fields.put(ContainerEvents.RESTART_POLICY, known.restartPolicy());
            fields.put(ContainerEvents.RESTART_MAX, known.restartMax());
        }
        if (known.startedAt() != null) {
            fields.put(ContainerEvents.STARTED_AT, known.startedAt().toString());
        }
    }
}
