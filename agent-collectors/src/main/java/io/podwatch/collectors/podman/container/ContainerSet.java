package io.podwatch.collectors.podman.container;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The current containers by id, kept by the {@link ContainerTracker} and read by the stats
 * collector. Bounded: beyond {@code max} new containers are not tracked (and counted), so a
 * runaway creator cannot grow the agent without limit; removed containers are evicted at once.
 * Thread-safe.
 */
public final class ContainerSet {
    private final int max;
    private final Map<String, ContainerInfo> byId = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    public ContainerSet(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.max = max;
    }

    public Optional<ContainerInfo> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Adds or replaces; false when the set is full and {@code c} is new. */
    public boolean put(ContainerInfo c) {
        if (!byId.containsKey(c.id()) && byId.size() >= max) {
            refused.incrementAndGet();
            return false;
        }
        byId.put(c.id(), c);
        return true;
    }

    public void remove(String id) {
        byId.remove(id);
    }

    /** Keeps only the ids in {@code present}. */
    public void retainOnly(Collection<String> present) {
        byId.keySet().retainAll(present);
    }

    public List<ContainerInfo> all() {
        return List.copyOf(byId.values());
    }

    public List<ContainerInfo> running() {
        return byId.values().stream().filter(ContainerInfo::running).toList();
    }

    public int size() {
        return byId.size();
    }

    /** Containers not tracked because the set was full. */
    public long refused() {
        return refused.get();
    }
}
