package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.Attribution;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.EventDecoder;
import io.podwatch.collectors.audit.enrich.ProcessContainers;
import io.podwatch.collectors.audit.enrich.UserDb;
import io.podwatch.collectors.audit.parse.Syscalls;
import io.podwatch.collectors.audit.enrich.EngineContainerNames;
import io.podwatch.collectors.audit.tail.CheckpointStore;
import io.podwatch.collectors.engine.MonitorPids;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.core.config.Config;
import io.podwatch.core.durable.FileHealth;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.rules.audit.AuditDetector;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.rules.audit.AuditRulesConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The audit trail's parts, built from config without I/O: the tailing source (a {@link
 * io.podwatch.core.lifecycle.Managed} with its own thread), the status collector for the
 * CollectorRunner, and the detector for the processing stage.
 */
public record AuditComponents(AuditTrailConfig settings, AuditTrail trail, AuditStatusCollector status,
                              AuditDetector detector) {
    /**
     * Whether to run the audit trail: on by default wherever auditd is installed (its log directory
     * exists, even if podwatch may not read it: then the trail reports how to fix that), off with
     * {@code audit.enabled: false}; {@code audit.enabled: true} runs it regardless. Called at wiring.
     */
    public static boolean wanted(Config config) {
        return wanted(AuditConfig.from(config));
    }

    public static boolean wanted(AuditConfig config) {
        Path dir = config.trail().log().toAbsolutePath().getParent();
        return config.trail().enabled() && (config.enabledExplicitly()
                || (dir != null && java.nio.file.Files.isDirectory(dir)));
    }

    /**
     * @param names container names (an {@code InventoryContainerNames} over the container inventory,
     *     or {@link ContainerNames#none()})
     */
    public static AuditComponents create(Config config, Path stateDir, Emitter out, Clock clock,
                                         ContainerNames names) {
        return create(AuditConfig.from(config), stateDir, out, clock, names, new MonitorPids(), new FileHealth(clock));
    }

    /**
     * With names from what the engines saw (removed containers included) then {@code names}, and
     * the engines' monitor pids, as the agent wires it.
     */
    static AuditComponents create(AuditConfig config, Path stateDir, Emitter out, Clock clock, Sightings sightings,
                                  ContainerNames names, FileHealth files) {
        return create(config, stateDir, out, clock, new EngineContainerNames(sightings.containers(), List.of(names)),
                sightings.pids(), files);
    }

    /**
     * @param monitors the engines' conmon/shim/init pids, to attribute processes that are gone
     * @param files where the checkpoint reports write failures, for {@code /healthz}
     */
    static AuditComponents create(AuditConfig config, Path stateDir, Emitter out, Clock clock, ContainerNames names,
                                  MonitorPids monitors, FileHealth files) {
        AuditTrailConfig s = config.trail();
        AuditRulesConfig r = config.rules();
        AuditRuleSet rules = new AuditRuleSet(r.rules());
        AuditStats stats = new AuditStats();
        long ttl = s.containerCacheTtl().toMillis();
        Path proc = Path.of("/proc");
        Attribution attribution = new Attribution(UserDb.host(clock), new ProcessContainers(proc, clock, ttl, monitors),
                names, proc, clock);
        AuditEventMapper mapper = new AuditEventMapper(new EventDecoder(Syscalls.load()), attribution, rules,
                s.logAllEvents(), stats);
        AuditTrail trail = new AuditTrail(s, mapper, new CheckpointStore(stateDir.resolve("audit.checkpoint")), out,
                clock, stats, files);
        AuditStatusCollector status = new AuditStatusCollector(stats, clock, Auditctl.onPath(new ProcessCommandRunner()));
        // the trail matches the rules and stamps each event with what matched: the detector holds none
        return new AuditComponents(s, trail, status, new AuditDetector(r.quietPeriod()));
    }
}
