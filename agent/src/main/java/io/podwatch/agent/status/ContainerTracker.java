package io.podwatch.agent.status;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerInventory;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns engine batches (cAdvisor-named container families) into list rows and chart points: CPU and
 * network counters become rates between consecutive batches. A container's history is kept an hour
 * after it was last seen (a crash-looping container keeps its charts), and at most
 * {@link #MAX_TRACKED} histories exist, the least recently seen going first: memory is bounded by
 * {@code MAX_TRACKED * History.BYTES}. Processing thread only.
 */
final class ContainerTracker {
    static final int MAX_TRACKED = 500;
    private static final Duration KEEP = Duration.ofHours(1);

    private static final class Track {
        final History history = new History();
        Rows.Container row;
        Instant time;
        double cpu = Double.NaN;
        double rx = Double.NaN;
        double tx = Double.NaN;
    }

    private final Map<String, Track> tracks = new HashMap<>();
    /** The ids each engine listed in its latest batch: what the list shows. */
    private final Map<String, List<String>> current = new HashMap<>();

    static boolean isContainerBatch(SampleBatch b) {
        return !b.samples().isEmpty() && b.samples().stream().anyMatch(s -> s.metric().name().equals("container_cpu_usage_seconds_total"));
    }

    /**
     * @param anomaly per container name, signal → score, from the anomaly detector's latest batch
     */
    void onBatch(SampleBatch b, Map<String, Map<String, Double>> anomaly) {
        Map<String, Map<String, Double>> byId = new HashMap<>();
        Map<String, Sample> any = new HashMap<>();
        Map<String, String> state = new HashMap<>();
        for (Sample s : b.samples()) {
            String id = s.label("id");
            if (id.isEmpty()) {
                continue;
            }
            any.putIfAbsent(id, s);
            Map<String, Double> v = byId.computeIfAbsent(id, k -> new HashMap<>());
            String name = s.metric().name();
            if (name.equals("podwatch_container_state") && s.value() == 1) {
                state.put(id, s.label("state"));
            } else {
                v.merge(name, s.value(), Double::sum); // network families: one series per interface
            }
        }
        List<String> ids = new ArrayList<>(byId.keySet());
        current.put(b.source(), ids);
        for (String id : ids) {
            Sample s = any.get(id);
            Map<String, Double> v = byId.get(id);
            Track t = tracks.computeIfAbsent(id, k -> new Track());
            double dt = t.time == null ? Double.NaN : Duration.between(t.time, b.time()).toMillis() / 1000.0;
            double cpu = rate(t.cpu, v.get("container_cpu_usage_seconds_total"), dt);
            double rx = rate(t.rx, v.get("container_network_receive_bytes_total"), dt);
            double tx = rate(t.tx, v.get("container_network_transmit_bytes_total"), dt);
            t.cpu = v.getOrDefault("container_cpu_usage_seconds_total", Double.NaN);
            t.rx = v.getOrDefault("container_network_receive_bytes_total", Double.NaN);
            t.tx = v.getOrDefault("container_network_transmit_bytes_total", Double.NaN);
            t.time = b.time();
            String name = s.label("name");
            Map<String, Double> scores = anomaly.getOrDefault(name, Map.of());
            double mem = v.getOrDefault("container_memory_usage_bytes", Double.NaN);
            t.row = new Rows.Container(id, name, s.label("image"), s.label("pod"), b.source(),
                    state.getOrDefault(id, "unknown"), cpu, mem, v.getOrDefault("container_spec_memory_limit_bytes", Double.NaN),
                    rx, tx, v.getOrDefault("podwatch_container_restarts_total", Double.NaN), Map.copyOf(scores),
                    Double.NaN, List.of(), b.time());
            double maxScore = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            t.history.add(b.time(), cpu, mem, rx, tx, maxScore);
        }
        evict(b.time());
    }

    private static double rate(double before, Double now, double dt) {
        if (now == null || Double.isNaN(before) || !(dt > 0) || now < before) {
            return Double.NaN; // first sight, or the counter reset with a restart
        }
        return (now - before) / dt;
    }

    private void evict(Instant now) {
        for (Iterator<Track> it = tracks.values().iterator(); it.hasNext(); ) {
            if (it.next().time.isBefore(now.minus(KEEP))) {
                it.remove();
            }
        }
        if (tracks.size() > MAX_TRACKED) {
            tracks.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().time))
                    .limit(tracks.size() - MAX_TRACKED).map(Map.Entry::getKey).toList().forEach(tracks::remove);
        }
    }

    /**
     * The listed containers: what the engines' latest batches had, with the inventory's identity,
     * state and restart count where it knows the container (it hears engine events between
     * collections), plus the inventory's containers no batch had yet (created, exited, paused), and
     * the posture scan's latest view (it runs less often than the stats). The inventory is read
     * through its lock-free maps.
     */
    List<Rows.Container> rows(Map<String, PostureView.Entry> posture, ContainerInventory inventory) {
        Map<String, Rows.Container> out = new java.util.LinkedHashMap<>();
        current.values().forEach(ids -> ids.forEach(id -> {
            Track t = tracks.get(id);
            if (t != null) {
                out.put(id, t.row);
            }
        }));
        for (ContainerInfo c : inventory.all()) {
            if (c.infra()) {
                continue;
            }
            Rows.Container r = out.get(c.key().id());
            out.put(c.key().id(), r == null
                    ? new Rows.Container(c.key().id(), c.name(), c.image(), c.pod(), c.key().engine(), c.state(), Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, c.restartCount(), Map.of(), Double.NaN, List.of(), null)
                    : new Rows.Container(r.id(), c.name().isEmpty() ? r.name() : c.name(), c.image().isEmpty() ? r.image() : c.image(),
                    c.pod(), c.key().engine(), c.state().isEmpty() ? r.state() : c.state(), r.cpuCores(), r.memoryBytes(),
                    r.memoryLimitBytes(), r.receiveBytesPerSecond(), r.transmitBytesPerSecond(),
                    Math.max(c.restartCount(), Double.isNaN(r.restarts()) ? 0 : r.restarts()), r.anomaly(),
                    r.postureScore(), r.failingChecks(), r.seen()));
        }
        List<Rows.Container> list = new ArrayList<>();
        out.values().forEach(r -> {
            PostureView.Entry p = posture.getOrDefault(r.name(), PostureView.Entry.NONE);
            list.add(new Rows.Container(r.id(), r.name(), r.image(), r.pod(), r.engine(), r.state(), r.cpuCores(),
                    r.memoryBytes(), r.memoryLimitBytes(), r.receiveBytesPerSecond(), r.transmitBytesPerSecond(),
                    r.restarts(), r.anomaly(), p.score(), p.failing(), r.seen()));
        });
        list.sort(Comparator.comparing(Rows.Container::name).thenComparing(Rows.Container::id));
        return list;
    }

    /** Histories by id, for the HTTP thread (each is safe to copy from there). */
    Map<String, History> histories() {
        Map<String, History> m = new HashMap<>();
        tracks.forEach((id, t) -> m.put(id, t.history));
        return m;
    }

    long historyBytes() {
        return tracks.size() * History.BYTES;
    }
}
