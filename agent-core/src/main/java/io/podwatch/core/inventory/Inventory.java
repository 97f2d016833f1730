package io.podwatch.core.inventory;

import io.podwatch.core.collect.LogThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ContainerInventory} the agent owns: one per agent, fed by one {@link InventoryFeed}
 * per engine and owner. Every change goes through one lock so listeners see the changes of all
 * feeds one at a time, in the order they were applied; reads go to concurrent maps and take no lock.
 */
public final class Inventory implements ContainerInventory {
    private static final Logger LOG = LoggerFactory.getLogger(Inventory.class);

    private final Object lock = new Object();
    private final Map<ContainerKey, ContainerInfo> byKey = new ConcurrentHashMap<>();
    private final Map<String, ContainerKey> keyById = new ConcurrentHashMap<>();
    private final Map<Long, ContainerKey> keyByPid = new ConcurrentHashMap<>();
    private final List<InventoryFeed> feeds = new CopyOnWriteArrayList<>();
    private final List<InventoryListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong listenerFailures = new AtomicLong();
    private final LogThrottle throttle;

    public Inventory(Clock clock) {
        this.throttle = new LogThrottle(clock, Duration.ofMinutes(1));
    }

    /**
     * A feed for one engine and owner; {@code maxContainers} bounds what it may add (beyond it new
     * containers are refused and counted, so a runaway creator cannot grow the agent without limit).
     */
    public InventoryFeed feed(String engine, String owner, int maxContainers) {
        InventoryFeed feed = new InventoryFeed(this, engine, owner, maxContainers);
        feeds.add(feed);
        return feed;
    }

    public List<InventoryFeed> feeds() {
        return List.copyOf(feeds);
    }

    @Override
    public List<ContainerInfo> all() {
        return List.copyOf(byKey.values());
    }

    @Override
    public Optional<ContainerInfo> get(ContainerKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Optional<ContainerInfo> byId(String id) {
        ContainerKey key = keyById.get(id);
        return key == null ? Optional.empty() : get(key);
    }

    @Override
    public List<ContainerInfo> byName(String name) {
        return byKey.values().stream().filter(c -> c.name().equals(name)).toList();
    }

    @Override
    public Optional<ContainerInfo> byInitPid(long pid) {
        ContainerKey key = pid > 0 ? keyByPid.get(pid) : null;
        return key == null ? Optional.empty() : get(key).filter(c -> c.pid() == pid);
    }

    @Override
    public Optional<ContainerInfo> find(String nameOrId) {
        if (nameOrId == null || nameOrId.isEmpty()) {
            return Optional.empty();
        }
        Optional<ContainerInfo> exact = byId(nameOrId);
        if (exact.isPresent()) {
            return exact;
        }
        List<ContainerInfo> named = byName(nameOrId);
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        if (!named.isEmpty() || nameOrId.length() < 12) {
            return Optional.empty();
        }
        List<ContainerInfo> prefixed = byKey.values().stream().filter(c -> c.id().startsWith(nameOrId)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    @Override
    public boolean synced() {
        return feeds.stream().allMatch(InventoryFeed::synced);
    }

    @Override
    public Subscription subscribe(InventoryListener listener) {
        synchronized (lock) {
            listeners.add(listener);
            for (ContainerInfo c : byKey.values()) {
                call(listener, l -> l.added(c));
            }
        }
        return () -> listeners.remove(listener);
    }

    /** Listener calls that threw, over the inventory's life. */
    public long listenerFailures() {
        return listenerFailures.get();
    }

    /** Applies one feed's change and tells the listeners; false when a new container was refused. */
    boolean put(ContainerInfo now, int feedSize, int max) {
        synchronized (lock) {
            ContainerInfo before = byKey.get(now.key());
            if (before == null && feedSize >= max) {
                return false;
            }
            if (now.equals(before)) {
                return true;
            }
            byKey.put(now.key(), now);
            keyById.put(now.id(), now.key());
            if (before != null && before.pid() != now.pid()) {
                keyByPid.remove(before.pid(), now.key());
            }
            if (now.pid() > 0) {
                keyByPid.put(now.pid(), now.key());
            }
            for (InventoryListener l : listeners) {
                call(l, before == null ? x -> x.added(now) : x -> x.changed(before, now));
            }
            return true;
        }
    }

    /** Removes one container and tells the listeners; the container that was there, if any. */
    ContainerInfo remove(ContainerKey key) {
        synchronized (lock) {
            ContainerInfo last = byKey.remove(key);
            if (last == null) {
                return null;
            }
            keyById.remove(key.id(), key);
            keyByPid.remove(last.pid(), key);
            for (InventoryListener l : listeners) {
                call(l, x -> x.removed(last));
            }
            return last;
        }
    }


    /** Caller holds the lock. */
    private void call(InventoryListener listener, java.util.function.Consumer<InventoryListener> change) {
        try {
            change.accept(listener);
        } catch (RuntimeException e) {
            listenerFailures.incrementAndGet();
            String note = throttle.note();
            if (note != null) {
                LOG.warn("inventory listener {} failed: {}{}", listener.getClass().getName(), e.toString(), note);
            }
        }
    }
}
