package io.podwatch.agent.status;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last {@code capacity} events, numbered, so the page asks only for what is newer than what it
 * has ({@code ?since=}). Appended on the processing thread, read by the HTTP thread under a lock
 * held for one pass over at most {@code capacity} references.
 */
final class EventRing {
    private final Rows.Event[] ring;
    private long seq;

    EventRing(int capacity) {
        ring = new Rows.Event[capacity];
    }

    synchronized long nextSeq() {
        return ++seq;
    }

    synchronized void add(Rows.Event e) {
        ring[(int) (e.seq() % ring.length)] = e;
    }

    /** Newest first: at most {@code limit} events after {@code since} that pass the filter. */
    synchronized List<Rows.Event> after(long since, Predicate<Rows.Event> filter, int limit) {
        List<Rows.Event> out = new ArrayList<>();
        for (long s = seq; s > since && s > seq - ring.length && out.size() < limit; s--) {
            Rows.Event e = ring[(int) (s % ring.length)];
            if (e != null && e.seq() == s && filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    synchronized long last() {
        return seq;
    }
}
