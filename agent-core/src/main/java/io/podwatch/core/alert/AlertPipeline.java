package io.podwatch.core.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@link Alerts} implementation: tracks alert state, damps flapping, groups and dedups, and
 * mutes what its {@link Inhibitions} rules say is inhibited by another firing alert, and hands
 * notifications to each sink's {@link Route}. Runs on the processing thread: {@code fire}/{@code resolve}
 * from detectors, {@link #tick} from the stage after the detectors' ticks; the routes' queues hand the
 * durable outbox write to another thread ({@link OutboxHandoff}).
 * Every state change is written to {@code stateLog} (the event log) as an {@code alert} event.
 */
public final class AlertPipeline implements Alerts {
    private final AlertPipelineConfig settings;
    private final Inhibitions inhibitions;
    private final Consumer<Event> stateLog;
    private final Clock clock;
    private final List<RouteState> routes = new ArrayList<>();
    private final Map<String, TrackedAlert> tracked = new HashMap<>();
    private final Map<String, AlertGroup> groups = new LinkedHashMap<>();
    private final Map<Suppression, Counter> suppressed;
    /** Firing alerts that are the source of an inhibition rule, by fingerprint: what {@link #inhibited} checks. */
    private final Map<String, Alert> firingSources = new HashMap<>();
    private final java.util.Set<String> sourceNames;
    private volatile int firingCount;

    public AlertPipeline(AlertPipelineConfig settings, List<Route> routes, Inhibitions inhibitions,
                         Consumer<Event> stateLog, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.inhibitions = inhibitions;
        this.sourceNames = inhibitions.rules().stream().map(Inhibitions.Rule::sourceAlert)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.stateLog = stateLog;
        this.clock = clock;
        this.suppressed = Suppression.counters(meters);
        routes.forEach(r -> this.routes.add(new RouteState(r, s -> suppressed.get(s).increment())));
        // read by the scrape thread: a counter the processing thread keeps, never the map itself
        Gauge.builder("podwatch.alerts.firing", this, p -> p.firingCount).description("Alerts currently firing").register(meters);
    }

    @Override
    public void fire(Alert alert) {
        Instant now = clock.instant();
        TrackedAlert t = tracked.get(alert.fingerprint());
        if (inhibited(alert)) {
            suppressed.get(Suppression.INHIBITED).increment();
            if (t != null && t.state.firing()) {
                // it fired before its source did: what it says is now noise, take it back
                resolveNow(t, now);
            }
            return;
        }
        if (t != null && t.state.firing()) {
            if (t.resolveHeld) {
                t.resolveHeld = false;
                t.toggle(now, settings.flapWindow());
            }
            // annotations may carry new observed values; identity and state are unchanged
            AlertState before = t.state;
            t.state = new AlertState(alert, AlertStatus.FIRING, before.startsAt(), null, before.flapping());
            if (before.alert().severity() != alert.severity()) {
                group(t.state, now).superseded(new AlertState(before.alert(), AlertStatus.RESOLVED, before.startsAt(), now,
                        before.flapping()));
                changed(t, "alert-severity-changed", now);
            }
            return;
        }
        AlertState s = new AlertState(alert, AlertStatus.FIRING, now, null, false);
        if (t == null) {
            t = new TrackedAlert(s);
            tracked.put(alert.fingerprint(), t);
        } else {
            t.state = s;
        }
        t.toggle(now, settings.flapWindow());
        changed(t, "alert-firing", now);
    }

    @Override
    public void resolve(String name, Map<String, String> labels) {
        TrackedAlert t = tracked.get(Alert.fingerprint(name, labels));
        if (t == null || !t.state.firing() || t.resolveHeld) {
            return;
        }
        Instant now = clock.instant();
        t.toggle(now, settings.flapWindow());
        if (t.flapping(now, settings.flapThreshold(), settings.flapWindow())) {
            t.resolveHeld = true;
            suppressed.get(Suppression.FLAPPING).increment();
            if (!t.state.flapping()) {
                t.state = new AlertState(t.state.alert(), AlertStatus.FIRING, t.state.startsAt(), null, true);
                changed(t, "alert-flapping", now);
            }
            return;
        }
        resolveNow(t, now);
    }

    private void resolveNow(TrackedAlert t, Instant now) {
        t.resolveHeld = false;
        t.state = new AlertState(t.state.alert(), AlertStatus.RESOLVED, t.state.startsAt(), now, false);
        changed(t, "alert-resolved", now);
    }

    private boolean inhibited(Alert alert) {
        return !firingSources.isEmpty() && inhibitions.inhibits(alert, firingSources.values());
    }

    /** Time-driven steps: release calmed flapping alerts, flush due groups, feed the routes. */
    @Override
    public void tick(Instant now) {
        for (Iterator<TrackedAlert> it = tracked.values().iterator(); it.hasNext(); ) {
            TrackedAlert t = it.next();
            if (t.resolveHeld && !t.flapping(now, settings.flapThreshold(), settings.flapWindow())) {
                resolveNow(t, now);
            } else if (!t.state.firing() && t.quiet(now, settings.flapWindow())) {
                it.remove();
            }
        }
        for (Iterator<AlertGroup> it = groups.values().iterator(); it.hasNext(); ) {
            AlertGroup g = it.next();
            if (g.due(now) && flush(g, now)) {
                it.remove();
            }
        }
        routes.forEach(r -> r.tick(now, this::firing));
    }

    /** Flushes a due group to the routes; true when it is empty afterwards. */
    private boolean flush(AlertGroup g, Instant now) {
        g.flush(now, settings.groupInterval(), settings.repeatInterval()).ifPresentOrElse(
                list -> routes.forEach(r -> r.offer(g.key(), g.labels(), list, now)),
                () -> suppressed.get(Suppression.DEDUP).increment());
        return g.isEmpty();
    }

    private List<AlertState> firing() {
        return tracked.values().stream().map(t -> t.state).filter(AlertState::firing).toList();
    }

    /**
     * Records a state change; a group already due (group-wait 0, or group-interval passed) is
     * flushed at once rather than on the next tick, so a change costs no tick latency.
     */
    private void changed(TrackedAlert t, String action, Instant now) {
        if (sourceNames.contains(t.state.alert().name())) {
            if (t.state.firing()) {
                firingSources.put(t.state.fingerprint(), t.state.alert());
            } else {
                firingSources.remove(t.state.fingerprint());
            }
        }
        AlertGroup g = group(t.state, now);
        g.put(t.state);
        firingCount = (int) tracked.values().stream().filter(a -> a.state.firing()).count();
        stateLog.accept(stateEvent(t.state, action, now));
        if (g.due(now) && flush(g, now)) {
            groups.remove(g.key());
        }
    }

    private AlertGroup group(AlertState s, Instant now) {
        Map<String, String> key = groupLabels(s.alert());
        return groups.computeIfAbsent(key.toString(), k -> new AlertGroup(k, key, now, settings.groupWait()));
    }

    private Map<String, String> groupLabels(Alert a) {
        Map<String, String> all = new TreeMap<>(a.labels());
        all.put("alertname", a.name());
        if (settings.groupBy().contains(AlertPipelineKeys.ALL_LABELS)) {
            return all;
        }
        Map<String, String> out = new TreeMap<>();
        settings.groupBy().forEach(l -> out.put(l, all.getOrDefault(l, "")));
        return out;
    }

    /** The event-log record of a state change, ECS-named. */
    static Event stateEvent(AlertState s, String action, Instant now) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule.name", s.alert().name());
        f.put("event.start", s.startsAt().toString());
        if (s.endsAt() != null) {
            f.put("event.end", s.endsAt().toString());
        }
        f.put("podwatch.alert.fingerprint", s.fingerprint());
        f.put("podwatch.alert.status", s.status().label());
        f.put("podwatch.alert.flapping", s.flapping());
        s.alert().labels().forEach((k, v) -> f.put("labels." + k, v));
        String summary = s.alert().annotations().getOrDefault("summary", s.alert().name());
        return new Event(now, EventKind.ALERT, action, "", s.alert().severity(), "alert-pipeline",
                s.alert().container(), "[" + s.status().label() + "] " + summary, f);
    }
}
