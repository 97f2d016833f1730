package io.podwatch.core.model;

/**
 * The contract of container lifecycle events the engine collectors emit (source {@code podman} or
 * {@code docker}, see {@link #fromEngine}; kind {@link EventKind#EVENT}, category {@code process},
 * fields {@link #ENGINE} and {@link #OWNER}) and detectors consume. The action is
 * {@code container-<status>} in Podman's words (Docker's {@code die} is {@code died}).
 */
public final class ContainerEvents {
    public static final String SOURCE = "podman";
    /** The source of Docker's lifecycle events. */
    public static final String DOCKER_SOURCE = "docker";
    public static final String CREATE = "container-create";
    public static final String START = "container-start";
    public static final String DIED = "container-died";
    public static final String RESTART = "container-restart";
    public static final String OOM = "container-oom";
    public static final String REMOVE = "container-remove";
    public static final String STOP = "container-stop";
    /** Emitted by the poll fallback when RestartCount/StartedAt moved without the events being seen. */
    public static final String RESTARTS_OBSERVED = "container-restarts-observed";

    /** ECS field: exit code of a died container (number). */
    public static final String EXIT_CODE = "process.exit_code";
    /** Restart count Podman reports for the container, when known (number). */
    public static final String RESTART_COUNT = "podwatch.container.restart_count";
    /** Restart policy name (no, always, on-failure, unless-stopped), when known. */
    public static final String RESTART_POLICY = "podwatch.container.restart_policy";
    /** Maximum retries of an on-failure policy, when known (number, 0 = unbounded). */
    public static final String RESTART_MAX = "podwatch.container.restart_max_retries";
    /** How many restarts the poll fallback saw without events (number; 0 when only StartedAt moved). */
    public static final String RESTART_DELTA = "podwatch.container.restart_delta";
    /** The container's engine: podman or docker. */
    public static final String ENGINE = "container.engine";
    /** Whose engine: root, or the rootless user's name. */
    public static final String OWNER = "container.owner";
    /** Processes the kernel OOM-killed in the container's memory cgroup since the last count (number). */
    public static final String OOM_KILLS = "podwatch.container.oom_kills";
    /** When the container's current run started (ISO-8601), when known. */
    public static final String STARTED_AT = "podwatch.container.started_at";

    private ContainerEvents() {
    }

    /** The source of an engine's lifecycle events: {@code podman} or {@code docker}. */
    public static String source(String engine) {
        return DOCKER_SOURCE.equals(engine) ? DOCKER_SOURCE : SOURCE;
    }

    /** Whether events of this source follow this contract (either engine's lifecycle events). */
    public static boolean fromEngine(String source) {
        return SOURCE.equals(source) || DOCKER_SOURCE.equals(source);
    }

    /**
     * The labels of an alert about the event's container: {@code container} (its name), plus
     * {@code engine} and {@code owner} when the event names them, so two engines' containers of the
     * same name are two alerts. Insertion-ordered; the caller must not modify it.
     */
    public static java.util.Map<String, String> containerLabels(Event e) {
        java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("container", e.container() == null ? "" : e.container().display());
        if (e.fields().get(ENGINE) instanceof String engine && !engine.isEmpty()) {
            labels.put("engine", engine);
        }
        if (e.fields().get(OWNER) instanceof String owner && !owner.isEmpty()) {
            labels.put("owner", owner);
        }
        return java.util.Collections.unmodifiableMap(labels);
    }

    public static String action(String podmanStatus) {
        return "container-" + podmanStatus;
    }
}
