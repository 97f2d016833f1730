package io.podwatch.agent.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.collect.Backoff;
import io.podwatch.agent.sink.Dispatcher;
import io.podwatch.agent.sink.HttpPoster;
import io.podwatch.agent.sink.OutboxLimits;
import io.podwatch.agent.sink.eventlog.EventLog;
import io.podwatch.agent.sink.eventlog.EventLogConfig;
import io.podwatch.agent.sink.testing.Notifications;
import io.podwatch.agent.sink.testing.WebhookReceiver;
import io.podwatch.agent.sink.webhook.WebhookConfig;
import io.podwatch.agent.sink.webhook.WebhookSink;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.OutboxHandoff;
import io.podwatch.core.alert.AlertPipeline;
import io.podwatch.core.alert.AlertPipelineConfig;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.alert.NotificationQueue;
import io.podwatch.core.alert.Route;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.core.process.Detector;
import io.podwatch.core.process.ProcessingStage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Alert pipeline numbers for {@code docs/performance.md}:
 * <ol>
 *   <li>throughput: events/s through the processing stage, each raising an alert (1,000 distinct
 *       fingerprints, so most are dedups) into grouping, until every event and alert state change
 *       is written to the event log;</li>
 *   <li>delivery: notification submit (outbox fsync) → webhook receiver, p50/p99, and drain rate;</li>
 *   <li>end to end: event enqueued → webhook received, with {@code group-wait: 0s} (a due group is
 *       flushed as the alert fires, not on the next tick).</li>
 * </ol>
 * Run: {@code java -cp <agent test classpath> io.podwatch.agent.bench.AlertPipelineBench [events] [deliveries] [e2e]}
 */
public final class AlertPipelineBench {
    private AlertPipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int e2e = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path dir = Files.createTempDirectory("podwatch-bench");
        throughput(dir, events / 5); // warm-up
        throughput(dir, events);
        delivery(dir, deliveries);
        endToEnd(dir, e2e);
    }

    /** Fires one alert per event, for one of 1,000 containers. */
    private static final class FiringDetector implements Detector {
        @Override
        public String name() {
            return "bench";
        }

        @Override
        public void onEvent(Event e, Alerts alerts) {
            alerts.fire(new Alert("BenchAlert", Severity.HIGH, Map.of("container", e.container().name()),
                    Map.of("summary", e.message()), e.container()));
        }
    }

    private static Event event(int i, int containers) {
        String c = "c" + (i % containers);
        return new Event(Instant.now(), EventKind.EVENT, "container-died", "process", Severity.MEDIUM, "podman",
                new ContainerRef("id-" + c, c, "busybox", ""), "died " + i, Map.of("process.exit_code", 1));
    }

    private static void throughput(Path dir, int n) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Clock clock = Clock.systemUTC();
        Path logFile = dir.resolve("tp-" + n + ".jsonl");
        EventLog log = new EventLog(new EventLogConfig(logFile, 256L << 20, 2, 100_000, Duration.ofMillis(100),
                Duration.ofSeconds(1)), clock, meters);
        NotificationQueue discard = new NotificationQueue() {
            @Override
            public String sink() {
                return "null";
            }

            @Override
            public void submit(io.podwatch.core.alert.Notification notification) {
            }
        };
        OutboxHandoff alerts = new OutboxHandoff(10_000);
        AlertPipeline pipeline = new AlertPipeline(new AlertPipelineConfig(List.of("alertname", "container"),
                Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(4), 4, Duration.ofMinutes(10)),
                List.of(Route.of(alerts.wrap(discard))), Inhibitions.NONE, log::accept, clock, meters);
        ProcessingStage stage = new ProcessingStage(new LatestSamples(), List.of(new FiringDetector()),
                List.of(log), pipeline, clock, 10_000, meters);
        log.start();
        alerts.start();
        stage.start();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            stage.eventAwait(event(i, 1000));
        }
        double expected = n + 1000; // every event + one alert-firing per distinct fingerprint
        while (meters.get("podwatch.eventlog.written").counter().count()
                + meters.get("podwatch.eventlog.dropped").counter().count() < expected) {
            Thread.sleep(1);
        }
        long ns = System.nanoTime() - t0;
        stage.close();
        alerts.close();
        log.close();
        double written = meters.get("podwatch.eventlog.written").counter().count();
        System.out.printf("throughput: %d events (+1000 alert state changes) through stage, dedup and grouping in %.2f s"
                        + " = %.0f events/s; event log wrote %.0f lines = %.0f lines/s, dropped %.0f (queue full)%n",
                n, ns / 1e9, n / (ns / 1e9), written, written / (ns / 1e9),
                meters.get("podwatch.eventlog.dropped").counter().count());
        Files.deleteIfExists(logFile);
    }

    private static Dispatcher dispatcher(Path dir, String name, WebhookReceiver r, SimpleMeterRegistry meters) throws Exception {
        WebhookSink sink = new WebhookSink("webhook-0", new WebhookConfig(URI.create(r.url("/hook")), Map.of(), null, null),
                new HttpPoster(Duration.ofSeconds(1), Duration.ofSeconds(5), Clock.systemUTC()), Map.of());
        Dispatcher d = new Dispatcher(sink, dir.resolve(name), new OutboxLimits(100_000, 1L << 30, Duration.ofDays(1)),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)), e -> { }, Clock.systemUTC(), meters);
        d.start();
        return d;
    }

    private static void delivery(Path dir, int n) throws Exception {
        try (WebhookReceiver r = new WebhookReceiver().up()) {
            Dispatcher d = dispatcher(dir, "delivery", r, new SimpleMeterRegistry());
            List<Long> lat = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                d.submit(Notifications.of("webhook-0", Notifications.firing("Bench", "c" + i)));
                while (r.accepted.size() <= i) {
                    Thread.onSpinWait();
                }
                lat.add(r.accepted.get(i).atNanos() - t0);
            }
            report("delivery submit→received (outbox fsync + HTTP), one at a time", lat);
            // drain rate: queue n while the receiver is down, then bring it back
            r.down();
            r.accepted.clear();
            for (int i = 0; i < n; i++) {
                d.submit(Notifications.of("webhook-0", Notifications.firing("Bench", "d" + i)));
            }
            long t0 = System.nanoTime();
            r.up();
            while (r.accepted.size() < n) {
                Thread.sleep(1);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("delivery drain: %d queued notifications delivered in %.2f s = %.0f/s%n", n, s, n / s);
            d.close();
        }
    }

    private static void endToEnd(Path dir, int n) throws Exception {
        try (WebhookReceiver r = new WebhookReceiver().up()) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Dispatcher d = dispatcher(dir, "e2e", r, meters);
            Clock clock = Clock.systemUTC();
            OutboxHandoff alerts = new OutboxHandoff(10_000);
            AlertPipeline pipeline = new AlertPipeline(new AlertPipelineConfig(List.of("alertname", "container"),
                    Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(4), 4, Duration.ofMinutes(10)),
                    List.of(Route.of(alerts.wrap(d))), Inhibitions.NONE, e -> { }, clock, meters);
            ProcessingStage stage = new ProcessingStage(new LatestSamples(), List.of(new FiringDetector()),
                    List.of(), pipeline, clock, 10_000, meters);
            alerts.start();
            stage.start();
            List<Long> lat = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                stage.event(event(i, Integer.MAX_VALUE));
                while (r.accepted.size() <= i) {
                    Thread.sleep(1);
                }
                lat.add(r.accepted.get(i).atNanos() - t0);
                Thread.sleep(137); // desynchronise from the tick
            }
            report("end to end event→webhook received (group-wait 0s)", lat);
            stage.close();
            alerts.close();
            d.close();
        }
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        System.out.printf("%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", what, s.size(), s.get(s.size() / 2) / 1e6,
                s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1)) / 1e6, s.get(s.size() - 1) / 1e6);
    }
}
