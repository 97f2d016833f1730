package io.podwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import io.podwatch.core.inventory.Inventory;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.agent.BuiltIns;
import io.podwatch.agent.cli.ConfigFiles;
import io.podwatch.agent.sink.Alerting;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.agent.sink.testing.AlertmanagerProcess;
import io.podwatch.agent.sink.testing.StartTlsFront;
import io.podwatch.agent.sink.testing.WebhookReceiver;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanItKit;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.detect.restart.ContainerOomKilled;
import io.podwatch.core.detect.restart.ContainerRestartLoop;
import io.podwatch.core.detect.restart.RestartLoopConfig;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.lifecycle.Lifecycle;
import io.podwatch.core.process.ProcessingStage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole alert path against real parts: a real Podman container in a restart loop, the real
 * Podman collector's events, the processing stage with the detector and pipeline, and every sink
 * receiving ContainerRestartLoop — webhook receiver, prometheus-alertmanager, GreenMail over
 * STARTTLS with auth — within 10 s of the third death. A healthy container raises nothing.
 */
class RestartLoopPodmanIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void restartLoopReachesEverySinkWithinTenSecondsOfTheThirdDeath() throws Exception {
        PodmanHarness.assumeAvailable();
        Path amDir = Files.createDirectories(dir.resolve("am"));
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser("podwatch@host.example", "podwatch", "mail-pw");
        mail.start();
        Files.writeString(dir.resolve("smtp.password"), "mail-pw\n");
        try (PodmanHarness h = PodmanHarness.create(); AlertmanagerProcess am = AlertmanagerProcess.start(amDir);
             WebhookReceiver hook = new WebhookReceiver().up(); StartTlsFront front = new StartTlsFront(mail.getSmtp().getPort())) {
            h.startService();
            String yaml = String.join("\n",
                    "state-dir: " + dir.resolve("state"),
                    "event-log: " + dir.resolve("events.jsonl"),
                    "alerts:",
                    "  group-interval: 1s",
                    "  webhooks:",
                    "    - url: " + hook.url("/hook"),
                    "      backoff-initial: 100ms",
                    "  alertmanager:",
                    "    - url: " + am.url(),
                    "  email:",
                    "    smtp: 127.0.0.1:" + front.port(),
                    "    starttls: true",
                    "    ssl-trust: 127.0.0.1",
                    "    username: podwatch",
                    "    password-file: " + dir.resolve("smtp.password"),
                    "    from: podwatch@host.example",
                    "    to: [ops@example.org]",
                    "");
            Config cfg = ConfigReader.read("it.yaml", yaml, BuiltIns.settings(), ConfigFiles.hostEnv());
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Clock clock = Clock.systemUTC();
            ContainerRestartLoop loop = new ContainerRestartLoop(RestartLoopConfig.from(cfg));
            Alerting alerting = Alerting.create(cfg, ConfigFiles.hostEnv(), BuiltIns.eventSinks(), BuiltIns.receivers(),
                    new SinkContext(clock, meters, dir.resolve("state"), System.getenv(), Map.of("host", "it"), e -> { }),
                    Inhibitions.of(List.of(ContainerRestartLoop.INHIBIT)));
            LatestSamples latest = new LatestSamples();
            ProcessingStage stage = new ProcessingStage(latest, List.of(loop,
                    new ContainerOomKilled(RestartLoopConfig.from(cfg))),
                    alerting.eventSinks(), alerting.pipeline(), clock, 10_000, meters);
            PodmanConfig podman = PodmanItKit.config(h, PodmanConfig.StatsSourceKind.API);
            PodmanModule module = PodmanModule.create(podman, dir.resolve("state"), new Inventory(clock), stage, clock,
                    meters);
            try (Lifecycle life = new Lifecycle()) {
                alerting.managed().forEach(life::add);
                life.add(stage);
                module.managed().forEach(life::add);
                life.start();
                await().atMost(10, TimeUnit.SECONDS).until(() -> module.tracker().synced());
                h.runDetached(List.of("--name", "healthy"), "sleep 600");
                h.runDetached(List.of("--name", "crasher", "--restart=on-failure:5"), "sleep 1; exit 1");

                await().atMost(60, TimeUnit.SECONDS).until(() -> deaths("crasher").size() >= 3);
                Instant thirdDeath = deaths("crasher").get(2);
                await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                        hookHas(hook, "crasher") && amHas(am, "crasher") && mailHas(mail, "crasher"));
                Duration latency = Duration.between(thirdDeath, Instant.now());
                System.out.println("restart loop: all sinks had the alert " + latency.toMillis() + " ms after the third death");
                assertThat(latency).isLessThanOrEqualTo(Duration.ofSeconds(10));

                // the on-failure:5 policy gives up after the sixth death: critical, still one loop alert
                await().atMost(60, TimeUnit.SECONDS).until(() -> deaths("crasher").size() >= 6);
                await().atMost(10, TimeUnit.SECONDS).until(() -> amSeverities(am, "crasher").equals(java.util.Set.of("critical")));
                assertThat(hookHas(hook, "healthy") || amHas(am, "healthy") || mailHas(mail, "healthy")).isFalse();
                assertThat(Files.readAllLines(dir.resolve("events.jsonl"))).filteredOn(l -> l.contains("\"alert\""))
                        .isNotEmpty().noneMatch(l -> l.contains("\"healthy\""));
            } finally {
                h.podman("rm", "-f", "-t", "0", "crasher", "healthy");
            }
        } finally {
            mail.stop();
        }
    }

    private List<Instant> deaths(String name) throws IOException {
        Path log = dir.resolve("events.jsonl");
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().map(RestartLoopPodmanIT::parse)
                .filter(n -> n != null && n.path("event").path("action").asText().equals("container-died")
                        && n.path("container").path("name").asText().equals(name))
                .map(n -> Instant.parse(n.path("@timestamp").asText())).sorted().toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hookHas(WebhookReceiver hook, String container) {
        return hook.accepted.stream().anyMatch(r -> {
            for (JsonNode a : r.json().path("alerts")) {
                if (a.path("labels").path("alertname").asText().equals("ContainerRestartLoop")
                        && a.path("labels").path("container").asText().equals(container)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean amHas(AlertmanagerProcess am, String container) throws Exception {
        return !amSeverities(am, container).isEmpty();
    }

    /** Severities of the active loop alerts Alertmanager lists for the container. */
    private static java.util.Set<String> amSeverities(AlertmanagerProcess am, String container) throws Exception {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (JsonNode a : am.alerts()) {
            if (a.path("labels").path("alertname").asText().equals("ContainerRestartLoop")
                    && a.path("labels").path("container").asText().equals(container)) {
                out.add(a.path("labels").path("severity").asText());
            }
        }
        return out;
    }

    private static boolean mailHas(GreenMail mail, String container) throws Exception {
        for (var m : mail.getReceivedMessages()) {
            if (m.getSubject().contains("ContainerRestartLoop") && m.getSubject().contains(container)) {
                return true;
            }
        }
        return false;
    }
}
