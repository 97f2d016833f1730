package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.parse.EventKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Events already handed over that start after the checkpoint offset: re-reading from that offset
 * after a restart assembles them again, and this is how they are recognised and not repeated.
 * Entries go once the checkpoint moves past their first record. Not thread-safe.
 */
final class EmittedEvents {
    private final Map<String, Long> byKey = new HashMap<>();
    private final Set<String> restored = new HashSet<>();

    /** Keys saved by the previous run; they are dropped once the replay has passed them. */
    void restore(List<String> keys) {
        restored.addAll(keys);
    }

    boolean alreadyEmitted(EventKey key) {
        String k = key.format();
        return byKey.containsKey(k) || restored.contains(k);
    }

    void add(EventKey key, long firstPosition) {
        byKey.put(key.format(), firstPosition);
    }

    /** Drops what starts before {@code safe}; returns the keys to save with the checkpoint. */
    List<String> prune(long safe, boolean replayDone) {
        byKey.values().removeIf(p -> p < safe);
        if (replayDone) {
            restored.clear();
        }
        List<String> keep = new ArrayList<>(byKey.keySet());
        keep.addAll(restored);
        return keep;
    }
}
