package io.podwatch.agent.status;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.inventory.ContainerInventory;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.process.Detector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The read-only model behind the status page and {@code /api/v1/}: fed on the processing thread
 * (a {@link Detector} listed after the anomaly detector and before the alert pipeline, the alert
 * pipeline's state log, the inhibitions it consults) and read by the HTTP thread from an immutable
 * {@link Rows.Snapshot} republished at most once a second, plus the event ring and the chart
 * histories, each with a lock held for a copy only. It never calls into another component from the
 * HTTP thread, so a page load cannot stall processing. Everything is bounded: events, resolved and
 * inhibited alerts, findings and container histories.
 */
public final class StatusModel implements Detector {
    static final int EVENTS = 1000;
    static final int RECENT_ALERTS = 100;
    static final int MAX_FINDINGS = 5000;
    private static final int MESSAGE_CHARS = 1000;

    private final LatestSamples latest;
    private final ContainerInventory inventory;
    private final Clock clock;
    private final ContainerTracker containers = new ContainerTracker();
    private final EventRing events = new EventRing(EVENTS);
    private final Map<String, Rows.Finding> findings = new LinkedHashMap<>();
    private final Map<String, Rows.Alert> firing = new LinkedHashMap<>();
    private final LinkedHashMap<String, Rows.Alert> resolved = new LinkedHashMap<>();
    private final LinkedHashMap<String, Rows.Alert> inhibited = new LinkedHashMap<>();
    private Map<String, PostureView.Entry> posture = Map.of();
    private final Map<String, Double> audit = new TreeMap<>();
    private final TreeSet<String> engines = new TreeSet<>();
    private boolean dirty;
    private volatile Rows.Snapshot snapshot = Rows.Snapshot.EMPTY;
    private volatile Map<String, History> histories = Map.of();
    private volatile long historyBytes;

    /** @param inventory the engines' containers (read on the processing thread through its lock-free maps) */
    public StatusModel(LatestSamples latest, ContainerInventory inventory, Clock clock) {
        this.latest = latest;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public void onSamples(SampleBatch batch, Alerts alerts) {
        if (ContainerTracker.isContainerBatch(batch)) {
            engines.add(batch.source());
            containers.onBatch(batch, anomalyScores());
        } else if (PostureView.isPostureBatch(batch)) {
            posture = PostureView.of(batch);
        } else if (batch.samples().stream().anyMatch(s -> s.metric().name().startsWith("podwatch_audit_"))) {
            audit.clear();
            batch.samples().forEach(s -> audit.merge(s.metric().name(), s.value(), Double::sum));
        } else {
            return;
        }
        dirty = true;
    }

    private Map<String, Map<String, Double>> anomalyScores() {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (SampleBatch b : latest.snapshot()) {
            for (Sample s : b.samples()) {
                if (s.metric().name().equals("podwatch_container_anomaly_score")) {
                    out.computeIfAbsent(s.label("name"), k -> new TreeMap<>()).put(s.label("signal"), s.value());
                }
            }
        }
        return out;
    }

    @Override
    public void onEvent(Event e, Alerts alerts) {
        record(e);
        String action = e.action();
        if (action.equals("posture-finding") || action.equals("posture-finding-resolved")) {
            String check = String.valueOf(e.fields().get("rule.id"));
            String subjectKey = check + "\u0000" + e.containerRef().map(ContainerRef::id).orElse(subject(e));
            if (action.equals("posture-finding-resolved")) {
                findings.remove(subjectKey);
            } else if (findings.size() < MAX_FINDINGS || findings.containsKey(subjectKey)) {
                findings.put(subjectKey, finding(e, check));
            }
            dirty = true;
        }
    }

    /** Called by the alert pipeline's state log (processing thread) on every alert state change. */
    public void onAlertState(Event e) {
        if (e.kind() != EventKind.ALERT) {
            return;
        }
        record(e);
        Rows.Alert a = alert(e);
        if (a.status().equals("firing")) {
            firing.put(a.fingerprint(), a);
            resolved.remove(a.fingerprint());
        } else {
            firing.remove(a.fingerprint());
            resolved.remove(a.fingerprint());
            resolved.put(a.fingerprint(), a);
            trim(resolved);
        }
        dirty = true;
    }

    /** Called when the inhibitions masked an alert (processing thread). */
    public void onInhibited(Alert a) {
        Instant now = clock.instant();
        Rows.Alert before = inhibited.remove(a.fingerprint());
        ContainerRef c = a.container();
        inhibited.put(a.fingerprint(), new Rows.Alert(a.fingerprint(), a.name(), a.severity().label(), "inhibited",
                a.labels(), a.annotations().getOrDefault("summary", a.name()), c == null ? "" : c.id(),
                c == null ? "" : c.display(), before == null ? now : before.startsAt(), now, false,
                before == null ? 1 : before.count() + 1));
        trim(inhibited);
        dirty = true;
    }

    private static void trim(LinkedHashMap<String, Rows.Alert> m) {
        while (m.size() > RECENT_ALERTS) {
            m.remove(m.keySet().iterator().next());
        }
    }

    @Override
    public void onTick(Instant now, Alerts alerts) {
        // an inhibited alert not raised again for ten minutes no longer is
        boolean expired = inhibited.values().removeIf(a -> a.endsAt().isBefore(now.minus(Duration.ofMinutes(10))));
        if (!dirty && !expired) {
            return;
        }
        dirty = false;
        List<Rows.Finding> f = new ArrayList<>(findings.values());
        f.sort(Comparator.comparing(Rows.Finding::severity, StatusModel::bySeverity).thenComparing(Rows.Finding::subject));
        List<Rows.Alert> fire = new ArrayList<>(firing.values());
        fire.sort(Comparator.comparing(Rows.Alert::severity, StatusModel::bySeverity).thenComparing(Rows.Alert::startsAt));
        List<Rows.Alert> res = new ArrayList<>(resolved.values());
        java.util.Collections.reverse(res);
        List<Rows.Alert> inh = new ArrayList<>(inhibited.values());
        java.util.Collections.reverse(inh);
        histories = containers.histories();
        historyBytes = containers.historyBytes();
        snapshot = new Rows.Snapshot(now, containers.rows(posture, inventory), List.copyOf(f), List.copyOf(fire), List.copyOf(res),
                List.copyOf(inh), Map.copyOf(audit), List.copyOf(engines));
    }

    private static int bySeverity(String a, String b) {
        return Integer.compare(rank(b), rank(a));
    }

    private static int rank(String s) {
        return List.of("info", "low", "medium", "high", "critical").indexOf(s);
    }

    private void record(Event e) {
        ContainerRef c = e.container();
        String msg = e.message().length() > MESSAGE_CHARS ? e.message().substring(0, MESSAGE_CHARS) + "…" : e.message();
        events.add(new Rows.Event(events.nextSeq(), e.time(), e.kind().ecs(), e.severity().label(), e.source(), e.action(),
                c == null ? "" : c.id(), c == null ? "" : c.display(), msg));
    }

    private static String subject(Event e) {
        String m = e.message();
        int on = m.indexOf(" on ");
        int colon = on < 0 ? -1 : m.indexOf(": ", on);
        return on < 0 || colon < 0 ? "" : m.substring(on + 4, colon);
    }

    private static Rows.Finding finding(Event e, String check) {
        Map<String, Object> f = e.fields();
        ContainerRef c = e.container();
        return new Rows.Finding(check, str(f.get("rule.name")), str(f.get("vulnerability.severity")),
                str(f.get("podwatch.posture.status")), c == null ? "" : c.id(), c == null ? subject(e) : c.display(),
                str(f.get("podwatch.posture.evidence")), str(f.get("podwatch.posture.remediation")),
                str(f.get("rule.reference")), e.time());
    }

    private static Rows.Alert alert(Event e) {
        Map<String, Object> f = e.fields();
        Map<String, String> labels = new TreeMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith("labels.")) {
                labels.put(k.substring(7), String.valueOf(v));
            }
        });
        ContainerRef c = e.container();
        String summary = e.message().replaceFirst("^\\[(firing|resolved)\\] ", "");
        return new Rows.Alert(str(f.get("podwatch.alert.fingerprint")), str(f.get("rule.name")), e.severity().label(),
                str(f.get("podwatch.alert.status")), labels, summary, c == null ? "" : c.id(),
                c == null ? labels.getOrDefault("container", labels.getOrDefault("name", "")) : c.display(),
                Instant.parse(str(f.get("event.start"))), f.containsKey("event.end") ? Instant.parse(str(f.get("event.end"))) : null,
                Boolean.TRUE.equals(f.get("podwatch.alert.flapping")), 1);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    // ---- read side (HTTP thread) ----

    public Rows.Snapshot snapshot() {
        return snapshot;
    }

    /** A container's chart points, or null when it has none (never seen, or evicted). */
    public History.Points history(String id) {
        History h = histories.get(id);
        return h == null ? null : h.copy();
    }

    public List<Rows.Event> events(long since, Predicate<Rows.Event> filter, int limit) {
        return events.after(since, filter, limit);
    }

    public long lastEventSeq() {
        return events.last();
    }

    /** Bytes of chart history held now; bounded by {@link #historyBound()}. */
    public long historyBytes() {
        return historyBytes;
    }

    public static long historyBound() {
        return ContainerTracker.MAX_TRACKED * History.BYTES;
    }
}
