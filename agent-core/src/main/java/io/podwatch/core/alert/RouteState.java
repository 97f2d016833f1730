package io.podwatch.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The pipeline's per-sink state: a token bucket, notifications deferred by it (merged per group so
 * a later flush never loses an earlier resolve), the digest buffer and the refresh schedule.
 * Processing thread only.
 */
final class RouteState {
    private record Deferred(Map<String, String> labels, Map<String, AlertState> alerts) {
    }

    private final Route route;
    private final Consumer<Suppression> suppressed;
    private final Map<String, Deferred> deferred = new LinkedHashMap<>();
    private final Map<String, AlertState> digest = new LinkedHashMap<>();
    private double tokens;
    private Instant refilled;
    private Instant digestDue;
    private Instant nextRefresh;

    RouteState(Route route, Consumer<Suppression> suppressed) {
        this.route = route;
        this.suppressed = suppressed;
        this.tokens = route.burst();
    }

    void offer(String groupKey, Map<String, String> labels, List<AlertState> alerts, Instant now) {
        if (!route.digest().isZero()) {
            alerts.forEach(a -> digest.put(a.fingerprint(), a));
            if (digestDue == null) {
                digestDue = now.plus(route.digest());
            }
            return;
        }
        sendOrDefer(groupKey, labels, alerts, now);
    }

    void tick(Instant now, Supplier<List<AlertState>> firing) {
        for (Iterator<Map.Entry<String, Deferred>> it = deferred.entrySet().iterator(); it.hasNext() && take(now); ) {
            Map.Entry<String, Deferred> e = it.next();
            submit(e.getKey(), e.getValue().labels(), new ArrayList<>(e.getValue().alerts().values()), now);
            it.remove();
        }
        if (digestDue != null && !now.isBefore(digestDue)) {
            List<AlertState> all = new ArrayList<>(digest.values());
            digest.clear();
            digestDue = null;
            sendOrDefer("digest", Map.of(), all, now);
        }
        if (!route.refresh().isZero()) {
            if (nextRefresh == null) {
                nextRefresh = now.plus(route.refresh());
            } else if (!now.isBefore(nextRefresh)) {
                nextRefresh = now.plus(route.refresh());
                List<AlertState> active = firing.get();
                if (!active.isEmpty()) {
                    // not rate-limited: a receiver that misses the refresh expires the alerts
                    submit("refresh", Map.of(), active, now);
                }
            }
        }
    }

    private void sendOrDefer(String groupKey, Map<String, String> labels, List<AlertState> alerts, Instant now) {
        Deferred old = deferred.get(groupKey);
        if (old == null && deferred.isEmpty() && take(now)) {
            submit(groupKey, labels, alerts, now);
            return;
        }
        Deferred d = old == null ? new Deferred(labels, new LinkedHashMap<>()) : old;
        alerts.forEach(a -> d.alerts().put(a.fingerprint(), a));
        deferred.put(groupKey, d);
        suppressed.accept(Suppression.RATE_LIMITED);
    }

    private boolean take(Instant now) {
        if (route.perMinute() == 0) {
            return true;
        }
        if (refilled != null) {
            double minutes = Duration.between(refilled, now).toMillis() / 60_000.0;
            tokens = Math.min(route.burst(), tokens + minutes * route.perMinute());
        }
        refilled = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void submit(String groupKey, Map<String, String> labels, List<AlertState> alerts, Instant now) {
        route.queue().submit(new Notification(UUID.randomUUID().toString(), route.queue().sink(), groupKey, labels,
                alerts, now));
    }
}
