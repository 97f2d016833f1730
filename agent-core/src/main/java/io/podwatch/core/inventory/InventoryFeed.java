package io.podwatch.core.inventory;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How one engine (for one owner) keeps its part of the {@link Inventory} current: it puts what it
 * listed or inspected, removes what the engine removed, and after a complete listing retains only
 * what it saw. Only containers of this feed's engine and owner are accepted. Writes may come from
 * several threads of the engine (its events thread, its collector); each call is applied atomically.
 */
public final class InventoryFeed {
    private final Inventory inventory;
    private final String engine;
    private final String owner;
    private final int max;
    private final Map<String, ContainerInfo> own = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean synced;

    InventoryFeed(Inventory inventory, String engine, String owner, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.inventory = inventory;
        this.engine = engine;
        this.owner = owner;
        this.max = max;
    }

    public String engine() {
        return engine;
    }

    public String owner() {
        return owner;
    }

    /** The key of one of this feed's containers. */
    public ContainerKey key(String id) {
        return new ContainerKey(engine, owner, id);
    }

    /** Adds or replaces; false when the feed is full and {@code c} is new (counted in {@link #refused}). */
    public synchronized boolean put(ContainerInfo c) {
        if (!c.engine().equals(engine) || !c.owner().equals(owner)) {
            throw new IllegalArgumentException("feed " + engine + "/" + owner + " cannot put " + c.key());
        }
        if (!inventory.put(c, own.size(), max)) {
            refused.incrementAndGet();
            return false;
        }
        own.put(c.id(), c);
        return true;
    }

    public synchronized void remove(String id) {
        if (own.remove(id) != null) {
            inventory.remove(key(id));
        }
    }

    /** After a complete listing: drops every container not in {@code present}, and marks the feed synced. */
    public synchronized void retainOnly(Collection<String> present) {
        Set<String> keep = new HashSet<>(present);
        for (String id : List.copyOf(own.keySet())) {
            if (!keep.contains(id)) {
                remove(id);
            }
        }
        synced = true;
    }

    /** Drops every container, e.g. when the engine is gone for good. */
    public synchronized void clear() {
        retainOnly(Set.of());
    }

    public Optional<ContainerInfo> get(String id) {
        return Optional.ofNullable(own.get(id));
    }

    /** This feed's containers. */
    public List<ContainerInfo> all() {
        return List.copyOf(own.values());
    }

    public List<ContainerInfo> running() {
        return own.values().stream().filter(ContainerInfo::running).toList();
    }

    public int size() {
        return own.size();
    }

    /** Containers not tracked because the feed was full. */
    public long refused() {
        return refused.get();
    }

    /** True once a complete listing has been applied. */
    public boolean synced() {
        return synced;
    }
}
