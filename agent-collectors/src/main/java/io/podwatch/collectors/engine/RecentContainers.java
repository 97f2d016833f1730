package io.podwatch.collectors.engine;

import io.podwatch.core.model.ContainerRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Every container the engine trackers saw, by id, across engines — kept for {@code keep} after its
 * removal, because audit records are read after the fact: the records of {@code run --rm ... cat
 * /etc/shadow} are read when the container is gone from every engine's API, and must still name it.
 * The trackers write (events and inspects), the audit trail reads. Thread-safe; bounded (beyond
 * {@code max} the oldest removed entries go first, then new ones are not kept).
 */
public final class RecentContainers {
    /** What is known of one container. {@code initPid} 0 when unknown or not running. */
    public record Entry(EngineRef engine, ContainerRef ref, long initPid, Instant created) {
    }

    private final Clock clock;
    private final Duration keep;
    private final int max;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, Instant> removedAt = new HashMap<>();

    public RecentContainers(Clock clock, Duration keep, int max) {
        this.clock = clock;
        this.keep = keep;
        this.max = max;
    }

    /** The container exists with these facts; empty name/image and a 0 pid keep what was known. */
    public synchronized void seen(EngineRef engine, ContainerRef ref, long initPid) {
        Entry old = byId.get(ref.id());
        if (old == null && byId.size() >= max && !evictRemoved()) {
            return;
        }
        ContainerRef merged = old == null ? ref : new ContainerRef(ref.id(), pick(ref.name(), old.ref().name()),
                pick(ref.image(), old.ref().image()), pick(ref.pod(), old.ref().pod()));
        long pid = initPid > 0 ? initPid : old == null ? 0 : old.initPid();
        byId.put(ref.id(), new Entry(engine, merged, pid, old == null ? clock.instant() : old.created()));
        removedAt.remove(ref.id());
    }

    /** The container was removed: it is still answered for {@code keep}. */
    public synchronized void removed(String id) {
        if (byId.containsKey(id)) {
            removedAt.put(id, clock.instant());
        }
    }

    public synchronized Optional<Entry> get(String id) {
        Instant gone = removedAt.get(id);
        if (gone != null && clock.instant().isAfter(gone.plus(keep))) {
            byId.remove(id);
            removedAt.remove(id);
        }
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Drops expired removed entries, else the oldest removed one; false when none was removed. */
    private boolean evictRemoved() {
        Instant cutoff = clock.instant().minus(keep);
        String oldest = null;
        Instant oldestAt = null;
        boolean any = false;
        for (Iterator<Map.Entry<String, Instant>> it = removedAt.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (e.getValue().isBefore(cutoff)) {
                byId.remove(e.getKey());
                it.remove();
                any = true;
            } else if (oldestAt == null || e.getValue().isBefore(oldestAt)) {
                oldest = e.getKey();
                oldestAt = e.getValue();
            }
        }
        if (!any && oldest != null) {
            byId.remove(oldest);
            removedAt.remove(oldest);
            any = true;
        }
        return any;
    }

    private static String pick(String fresh, String old) {
        return fresh == null || fresh.isEmpty() ? old : fresh;
    }
}
