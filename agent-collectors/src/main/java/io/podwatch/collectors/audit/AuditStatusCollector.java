package io.podwatch.collectors.audit;

import io.podwatch.core.model.AuditMetrics;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Publishes the audit trail's counters and the kernel audit status (through {@code auditctl -s}
 * and {@code -l}, when it is there and permitted) as one sample batch per run. "Audit disabled" is
 * also reported once per change as a finding event. Run by the CollectorRunner.
 */
public final class AuditStatusCollector implements Collector {
    private final AuditStats stats;
    private final Clock clock;
    private final Auditctl auditctl;
    private long lastEnabled = -2;
    private final java.util.Set<String> warnedMissing = new java.util.HashSet<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditStatusCollector.class);

    public AuditStatusCollector(AuditStats stats, Clock clock, Auditctl auditctl) {
        this.stats = stats;
        this.clock = clock;
        this.auditctl = auditctl;
    }

    @Override
    public String name() {
        return "audit-status";
    }

    @Override
    public void collect(Emitter out) throws InterruptedException {
        List<Sample> s = new ArrayList<>();
        stats.eventCounts().forEach((l, v) -> s.add(AuditMetrics.EVENTS.sample(v, l.type(), l.key())));
        s.add(AuditMetrics.RECORDS.sample(stats.records()));
        s.add(AuditMetrics.PARSE_ERRORS.sample(stats.parseErrors()));
        s.add(AuditMetrics.MATCHED.sample(stats.matched.sum()));
        s.add(AuditMetrics.POSSIBLY_LOST.sample(stats.possiblyLost()));
        s.add(AuditMetrics.EVICTED.sample(stats.evicted()));
        Boolean readable = stats.readable;
        if (readable != null) { // not known before the trail's first attempt: no sample, no alert
            s.add(AuditMetrics.READABLE.sample(readable ? 1 : 0));
        }
        AuditStatus st = auditctl.kernel().orElse(null); // absent or not permitted: expected on some hosts
        if (st != null) {
            addIfKnown(s, AuditMetrics.KERNEL_ENABLED, st.enabled());
            addIfKnown(s, AuditMetrics.KERNEL_LOST, st.lost());
            addIfKnown(s, AuditMetrics.KERNEL_BACKLOG, st.backlog());
            addIfKnown(s, AuditMetrics.KERNEL_BACKLOG_LIMIT, st.backlogLimit());
            addIfKnown(s, AuditMetrics.KERNEL_RULES, st.rules());
            if (st.enabled() == 0 && lastEnabled != 0) {
                out.event(new Event(clock.instant(), EventKind.STATE, "audit-disabled", "host", Severity.CRITICAL,
                        AuditMetrics.SOURCE, null, "the kernel audit subsystem is disabled: no syscall is being recorded "
                                + "(enable it with auditctl -e 1 or the -e 1 line of audit.rules)",
                        Map.of("auditd.data.enabled", 0L)));
            }
            lastEnabled = st.enabled();
            engineRules(s);
        }
        out.samples(new SampleBatch(name(), clock.instant(), s));
    }

    /**
     * Says on /metrics, and once in the log when it changes to missing, whether the audit rules
     * container attribution needs are loaded (a rules file can be replaced at any time).
     */
    private void engineRules(List<Sample> s) throws InterruptedException {
        var list = auditctl.rules();
        if (!list.ok()) {
            return;
        }
        EngineAuditRules.coverage(list.stdout(), EngineAuditRules.installed(EngineAuditRules.DOCKER_CLIENTS),
                EngineAuditRules.installed(EngineAuditRules.RUNTIMES)).forEach((rule, covered) -> {
                    s.add(AuditMetrics.ENGINE_RULE.sample(covered, rule));
                    if (covered == 0 && warnedMissing.add(rule)) {
                        LOG.warn("no audit rule covers the {} exec: {} (add the rules in docs/engines.md)", rule,
                                rule.equals("docker-client") ? "Docker containers get no started_by and their events"
                                        + " no user" : "an exec'd process gone before its records are read may stay"
                                        + " unattributed");
                    } else if (covered == 1) {
                        warnedMissing.remove(rule);
                    }
                });
    }

    @Override
    public void close() {
        // no threads of its own: the runner's worker runs collect()
    }

    private static void addIfKnown(List<Sample> s, io.podwatch.core.model.MetricDef m, long v) {
        if (v >= 0) {
            s.add(m.sample(v));
        }
    }
}
