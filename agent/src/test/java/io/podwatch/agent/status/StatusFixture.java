package io.podwatch.agent.status;

import io.podwatch.agent.http.HttpServer;
import io.podwatch.agent.http.Routes;
import io.podwatch.agent.http.StatusPages;
import io.podwatch.agent.http.api.StatusApi;
import io.podwatch.agent.http.auth.WebConfig;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.collect.CollectorHealth;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A status model fed as the processing thread would feed it (engine batches, posture batches,
 * events, alert state changes), with hostile names among the containers, and a server with the
 * agent's routes. For the API, page and CLI tests; the real agent's wiring is tested by AgentProcessIT.
 */
public final class StatusFixture {
    public static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&\u001b[31m";
    static final String[] L = {"id", "name", "image", "pod"};
    static final MetricDef CPU = MetricDef.counter("container_cpu_usage_seconds_total", "seconds", "cpu", L);
    static final MetricDef MEM = MetricDef.gauge("container_memory_usage_bytes", "bytes", "mem", L);
    static final MetricDef LIMIT = MetricDef.gauge("container_spec_memory_limit_bytes", "bytes", "limit", L);
    static final MetricDef RX = MetricDef.counter("container_network_receive_bytes_total", "bytes", "rx", "id", "name", "image", "pod", "interface");
    static final MetricDef TX = MetricDef.counter("container_network_transmit_bytes_total", "bytes", "tx", "id", "name", "image", "pod", "interface");
    static final MetricDef RESTARTS = MetricDef.counter("podwatch_container_restarts_total", "", "restarts", L);
    static final MetricDef STATE = MetricDef.gauge("podwatch_container_state", "", "state", "id", "name", "image", "pod", "state");
    static final MetricDef SCORE = MetricDef.gauge("podwatch_container_anomaly_score", "", "score", "name", "signal");
    static final MetricDef POSTURE = MetricDef.gauge("podwatch_posture_score", "", "posture", "name");
    static final MetricDef FINDING = MetricDef.gauge("podwatch_posture_finding", "", "finding", "check", "severity", "name");

    public final LatestSamples latest = new LatestSamples();
    public final Instant start = Instant.parse("2026-12-01T00:00:00Z");
    public Instant now = start;
    /** Reads {@link #now}, which the fixture advances as collections go by. */
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    public final io.podwatch.core.inventory.Inventory inventory = new io.podwatch.core.inventory.Inventory(clock);
    public final StatusModel model = new StatusModel(latest, inventory, clock);
    final Alerts none = new Alerts() {
        @Override
        public void fire(Alert alert) {
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
        }
    };

    public record C(String id, String name, String image, String state) {
    }

    public final List<C> containers = List.of(
            new C("a".repeat(64), "web", "docker.io/library/nginx:1.27", "running"),
            new C("b".repeat(64), "db", "docker.io/library/postgres:16", "running"),
            new C("c".repeat(64), "crashloop", "docker.io/library/alpine:3.20", "exited"),
            new C("d".repeat(64), HOSTILE, "evil/" + HOSTILE + ":latest", "running"));

    /** {@code minutes} of collections every 5 s, with CPU and traffic that vary, then a tick. */
    public StatusFixture collect(int minutes) {
        for (int i = 0; i < minutes * 12; i++) {
            now = now.plusSeconds(5);
            List<Sample> s = new ArrayList<>();
            List<Sample> scores = new ArrayList<>();
            for (int k = 0; k < containers.size(); k++) {
                C c = containers.get(k);
                String[] l = {c.id(), c.name(), c.image(), ""};
                double t = i * 5.0;
                s.add(CPU.sample(t * (0.05 + 0.1 * k) + (k == 0 ? 3 * Math.sin(i / 20.0) + 3 : 0), l));
                s.add(MEM.sample(50e6 * (k + 1) + 1e6 * (i % 30), l));
                s.add(LIMIT.sample(512e6, l));
                s.add(RX.sample(t * 2000 * (k + 1) + (i % 7) * 5000, c.id(), c.name(), c.image(), "", "eth0"));
                s.add(TX.sample(t * 800 * (k + 1), c.id(), c.name(), c.image(), "", "eth0"));
                s.add(RESTARTS.sample(c.name().equals("crashloop") ? i / 6 : 0, l));
                s.add(STATE.sample(1, c.id(), c.name(), c.image(), "", c.state()));
                scores.add(SCORE.sample(k == 1 && i > 500 ? 0.9 : 0.1 + 0.05 * Math.sin(i / 10.0), c.name(), "cpu"));
            }
            latest.put(new SampleBatch("anomaly", now, scores));
            model.onSamples(new SampleBatch("podman", now, s), none);
        }
        // a container the engine listed but that has no stats (created, never started): from the inventory
        var feed = inventory.feeds().isEmpty() ? inventory.feed("podman", "root", 100) : inventory.feeds().get(0);
        feed.put(io.podwatch.core.inventory.ContainerInfo.listed(feed.key("e".repeat(64)), "created-only",
                "docker.io/library/busybox:1.36", "", "created", 0, 0, null, 0));
        model.onSamples(new SampleBatch("posture", now, List.of(POSTURE.sample(60, HOSTILE), POSTURE.sample(100, "web"),
                FINDING.sample(1, "PW-C-PRIVILEGED", "critical", HOSTILE))), none);
        model.onTick(now, none);
        return this;
    }

    /** A crash-looping container's alert, a posture finding, an audit event, and a resolved and an inhibited alert. */
    public StatusFixture incidents() {
        C loop = containers.get(2);
        C evil = containers.get(3);
        ContainerRef loopRef = new ContainerRef(loop.id(), loop.name(), loop.image(), "");
        ContainerRef evilRef = new ContainerRef(evil.id(), evil.name(), evil.image(), "");
        model.onAlertState(alertEvent("ContainerRestartLoop", Severity.HIGH, loopRef, "firing",
                "crashloop restarted 6 times in 5m"));
        model.onAlertState(alertEvent("PostureCheckFailing", Severity.CRITICAL, evilRef, "firing", "PW-C-PRIVILEGED on " + HOSTILE));
        model.onAlertState(alertEvent("ContainerOomKilled", Severity.MEDIUM, loopRef, "firing", "crashloop was OOM-killed"));
        model.onAlertState(alertEvent("ContainerOomKilled", Severity.MEDIUM, loopRef, "resolved", "crashloop was OOM-killed"));
        model.onInhibited(new Alert("ContainerCpuAnomaly", Severity.MEDIUM, Map.of("container", "crashloop", "signal", "cpu"),
                Map.of("summary", "crashloop CPU unusual"), loopRef));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule.id", "PW-C-PRIVILEGED");
        f.put("rule.name", "Container runs privileged");
        f.put("vulnerability.severity", "critical");
        f.put("podwatch.posture.status", "failing");
        f.put("podwatch.posture.evidence", "Privileged=true " + HOSTILE);
        f.put("podwatch.posture.remediation", "Run without --privileged; add only the capabilities it needs with --cap-add.");
        f.put("rule.reference", "Oracle Linux: Podman security recommendations — Containers");
        model.onEvent(new Event(now, EventKind.STATE, "posture-finding", "configuration", Severity.CRITICAL, "posture", evilRef,
                "PW-C-PRIVILEGED failing on " + HOSTILE + ": Container runs privileged", f), none);
        model.onEvent(new Event(now, EventKind.EVENT, "execve", "process", Severity.MEDIUM, "audit", evilRef,
                "auid=1000 ran /bin/sh -c '" + HOSTILE + "' in " + HOSTILE, Map.of()), none);
        model.onEvent(new Event(now, EventKind.EVENT, "container-died", "process", Severity.LOW, "podman", loopRef,
                "crashloop died with exit code 1", Map.of()), none);
        model.onTick(now, none);
        return this;
    }

    /** One more audit event, as the processing thread would hand it over while the page is open. */
    public void liveAuditEvent(String message) {
        C evil = containers.get(3);
        model.onEvent(new Event(now, EventKind.EVENT, "execve", "process", Severity.HIGH, "audit",
                new ContainerRef(evil.id(), evil.name(), evil.image(), ""), message, Map.of()), none);
        model.onTick(now, none);
    }

    Event alertEvent(String name, Severity sev, ContainerRef c, String status, String summary) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule.name", name);
        f.put("event.start", now.minusSeconds(120).toString());
        if (status.equals("resolved")) {
            f.put("event.end", now.toString());
        }
        f.put("podwatch.alert.fingerprint", Alert.fingerprint(name, Map.of("container", c.name())));
        f.put("podwatch.alert.status", status);
        f.put("podwatch.alert.flapping", false);
        f.put("labels.container", c.name());
        f.put("labels.severity", sev.label());
        return new Event(now, EventKind.ALERT, "alert-" + status, "", sev, "alert-pipeline", c, "[" + status + "] " + summary, f);
    }

    /** The agent's routes over this model. */
    public Routes routes() {
        StatusApi api = new StatusApi(model, new StatusApi.Sources("host-" + HOSTILE, "0.1.0-test", start,
                () -> List.of(new CollectorHealth("podman", true, now, 0, ""), new CollectorHealth("posture", false, null, 3,
                        "timed out " + HOSTILE)),
                List::of, "/var/log/podwatch/events.jsonl"), Clock.fixed(now, ZoneOffset.UTC));
        Map<String, Function<Routes.Request, Routes.Response>> m = new HashMap<>(api.routes());
        StatusPages.assets().forEach((p, page) -> m.put(p, r -> page.get()));
        StatusPages pages = new StatusPages(() -> List.of(new CollectorHealth("podman", true, now, 0, "")),
                new io.podwatch.core.durable.FileHealth(Clock.fixed(now, ZoneOffset.UTC)));
        m.put("/healthz", r -> pages.healthz());
        return new Routes(m);
    }

    public HttpServer server() throws Exception {
        HttpServer s = new HttpServer(io.podwatch.core.config.HostPort.parse("127.0.0.1:0"), routes(), WebConfig.NONE, HttpServer.Limits.DEFAULT);
        s.start();
        return s;
    }
}
