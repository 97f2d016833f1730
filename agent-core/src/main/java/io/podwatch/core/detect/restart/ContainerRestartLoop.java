package io.podwatch.core.detect.restart;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import io.podwatch.core.process.Detector;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises {@code ContainerRestartLoop} from Podman lifecycle events (see {@link ContainerEvents}):
 * a container that died {@code deaths} times within {@code window}, each run shorter than
 * {@code max-run}; critical at {@code critical-deaths} within {@code critical-window}; at once when
 * an {@code on-failure:N} policy gives up. Resolves after the container has run
 * {@code resolve-after}. Keyed by name so re-created containers continue the same loop. While a
 * container loops the alert pipeline mutes that container's resource alerts ({@link #INHIBIT}).
 */
public final class ContainerRestartLoop implements Detector {
    public static final String ALERT = "ContainerRestartLoop";
    /** While a container's loop alert fires, its {@code category=resource} alerts are noise. */
    public static final Inhibitions.Rule INHIBIT = new Inhibitions.Rule(ALERT,
            Map.of(Inhibitions.CATEGORY_LABEL, Inhibitions.RESOURCE), List.of("container"));

    private final RestartLoopConfig s;
    private final Map<String, ContainerHistory> byName = new HashMap<>();

    public ContainerRestartLoop(RestartLoopConfig settings) {
        this.s = settings;
    }

    @Override
    public String name() {
        return "restart-loop";
    }

    @Override
    public void onEvent(Event e, Alerts alerts) {
        if (!ContainerEvents.fromEngine(e.source()) || e.container() == null) {
            return;
        }
        ContainerRef c = e.container();
        Map<String, String> labels = ContainerEvents.containerLabels(e);
        ContainerHistory h = byName.computeIfAbsent(key(labels), k -> new ContainerHistory());
        h.labels = labels;
        if (!c.id().equals(h.id)) {
            h.id = c.id();
            h.deathsOfId = 0;
            h.lastRestartCount = -1;
        }
        h.ref = c;
        h.lastSeen = e.time();
        h.removed = false;
        switch (e.action()) {
            // the event is the start; a STARTED_AT field on it may still describe the previous run
            case ContainerEvents.START, ContainerEvents.RESTART -> h.runningSince = e.time();
            case ContainerEvents.DIED -> died(h, e, alerts, 1);
            case ContainerEvents.RESTARTS_OBSERVED -> missed(h, e, alerts);
            case ContainerEvents.REMOVE -> h.removed = true;
            default -> {
            }
        }
    }

    /**
     * The poll fallback saw RestartCount (or StartedAt) move without events: count the deaths we did
     * not see as short runs — they happened between two polls, seconds apart.
     */
    private void missed(ContainerHistory h, Event e, Alerts alerts) {
        long count = number(e, ContainerEvents.RESTART_COUNT, -1);
        long delta = number(e, ContainerEvents.RESTART_DELTA, -1);
        int missed;
        if (delta >= 0) {
            missed = (int) Math.max(1, delta);
        } else {
            missed = h.lastRestartCount >= 0 && count > h.lastRestartCount ? (int) (count - h.lastRestartCount) : 1;
        }
        h.lastRestartCount = count;
        Instant started = startedAt(e);
        for (int i = 0; i < missed; i++) {
            h.runningSince = e.time();
            died(h, e, alerts, 0);
        }
        h.runningSince = started;
    }

    private void died(ContainerHistory h, Event e, Alerts alerts, int countDelta) {
        Instant at = e.time();
        Duration ranFor = h.runningSince == null ? Duration.ZERO : Duration.between(h.runningSince, at);
        h.lastExitCode = (int) number(e, ContainerEvents.EXIT_CODE, h.lastExitCode);
        h.died(at, ranFor, s.maxRun(), s.window().compareTo(s.criticalWindow()) > 0 ? s.window() : s.criticalWindow());
        long restartCount = number(e, ContainerEvents.RESTART_COUNT, -1);
        if (restartCount >= 0 && countDelta > 0) {
            h.lastRestartCount = restartCount;
        }
        boolean gaveUp = gaveUp(h, e, restartCount);
        boolean critical = h.deathsWithin(at, s.criticalWindow()) >= s.criticalDeaths();
        if (gaveUp || critical || h.deathsWithin(at, s.window()) >= s.deaths()) {
            Severity sev = critical || gaveUp ? Severity.CRITICAL : Severity.HIGH;
            h.firing = sev;
            alerts.fire(alert(h, sev, gaveUp));
        }
    }

    /** An on-failure:N policy stops restarting after N restarts, i.e. at the (N+1)th death of the id. */
    private static boolean gaveUp(ContainerHistory h, Event e, long restartCount) {
        Object policy = e.fields().get(ContainerEvents.RESTART_POLICY);
        long max = number(e, ContainerEvents.RESTART_MAX, 0);
        if (!"on-failure".equals(policy) || max <= 0 || h.lastExitCode == 0) {
            return false;
        }
        // Podman's count may lag by one (it is read at the previous inspect); our own count may miss
        // deaths from before podwatch started: either one reaching the limit means it gave up
        return restartCount >= max || h.deathsOfId > max;
    }

    private Alert alert(ContainerHistory h, Severity sev, boolean gaveUp) {
        int deaths = h.deathsWithin(h.lastSeen, s.window());
        Map<String, String> ann = new LinkedHashMap<>();
        ann.put("summary", "Container " + h.ref.display() + " is in a restart loop"
                + (gaveUp ? " and its on-failure policy gave up" : ""));
        ann.put("description", deaths + " deaths within " + s.window().toMinutes() + "m, each after running less than "
                + s.maxRun().toSeconds() + "s; last exit code " + h.lastExitCode);
        ann.put("deaths", Integer.toString(deaths));
        ann.put("exit_code", Integer.toString(h.lastExitCode));
        return new Alert(ALERT, sev, h.labels, ann, h.ref);
    }

    @Override
    public void onTick(Instant now, Alerts alerts) {
        for (Iterator<Map.Entry<String, ContainerHistory>> it = byName.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ContainerHistory> en = it.next();
            ContainerHistory h = en.getValue();
            boolean ranLongEnough = h.runningSince != null && !now.isBefore(h.runningSince.plus(s.resolveAfter()));
            boolean goneQuiet = h.removed && !now.isBefore(h.lastSeen.plus(s.resolveAfter()));
            if (h.firing != null && (ranLongEnough || goneQuiet)) {
                alerts.resolve(ALERT, h.labels);
                h.firing = null;
            }
            boolean stale = h.lastSeen.isBefore(now.minus(s.criticalWindow()).minus(s.window()));
            if (h.firing == null && stale && (h.removed || h.runningSince != null)) {
                it.remove();
            }
        }
    }

    /** The history key: the name alone for rootful Podman (as before), else engine/owner/name. */
    private static String key(Map<String, String> labels) {
        String engine = labels.getOrDefault("engine", "podman");
        String owner = labels.getOrDefault("owner", "root");
        String name = labels.get("container");
        return engine.equals("podman") && owner.equals("root") ? name : engine + "/" + owner + "/" + name;
    }

    private static Instant startedAt(Event e) {
        Object v = e.fields().get(ContainerEvents.STARTED_AT);
        try {
            return v instanceof String str && !str.isEmpty() ? Instant.parse(str) : e.time();
        } catch (java.time.format.DateTimeParseException ex) {
            return e.time();
        }
    }

    private static long number(Event e, String key, long fallback) {
        Object v = e.fields().get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v instanceof String str ? Long.parseLong(str.trim()) : fallback;
        } catch (NumberFormatException ex) {
            return fallback;
        }
    }
}
