package io.podwatch.core.detect.restart;

import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the restart-loop detector remembers about one container name (not id: a Quadlet/systemd
 * {@code --rm} unit re-creates the container under the same name, and that is still one loop).
 * Processing thread only.
 */
final class ContainerHistory {
    /** Times of deaths after a short run. */
    final Deque<Instant> shortDeaths = new ArrayDeque<>();
    ContainerRef ref;
    /** The alert's labels: container, and engine/owner when known. */
    java.util.Map<String, String> labels = java.util.Map.of();
    String id = "";
    /** Deaths of the current id, for the on-failure give-up check when Podman does not report a count. */
    int deathsOfId;
    long lastRestartCount = -1;
    Instant runningSince;
    Instant lastSeen;
    Severity firing;
    boolean removed;
    int lastExitCode;

    void died(Instant at, Duration ranFor, Duration maxRun, Duration keep) {
        deathsOfId++;
        runningSince = null;
        if (ranFor.compareTo(maxRun) < 0) {
            shortDeaths.addLast(at);
        }
        while (!shortDeaths.isEmpty() && shortDeaths.peekFirst().isBefore(at.minus(keep))) {
            shortDeaths.removeFirst();
        }
    }

    int deathsWithin(Instant now, Duration window) {
        Instant from = now.minus(window);
        return (int) shortDeaths.stream().filter(t -> !t.isBefore(from)).count();
    }
}
