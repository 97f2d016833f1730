package io.podwatch.collectors.posture;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.model.ContainerEvents;
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
import java.util.Map;
import java.util.Set;

/**
 * The posture side of the processing thread: container create/start events ask the collector for
 * an immediate check, remove events make it forget the container; every {@code posture} batch
 * fires {@value #ALERT} for each failing finding at or above {@code posture.alert-min-severity}
 * and resolves those that stopped failing (fixed, accepted, or container gone). Driving alerts
 * from the complete batch rather than from change events means a dropped event cannot leave an
 * alert firing forever.
 */
public final class PostureDetector implements Detector {
    public static final String ALERT = "PostureCheckFailing";

    private volatile PostureTrigger trigger;
    private final Severity minSeverity;
    private final Set<Map<String, String>> firing = new HashSet<>();
    private final Map<String, String> evidence = new HashMap<>();
    private final Map<String, ContainerRef> containers = new HashMap<>();

    public PostureDetector(PostureTrigger trigger, Severity minSeverity) {
        this.trigger = trigger;
        this.minSeverity = minSeverity;
    }

    /**
     * For wiring order: the detector goes into the processing stage before the Podman API (and so
     * the collector) exists; {@link #bind} connects it afterwards. Events before that are ignored —
     * the collector's first full scan covers them.
     */
    public PostureDetector(Severity minSeverity) {
        this(null, minSeverity);
    }

    public PostureDetector bind(PostureTrigger collector) {
        this.trigger = collector;
        return this;
    }

    @Override
    public String name() {
        return "posture";
    }

    @Override
    public void onEvent(Event event, Alerts alerts) {
        PostureTrigger t = trigger;
        if (ContainerEvents.fromEngine(event.source()) && event.container() != null) {
            if (t == null) {
                return;
            }
            switch (event.action()) {
                case ContainerEvents.CREATE, ContainerEvents.START -> t.check(event.container().id());
                case ContainerEvents.REMOVE -> t.forget(event.container().id());
                default -> { }
            }
        } else if (FindingEvents.SOURCE.equals(event.source()) && FindingEvents.RAISED.equals(event.action())) {
            String name = event.container() == null ? "host" : event.container().display();
            String key = event.fields().get("rule.id") + "@" + name;
            evidence.put(key, String.valueOf(event.fields().getOrDefault("podwatch.posture.evidence", "")));
            if (event.container() != null) {
                containers.put(name, event.container());
            }
        }
    }

    @Override
    public void onSamples(SampleBatch batch, Alerts alerts) {
        if (!PostureMetrics.SOURCE.equals(batch.source())) {
            return;
        }
        Set<Map<String, String>> now = new HashSet<>();
        for (Sample s : batch.samples()) {
            if (s.metric() != PostureMetrics.FINDING || s.value() < 1) {
                continue;
            }
            Check check = Catalog.byId(s.label("check")).orElse(null);
            if (check == null || !check.severity().atLeast(minSeverity)) {
                continue;
            }
            String name = s.label("name").isEmpty() ? "host" : s.label("name");
            Map<String, String> labels = Map.of("check", check.id(), "name", name);
            now.add(labels);
            alerts.fire(new Alert(ALERT, check.severity(), labels, Map.of(
                    "title", check.title(),
                    "evidence", evidence.getOrDefault(check.id() + "@" + name, ""),
                    "remediation", check.remediation(),
                    "seed", check.seed().file()), name.equals("host") ? null : containers.get(name)));
        }
        for (Map<String, String> gone : firing) {
            if (!now.contains(gone)) {
                alerts.resolve(ALERT, gone);
            }
        }
        firing.clear();
        firing.addAll(now);
        evidence.keySet().removeIf(k -> now.stream().noneMatch(l -> k.equals(l.get("check") + "@" + l.get("name"))));
        containers.keySet().retainAll(now.stream().map(l -> l.get("name")).toList());
    }
}
