package io.podwatch.core.model;

/** ECS {@code event.kind}: what sort of record an event-log line is. */
public enum EventKind {
    /** Something happened (a container died, a syscall was audited). */
    EVENT,
    /** An alert changed state (firing or resolved). */
    ALERT,
    /** A periodic state observation such as a posture finding. */
    STATE;

    public String ecs() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
