package io.podwatch.collectors.posture;

import io.podwatch.collectors.posture.report.SeedSections;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.FindingEvents;
import io.podwatch.core.process.Detector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns posture findings into alerts on the processing thread, from data alone: every
 * {@code posture} batch fires {@value #ALERT} for each failing finding at or above
 * {@code posture.alert-min-severity} and resolves those that stopped failing (fixed, accepted, or
 * container gone); the finding events that came before the batch give each its container and
 * evidence. Driving alerts from the complete batch rather than from change events means a dropped
 * event cannot leave an alert firing forever. It never calls the collector: when to re-check a
 * container is the collector's business (it follows the container inventory).
 *
 * <p>Labels: {@code check} and, for container findings, {@code container} (the name the default
 * {@code alerts.group-by} groups on), so each container's findings are a group of their own.
 */
public final class PostureDetector implements Detector {
    public static final String ALERT = "PostureCheckFailing";

    /** One finding: the check and the container's display name ("" for host, image and trust checks). */
    private record Key(String check, String container) {
        Map<String, String> labels() {
            return container.isEmpty() ? Map.of("check", check) : Map.of("check", check, "container", container);
        }
    }

    /** What the finding event said that the batch does not carry. */
    private record Detail(ContainerRef container, String evidence) {
    }

    private final Severity minSeverity;
    private final Set<Key> firing = new HashSet<>();
    private final Map<Key, Detail> details = new HashMap<>();

    public PostureDetector(Severity minSeverity) {
        this.minSeverity = minSeverity;
    }

    @Override
    public String name() {
        return "posture";
    }

    @Override
    public void onEvent(Event event, Alerts alerts) {
        if (FindingEvents.SOURCE.equals(event.source()) && FindingEvents.RAISED.equals(event.action())) {
            Key key = new Key(String.valueOf(event.fields().get("rule.id")),
                    event.container() == null ? "" : event.container().display());
            details.put(key, new Detail(event.container(),
                    String.valueOf(event.fields().getOrDefault("podwatch.posture.evidence", ""))));
        }
    }

    @Override
    public void onSamples(SampleBatch batch, Alerts alerts) {
        if (!PostureMetrics.SOURCE.equals(batch.source())) {
            return;
        }
        Set<Key> now = new HashSet<>();
        for (Sample s : batch.samples()) {
            if (s.metric() != PostureMetrics.FINDING || s.value() < 1) {
                continue;
            }
            Check check = Catalog.byId(s.label("check")).orElse(null);
            if (check == null || !check.severity().atLeast(minSeverity)) {
                continue;
            }
            Key key = new Key(check.id(), s.label("name"));
            now.add(key);
            Detail d = details.getOrDefault(key, new Detail(null, ""));
            alerts.fire(new Alert(ALERT, check.severity(), key.labels(), annotations(check, key, d), d.container()));
        }
        for (Key gone : firing) {
            if (!now.contains(gone)) {
                alerts.resolve(ALERT, gone.labels());
            }
        }
        firing.clear();
        firing.addAll(now);
        details.keySet().retainAll(now);
    }

    private static Map<String, String> annotations(Check check, Key key, Detail d) {
        String subject = key.container().isEmpty() ? "the host" : "container " + key.container();
        Map<String, String> a = new LinkedHashMap<>();
        a.put("summary", check.id() + " fails on " + subject + ": " + check.title());
        a.put("description", check.title() + " (" + check.id() + ", " + check.severity().label() + ") on " + subject
                + (d.evidence().isEmpty() ? "" : ": " + d.evidence()) + ". Remediation: " + check.remediation());
        a.put("title", check.title());
        a.put("evidence", d.evidence());
        a.put("remediation", check.remediation());
        // the guide and section a reader can find, not a seed file name
        a.put("seed", SeedSections.of(check));
        return a;
    }
}
