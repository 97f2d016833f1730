package io.podwatch.core.inventory;

/**
 * Told about every change of the {@link ContainerInventory}. Each method has a default that does
 * nothing, so a listener implements only what it needs.
 *
 * <p>Threading: the inventory calls listeners on the thread of the feed that made the change (an
 * engine's events thread or its collector thread), one call at a time across all feeds and
 * listeners, in the order the changes were applied, after the inventory already shows the change.
 * Listeners must return quickly and must not block (no I/O, no waiting on locks another feed may
 * hold): hand real work to an owned thread or the processing stage. They may read the inventory.
 * A listener that throws is logged (at most once a minute) and counted; the others still run.
 */
public interface InventoryListener {
    /** A container the inventory did not have (including every container at {@code subscribe}). */
    default void added(ContainerInfo container) {
    }

    /** A known container whose information changed ({@code before.equals(after)} is false). */
    default void changed(ContainerInfo before, ContainerInfo after) {
    }

    /** A container the engine removed (or that its feed no longer lists); {@code last} as last known. */
    default void removed(ContainerInfo last) {
    }
}
