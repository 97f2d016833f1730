package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.Attribution;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.EventDecoder;
import io.podwatch.collectors.audit.enrich.PodmanContainerNames;
import io.podwatch.collectors.audit.enrich.ProcessContainers;
import io.podwatch.collectors.audit.enrich.UserDb;
import io.podwatch.collectors.audit.parse.Syscalls;
import io.podwatch.collectors.audit.tail.CheckpointStore;
import io.podwatch.collectors.audit.enrich.EngineContainerNames;
import io.podwatch.collectors.engine.EngineRef;
import io.podwatch.collectors.engine.MonitorPids;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.core.config.Config;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.rules.audit.AuditDetector;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.rules.audit.AuditRuleSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The audit trail's parts, built from config without I/O: the tailing source (a {@link
 * io.podwatch.core.lifecycle.Managed} with its own thread), the status collector for the
 * CollectorRunner, and the detector for the processing stage.
 */
public record AuditComponents(AuditSettings settings, AuditTrail trail, AuditStatusCollector status,
                              AuditDetector detector) {
    /**
     * Whether to run the audit trail: on by default wherever auditd is installed (its log directory
     * exists, even if podwatch may not read it: then the trail reports how to fix that), off with
     * {@code audit.enabled: false}; {@code audit.enabled: true} runs it regardless. Called at wiring.
     */
    public static boolean wanted(Config config) {
        AuditSettings s = AuditSettings.from(config);
        Path dir = s.log().toAbsolutePath().getParent();
        return s.enabled() && (config.isSet(AuditSettings.ENABLED) || (dir != null && java.nio.file.Files.isDirectory(dir)));
    }

    /**
     * The detector alone, for the processing stage, which is built before the sources that feed it.
     * Same rules as {@link #create}'s (both read them from {@code config}).
     */
    public static AuditDetector detector(Config config) {
        AuditRuleSettings r = AuditRuleSettings.from(config);
        return new AuditDetector(new AuditRuleSet(r.rules()), r.quietPeriod());
    }

    /** With container names from the Podman API, cached for {@code audit.container-cache-ttl}. */
    public static AuditComponents create(Config config, Path stateDir, Emitter out, Clock clock, PodmanApi podman) {
        return create(config, stateDir, out, clock, podmanNames(config, clock, podman, EngineRef.ROOTFUL_PODMAN),
                new MonitorPids());
    }

    /** Container names from one Podman's API, cached for {@code audit.container-cache-ttl}. */
    public static ContainerNames podmanNames(Config config, Clock clock, PodmanApi podman, EngineRef engine) {
        return new PodmanContainerNames(podman, clock, AuditSettings.from(config).containerCacheTtl(), 1024, engine);
    }

    /**
     * With names from what the engines saw (removed containers included) then from their APIs, and
     * the engines' monitor pids.
     */
    public static AuditComponents create(Config config, Path stateDir, Emitter out, Clock clock,
                                         Sightings sightings, List<ContainerNames> apis) {
        return create(config, stateDir, out, clock, new EngineContainerNames(sightings.containers(), apis),
                sightings.pids());
    }

    public static AuditComponents create(Config config, Path stateDir, Emitter out, Clock clock,
                                         ContainerNames names) {
        return create(config, stateDir, out, clock, names, new MonitorPids());
    }

    /**
     * @param names container names (a {@code PodmanContainerNames} over the Podman client, or
     *     {@link ContainerNames#none()})
     * @param monitors the engines' conmon/shim/init pids, to attribute processes that are gone
     */
    public static AuditComponents create(Config config, Path stateDir, Emitter out, Clock clock,
                                         ContainerNames names, MonitorPids monitors) {
        AuditSettings s = AuditSettings.from(config);
        AuditRuleSettings r = AuditRuleSettings.from(config);
        AuditRuleSet rules = new AuditRuleSet(r.rules());
        AuditStats stats = new AuditStats();
        long ttl = s.containerCacheTtl().toMillis();
        Path proc = Path.of("/proc");
        Attribution attribution = new Attribution(UserDb.host(clock), new ProcessContainers(proc, clock, ttl, monitors), names,
                proc, clock);
        AuditEventMapper mapper = new AuditEventMapper(new EventDecoder(Syscalls.load()), attribution, rules,
                s.logAllEvents(), stats);
        AuditTrail trail = new AuditTrail(s, mapper, new CheckpointStore(stateDir.resolve("audit.checkpoint")), out,
                clock, stats);
        AuditStatusCollector status = new AuditStatusCollector(stats, clock, List.of("auditctl"));
        return new AuditComponents(s, trail, status, new AuditDetector(rules, r.quietPeriod()));
    }
}
