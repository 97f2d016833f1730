package io.podwatch.collectors.audit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the audit trail, written by the reading thread and read by the metrics snapshot on
 * another. Event counts are per (record type, audit key); the label pairs are capped at
 * {@value #MAX_SERIES} and the rest counted under {@code other} so an operator's keys cannot
 * blow up {@code /metrics}.
 */
public final class AuditStats {
    static final int MAX_SERIES = 500;

    final LongAdder records = new LongAdder();
    final LongAdder parseErrors = new LongAdder();
    final LongAdder matched = new LongAdder();
    final AtomicLong possiblyLost = new AtomicLong();
    final AtomicLong evicted = new AtomicLong();
    final AtomicLong linesTooLong = new AtomicLong();
    final AtomicLong readFailures = new AtomicLong();
    /**
     * Whether the log could be opened, null until the reading thread first tried: the status
     * collector's first run usually comes before that, and reporting "unreadable" then raised a
     * spurious AuditLogUnreadable alert at every start (issue 14, item 7).
     */
    volatile Boolean readable;
    private final Map<Labels, LongAdder> events = new ConcurrentHashMap<>();

    /** Label values of {@code podwatch_audit_events_total}. */
    public record Labels(String type, String key) {
    }

    void event(String type, String key) {
        if (type == lastType && key.equals(lastKey)) {
            lastAdder.increment(); // consecutive events mostly share type and key: skip the map
            return;
        }
        Labels l = new Labels(type, key);
        LongAdder a = events.get(l);
        if (a == null) {
            a = events.size() >= MAX_SERIES ? events.computeIfAbsent(new Labels("other", "other"), k -> new LongAdder())
                    : events.computeIfAbsent(l, k -> new LongAdder());
        }
        lastType = type;
        lastKey = key;
        lastAdder = a;
        a.increment();
    }

    // single writer (the reading thread): a one-entry cache of the last series
    private String lastType;
    private String lastKey;
    private LongAdder lastAdder;

    public Map<Labels, Long> eventCounts() {
        Map<Labels, Long> out = new java.util.HashMap<>();
        events.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long records() {
        return records.sum();
    }

    public long parseErrors() {
        return parseErrors.sum();
    }

    public long possiblyLost() {
        return possiblyLost.get();
    }

    public long evicted() {
        return evicted.get();
    }

    public long events() {
        return events.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
