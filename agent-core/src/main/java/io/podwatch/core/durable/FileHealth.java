package io.podwatch.core.durable;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files podwatch cannot write right now (disk full, read-only, refused link): the event log,
 * an outbox, the audit checkpoint. Writers report each failure and each success; {@code /healthz}
 * turns "degraded" while any is failing and names the file, so a full disk is not invisible while
 * every collector is up. Thread-safe; one entry per file or outbox directory.
 */
public final class FileHealth {
    /** @param since first failure of the current run of failures */
    public record Failure(Path file, String error, Instant since) {
    }

    private final Clock clock;
    private final Map<Path, Failure> failing = new ConcurrentHashMap<>();

    public FileHealth(Clock clock) {
        this.clock = clock;
    }

    public void failed(Path file, Exception e) {
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        failing.compute(file, (k, old) -> new Failure(k, error, old == null ? clock.instant() : old.since()));
    }

    public void ok(Path file) {
        failing.remove(file);
    }

    /** What fails now, oldest first. */
    public List<Failure> failing() {
        List<Failure> l = new ArrayList<>(failing.values());
        l.sort(Comparator.comparing(Failure::since));
        return l;
    }
}
