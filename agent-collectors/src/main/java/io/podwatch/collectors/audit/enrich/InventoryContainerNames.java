package io.podwatch.collectors.audit.enrich;

import io.podwatch.collectors.engine.EngineRef;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerInventory;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ContainerNames} read from the container inventory. A container's first processes are
 * audited before the engine's events stream has told the inventory about it, so an id the
 * inventory does not know yet is asked of the engine's feed once ({@code learn}, which inspects it
 * and adds it to the inventory); an id the feed cannot find is not asked again for {@code missTtl},
 * so an engine outage costs one call per unknown container per few seconds, not one per event.
 * Thread-safe (synchronised; after warm-up lookups are map reads).
 */
public final class InventoryContainerNames implements ContainerNames {
    private final ContainerInventory inventory;
    private final Function<String, Optional<ContainerInfo>> learn;
    private final long missTtlMillis;
    private final TtlCache<String, Boolean> misses;

    /**
     * @param learn asks the engine about an id the inventory does not have yet (e.g.
     *     {@code ContainerTracker::learn}); empty when it does not know it either
     */
    public InventoryContainerNames(ContainerInventory inventory, Function<String, Optional<ContainerInfo>> learn,
                                   Clock clock, Duration missTtl, int maxMisses) {
        this.inventory = inventory;
        this.learn = learn;
        this.missTtlMillis = Math.max(1000, missTtl.toMillis());
        this.misses = new TtlCache<>(clock, maxMisses);
    }

    @Override
    public synchronized Optional<Info> lookup(String containerId) {
        Optional<ContainerInfo> known = inventory.byId(containerId);
        if (known.isEmpty() && misses.get(containerId, null) == null) {
            known = learn.apply(containerId);
            if (known.isEmpty()) {
                misses.put(containerId, Boolean.TRUE, missTtlMillis);
            }
        }
        return known.map(c -> new Info(c.ref(), c.pid(), EngineRef.of(c.key())));
    }
}
