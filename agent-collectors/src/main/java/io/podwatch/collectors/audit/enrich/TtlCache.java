package io.podwatch.collectors.audit.enrich;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small map whose entries expire after a time-to-live and whose size is capped (least recently
 * used goes first), so caches of pids and containers never grow with the host's history.
 * Not thread-safe.
 */
final class TtlCache<K, V> {
    private final Clock clock;
    private final int maxSize;
    private final Map<K, Entry<V>> map;

    private record Entry<V>(V value, long expires) {
    }

    TtlCache(Clock clock, int maxSize) {
        this.clock = clock;
        this.maxSize = maxSize;
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > TtlCache.this.maxSize;
            }
        };
    }

    /** The live entry's value; {@code absent} when there is none (a cached null is returned as null). */
    V get(K key, V absent) {
        Entry<V> e = map.get(key);
        if (e == null) {
            return absent;
        }
        if (clock.millis() >= e.expires) {
            map.remove(key);
            return absent;
        }
        return e.value;
    }

    void put(K key, V value, long ttlMillis) {
        map.put(key, new Entry<>(value, clock.millis() + ttlMillis));
    }

    int size() {
        return map.size();
    }
}
