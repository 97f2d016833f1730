package io.podwatch.core.model;

/**
 * The contract of container lifecycle events the Podman collector emits (source {@code podman},
 * kind {@link EventKind#EVENT}, category {@code process}) and detectors consume. The action is
 * {@code container-<podman status>}.
 */
public final class ContainerEvents {
    public static final String SOURCE = "podman";
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
    /** When the container's current run started (ISO-8601), when known. */
    public static final String STARTED_AT = "podwatch.container.started_at";

    private ContainerEvents() {
    }

    public static String action(String podmanStatus) {
        return "container-" + podmanStatus;
    }
}
