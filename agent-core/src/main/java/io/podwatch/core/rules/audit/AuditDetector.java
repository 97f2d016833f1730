package io.podwatch.core.rules.audit;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.model.AuditMetrics;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import io.podwatch.core.process.Detector;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns audit rule matches into alerts: {@value #SENSITIVE} per (rule, container, login user),
 * resolved once that rule matched nothing for the quiet period; {@value #DISABLED} while the kernel
 * reports auditing off; {@value #UNREADABLE} while podwatch cannot read audit.log. Runs on the
 * processing thread (plain state); at most {@value #MAX_ACTIVE} conditions are tracked.
 */
public final class AuditDetector implements Detector {
    public static final String SENSITIVE = "AuditSensitiveActivity";
    public static final String DISABLED = "AuditDisabled";
    public static final String UNREADABLE = "AuditLogUnreadable";
    static final int MAX_ACTIVE = 10_000;

    private final Duration quiet;
    private final Map<Map<String, String>, Instant> active = new LinkedHashMap<>();

    /** Rules are matched where audit events are made; their severity and summary come on the event. */
    public AuditDetector(Duration quietPeriod) {
        this.quiet = quietPeriod;
    }

    @Override
    public String name() {
        return "audit-rules";
    }

    @Override
    public void onEvent(Event event, Alerts alerts) {
        Map<String, Object> f = event.fields();
        for (AuditMatches.Match m : AuditMatches.of(event)) {
            String rule = m.rule();
            Map<String, String> labels = Map.of("rule", rule,
                    "container", event.container() == null ? "host" : event.container().display(),
                    "user", user(f));
            if (!active.containsKey(labels) && active.size() >= MAX_ACTIVE) {
                continue; // keep the conditions already tracked rather than forget how to resolve them
            }
            active.remove(labels);
            active.put(labels, event.time());
            alerts.fire(new Alert(SENSITIVE, m.severity(), labels, annotations(m.summary(), event), event.container()));
        }
    }

    private static Map<String, String> annotations(String summary, Event e) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("summary", summary);
        a.put("description", e.message());
        put(a, "executable", e.fields().get("process.executable"));
        put(a, "path", e.fields().get("file.path"));
        put(a, "audit_sequence", e.fields().get("auditd.sequence"));
        return a;
    }

    private static void put(Map<String, String> a, String k, Object v) {
        if (v != null) {
            a.put(k, String.valueOf(v));
        }
    }

    private static String user(Map<String, Object> f) {
        Object name = f.get("user.audit.name");
        Object id = f.get("user.audit.id");
        return name != null ? name.toString() : id != null ? id.toString() : "unset";
    }

    @Override
    public void onSamples(SampleBatch batch, Alerts alerts) {
        for (Sample s : batch.samples()) {
            MetricDef m = s.metric();
            if (m.equals(AuditMetrics.KERNEL_ENABLED)) {
                toggle(alerts, DISABLED, s.value() == 0, Severity.CRITICAL,
                        "the kernel's audit subsystem is disabled: no syscall is recorded (auditctl -e 1)");
            } else if (m.equals(AuditMetrics.READABLE)) {
                toggle(alerts, UNREADABLE, s.value() == 0, Severity.HIGH,
                        "podwatch cannot read the audit log; see the agent log for the fix");
            }
        }
    }

    private static void toggle(Alerts alerts, String name, boolean on, Severity sev, String summary) {
        if (on) {
            alerts.fire(new Alert(name, sev, Map.of(), Map.of("summary", summary), null));
        } else {
            alerts.resolve(name, Map.of());
        }
    }

    @Override
    public void onTick(Instant now, Alerts alerts) {
        Iterator<Map.Entry<Map<String, String>, Instant>> it = active.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Map<String, String>, Instant> e = it.next();
            if (e.getValue().plus(quiet).isAfter(now)) {
                break; // insertion order is last-seen order: the rest are younger
            }
            it.remove();
            alerts.resolve(SENSITIVE, e.getKey());
        }
    }
}
