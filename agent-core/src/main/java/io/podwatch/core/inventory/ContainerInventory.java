package io.podwatch.core.inventory;

import java.util.List;
import java.util.Optional;

/**
 * The one view of every container on the host, from every engine's feed (rootful Podman, each
 * rootless user's Podman, Docker). Stats, posture, audit attribution and the volume watcher read
 * it or subscribe to it instead of asking an engine themselves.
 *
 * <p>Reads are lock-free and may be called from any thread; they see each feed's changes in order.
 * See {@link InventoryListener} for which thread calls listeners.
 */
public interface ContainerInventory {
    /** Every known container, in no particular order. */
    List<ContainerInfo> all();

    Optional<ContainerInfo> get(ContainerKey key);

    /**
     * A container by full id on any engine (ids are random 256-bit values, so two engines do not
     * share one); what the audit trail finds in a process's cgroup.
     */
    Optional<ContainerInfo> byId(String id);

    /** Containers with this name (names are unique per engine and owner, not across them). */
    List<ContainerInfo> byName(String name);

    /** The container whose init process is {@code pid}, if any. */
    Optional<ContainerInfo> byInitPid(long pid);

    /**
     * What a user typed on the command line: a name, a full id, or an id prefix of at least 12
     * characters; empty when nothing or more than one container matches.
     */
    Optional<ContainerInfo> find(String nameOrId);

    /** True once every feed has listed its engine completely at least once. */
    boolean synced();

    /**
     * Registers {@code listener} and calls its {@link InventoryListener#added} for every container
     * known now, on the caller's thread, before any later change reaches it (no gap, no repeat).
     */
    Subscription subscribe(InventoryListener listener);

    /** Ends a subscription; idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
