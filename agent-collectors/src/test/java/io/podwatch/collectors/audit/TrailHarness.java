package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.Attribution;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.EventDecoder;
import io.podwatch.collectors.audit.enrich.ProcessContainers;
import io.podwatch.collectors.audit.enrich.UserDb;
import io.podwatch.collectors.audit.parse.Syscalls;
import io.podwatch.collectors.audit.tail.CheckpointStore;
import io.podwatch.collectors.engine.MonitorPids;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.rules.audit.AuditRuleSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds an {@link AuditTrail} for tests, collecting what it hands over. */
class TrailHarness implements Emitter {
    final List<Event> events = new CopyOnWriteArrayList<>();
    /** Which trail (1, 2...) handed over each event, for diagnosing repeats. */
    final List<Integer> handedBy = new CopyOnWriteArrayList<>();
    private volatile int trails;

    /** Write failures the trails report (the checkpoint), as /healthz would show them. */
    final io.podwatch.core.durable.FileHealth files = new io.podwatch.core.durable.FileHealth(Clock.systemUTC());
    volatile AuditStats lastStats;

    AuditTrail trail(Path log, Path stateDir, boolean fromBeginning, AuditRuleSet rules, Path proc,
                     ContainerNames names) {
        return trail(log, stateDir, fromBeginning, rules, proc, names, new MonitorPids());
    }

    /** With the engines' monitor pids, as the agent wires it. */
    AuditTrail trail(Path log, Path stateDir, boolean fromBeginning, AuditRuleSet rules, Path proc,
                     ContainerNames names, MonitorPids monitors) {
        trails++;
        Clock clock = Clock.systemUTC();
        AuditTrailConfig s = new AuditTrailConfig(true, log, fromBeginning, false, Duration.ofSeconds(2), 4096,
                Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofMinutes(1));
        AuditStats stats = new AuditStats();
        Attribution attribution = new Attribution(UserDb.host(clock), new ProcessContainers(proc, clock, 60_000, monitors),
                names, proc, clock);
        AuditEventMapper mapper = new AuditEventMapper(new EventDecoder(Syscalls.load()), attribution, rules, false,
                stats);
        lastStats = stats;
        return new AuditTrail(s, mapper, new CheckpointStore(stateDir.resolve("audit.checkpoint")), this, clock,
                stats, files);
    }

    List<Long> serials() {
        return events.stream().map(e -> (Long) e.fields().get("auditd.sequence")).toList();
    }

    @Override
    public void samples(SampleBatch batch) {
    }

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void eventAwait(Event event) {
        events.add(event);
        handedBy.add(trails);
    }
}
