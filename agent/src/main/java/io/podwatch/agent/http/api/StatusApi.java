package io.podwatch.agent.http.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.podwatch.agent.http.Routes;
import io.podwatch.agent.sink.Dispatcher;
import io.podwatch.agent.status.History;
import io.podwatch.agent.status.Rows;
import io.podwatch.agent.status.StatusModel;
import io.podwatch.core.collect.CollectorHealth;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code /api/v1/}: the JSON the status page and {@code podwatch status} read (docs/api.md).
 * Renders the {@link StatusModel}'s snapshot plus what the collectors' runner and the dispatchers
 * report as snapshots; no call here blocks. Numbers not known yet are {@code null}.
 */
public final class StatusApi {
    public static final String PREFIX = "/api/v1/";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = mapper();

    /** What the overview shows besides the model. */
    public record Sources(String host, String version, Instant started, Supplier<List<CollectorHealth>> collectors,
                          Supplier<List<Dispatcher.DeliveryState>> receivers, String eventLog) {
    }

    private final StatusModel model;
    private final Sources sources;
    private final Clock clock;

    public StatusApi(StatusModel model, Sources sources, Clock clock) {
        this.model = model;
        this.sources = sources;
        this.clock = clock;
    }

    /** The routes, by path. */
    public Map<String, Function<Routes.Request, Routes.Response>> routes() {
        Map<String, Function<Routes.Request, Routes.Response>> m = new LinkedHashMap<>();
        m.put(PREFIX + "overview", r -> json(overview()));
        m.put(PREFIX + "containers", r -> json(Map.of("containers", model.snapshot().containers())));
        m.put(PREFIX + "containers/", this::container);
        m.put(PREFIX + "alerts", r -> json(alerts()));
        m.put(PREFIX + "findings", r -> json(Map.of("findings", model.snapshot().findings())));
        m.put(PREFIX + "events", this::events);
        return m;
    }

    Map<String, Object> overview() {
        Rows.Snapshot s = model.snapshot();
        Map<String, Object> o = new LinkedHashMap<>();
        Instant now = clock.instant();
        o.put("host", sources.host());
        o.put("version", sources.version());
        o.put("started", sources.started());
        o.put("uptimeSeconds", Duration.between(sources.started(), now).toSeconds());
        o.put("now", now);
        o.put("engines", s.engines());
        o.put("collectors", sources.collectors().get());
        o.put("audit", s.audit());
        o.put("receivers", sources.receivers().get());
        o.put("eventLog", sources.eventLog());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("containers", s.containers().size());
        counts.put("running", s.containers().stream().filter(c -> c.state().equals("running")).count());
        counts.put("alertsFiring", s.firing().size());
        counts.put("findings", s.findings().size());
        o.put("counts", counts);
        o.put("historyBytes", model.historyBytes());
        return o;
    }

    private Map<String, Object> alerts() {
        Rows.Snapshot s = model.snapshot();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("firing", s.firing());
        o.put("resolved", s.resolved());
        o.put("inhibited", s.inhibited());
        return o;
    }

    private Routes.Response container(Routes.Request r) {
        String key = r.path().substring((PREFIX + "containers/").length());
        Rows.Snapshot s = model.snapshot();
        Rows.Container c = s.containers().stream().filter(x -> x.id().equals(key) || x.name().equals(key)
                || (key.length() >= 12 && x.id().startsWith(key))).findFirst().orElse(null);
        if (c == null) {
            return new Routes.Response(404, JSON_TYPE, write(Map.of("error", "no such container")));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("container", c);
        History.Points p = model.history(c.id());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("stepSeconds", History.STEP.toSeconds());
        h.put("time", p == null ? new long[0] : p.time());
        for (int i = 0; i < History.Points.NAMES.length; i++) {
            h.put(History.Points.NAMES[i], p == null ? new double[0] : p.series()[i]);
        }
        o.put("history", h);
        o.put("findings", s.findings().stream().filter(f -> f.containerId().equals(c.id())).toList());
        o.put("alerts", s.firing().stream().filter(a -> a.containerId().equals(c.id())).toList());
        o.put("events", model.events(0, e -> e.containerId().equals(c.id()), 50));
        return json(o);
    }

    private Routes.Response events(Routes.Request r) {
        long since = parseLong(r.param("since", "0"));
        int limit = (int) Math.max(1, Math.min(500, parseLong(r.param("limit", "200"))));
        String severity = r.param("severity", "").toLowerCase(Locale.ROOT);
        String source = r.param("source", "");
        String container = r.param("container", "");
        String q = r.param("q", "").toLowerCase(Locale.ROOT);
        List<String> order = List.of("info", "low", "medium", "high", "critical");
        Predicate<Rows.Event> f = e -> (severity.isEmpty() || order.indexOf(e.severity()) >= order.indexOf(severity))
                && (source.isEmpty() || e.source().equals(source))
                && (container.isEmpty() || e.container().equals(container) || e.containerId().startsWith(container))
                && (q.isEmpty() || e.message().toLowerCase(Locale.ROOT).contains(q) || e.action().contains(q));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("last", model.lastEventSeq());
        o.put("events", model.events(since, f, limit));
        return json(o);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Routes.Response json(Object o) {
        return new Routes.Response(200, JSON_TYPE, write(o));
    }

    static byte[] write(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Instants as ISO-8601 strings; NaN and infinities (not JSON) as null. */
    private static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("podwatch-status");
        m.addSerializer(Instant.class, ToStringSerializer.instance);
        JsonSerializer<Double> finite = new JsonSerializer<>() {
            @Override
            public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v == null || v.isNaN() || v.isInfinite()) {
                    g.writeNull();
                } else {
                    g.writeNumber(v);
                }
            }
        };
        m.addSerializer(Double.class, finite);
        m.addSerializer(Double.TYPE, finite);
        m.addSerializer(double[].class, new JsonSerializer<>() {
            @Override
            public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeStartArray();
                for (double d : v) {
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        g.writeNull();
                    } else {
                        g.writeNumber(d);
                    }
                }
                g.writeEndArray();
            }
        });
        return new ObjectMapper().registerModule(m).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
