package io.podwatch.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One alert's current state and its recent toggles, for flap damping. Kept for a while after it
 * resolves so that a quick re-fire still counts as a toggle. Processing thread only.
 */
final class TrackedAlert {
    private final Deque<Instant> toggles = new ArrayDeque<>();
    AlertState state;
    /** The detector resolved it, but it is held firing because it flaps. */
    boolean resolveHeld;

    TrackedAlert(AlertState state) {
        this.state = state;
    }

    void toggle(Instant now, Duration window) {
        toggles.addLast(now);
        expire(now, window);
    }

    /** More than {@code threshold} toggles within the window. */
    boolean flapping(Instant now, int threshold, Duration window) {
        expire(now, window);
        return toggles.size() > threshold;
    }

    boolean quiet(Instant now, Duration window) {
        expire(now, window);
        return toggles.isEmpty();
    }

    private void expire(Instant now, Duration window) {
        Instant oldest = now.minus(window);
        while (!toggles.isEmpty() && toggles.peekFirst().isBefore(oldest)) {
            toggles.removeFirst();
        }
    }
}
