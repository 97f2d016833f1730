package io.podwatch.collectors.audit.parse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups records into events. Records of one event share {@link EventKey}; events from different
 * CPUs interleave; auditd never writes EOE to audit.log. An event is closed when its closing record
 * arrives (PROCTITLE, which the kernel writes last, or EOE on the plugin socket format), when it
 * is a stand-alone user-space record, when it has waited {@code timeoutMillis} since its first
 * record arrived (by the injected clock), or when more than {@code maxInFlight} events are open
 * (oldest first; counted as evicted). Not thread-safe: used by the one reading thread.
 */
public final class EventAssembler {
    /** Receives closed events; may block (back-pressure), hence InterruptedException. */
    @FunctionalInterface
    public interface Sink {
        void accept(AuditEvent event) throws InterruptedException;
    }

    private final Clock clock;
    private final long timeoutMillis;
    private final int maxInFlight;
    private final SerialGaps gaps = new SerialGaps();
    private final Map<EventKey, Pending> open = new LinkedHashMap<>();
    private long evicted;
    private long timedOut;

    public EventAssembler(Clock clock, long timeoutMillis, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
        this.maxInFlight = maxInFlight;
    }

    /** Adds a record read at reader position {@code position}; may close events into {@code out}. */
    public void add(AuditRecord r, long position, Sink out) throws InterruptedException {
        String type = r.type();
        EventKey key = r.key();
        Pending p = open.get(key);
        if (p == null) {
            if (type.equals("EOE")) {
                return; // the event already closed on its PROCTITLE
            }
            if (!type.startsWith("DAEMON_")) {
                gaps.observe(key.node(), key.serial()); // auditd numbers its own records apart from the kernel's
            }
            if (!RecordTypes.mayHaveMore(type)) {
                out.accept(new AuditEvent(key, List.of(r), position, true));
                return;
            }
            p = new Pending(clock.millis(), position);
            open.put(key, p);
        }
        if (!type.equals("EOE")) {
            p.records.add(r);
        }
        if (RecordTypes.closes(type)) {
            open.remove(key);
            out.accept(new AuditEvent(key, p.records, p.firstPosition, true));
        } else if (open.size() > maxInFlight) {
            evicted++;
            closeOldest(out);
        }
    }

    /** Closes the events that waited longer than the timeout. Call on every read pass and when idle. */
    public void expire(Sink out) throws InterruptedException {
        long now = clock.millis();
        Iterator<Map.Entry<EventKey, Pending>> it = open.entrySet().iterator();
        List<AuditEvent> closed = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<EventKey, Pending> e = it.next();
            if (now - e.getValue().arrived < timeoutMillis) {
                break; // arrival order: the rest are younger
            }
            it.remove();
            timedOut++;
            closed.add(new AuditEvent(e.getKey(), e.getValue().records, e.getValue().firstPosition, false));
        }
        for (AuditEvent ev : closed) {
            out.accept(ev);
        }
    }

    /** Closes every open event (end of an offline file, shutdown is NOT a reason: see checkpoints). */
    public void flush(Sink out) throws InterruptedException {
        while (!open.isEmpty()) {
            closeOldest(out);
        }
    }

    private void closeOldest(Sink out) throws InterruptedException {
        Iterator<Map.Entry<EventKey, Pending>> it = open.entrySet().iterator();
        Map.Entry<EventKey, Pending> e = it.next();
        it.remove();
        out.accept(new AuditEvent(e.getKey(), e.getValue().records, e.getValue().firstPosition, false));
    }

    /** Reader position of the earliest record of any open event, or {@code Long.MAX_VALUE}. */
    public long oldestOpenPosition() {
        long min = Long.MAX_VALUE;
        for (Pending p : open.values()) {
            min = Math.min(min, p.firstPosition);
        }
        return min;
    }

    public int inFlight() {
        return open.size();
    }

    /** Events closed early because more than maxInFlight were open. */
    public long evicted() {
        return evicted;
    }

    /** Events closed by the arrival timeout (normal for kernels that write no PROCTITLE). */
    public long timedOut() {
        return timedOut;
    }

    /** Serials skipped so far: events possibly lost by the kernel or auditd. */
    public long possiblyLost() {
        return gaps.lost();
    }

    private static final class Pending {
        final long arrived;
        final long firstPosition;
        final List<AuditRecord> records = new ArrayList<>(8);

        Pending(long arrived, long firstPosition) {
            this.arrived = arrived;
            this.firstPosition = firstPosition;
        }
    }
}
