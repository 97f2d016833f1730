package io.podwatch.agent.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.agent.sink.testing.WebhookReceiver;
import io.podwatch.agent.testing.AgentProcess;
import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 5, "day one must not page", as an operator meets it: the production agent with its
 * default posture and anomaly settings on a host with 10 stock containers (root inside, Podman's
 * default), each exec'd into every 30 s, and a webhook receiver. Intervals are compressed (1 s
 * collection, 20-sample warm-up, 30 s posture re-checks) so the first hour's decisions happen in
 * 100 s: at most 3 notifications, none of them an anomaly, and every finding still visible on
 * /metrics, in the event log and in the status API ({@code /api/v1/findings}, the status page's source). The kernel audit trail is left out: on this shared machine other
 * tests' activity would be what it reports.
 */
class DayOneIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTAINERS = 10;

    @TempDir
    Path dir;

    @Test
    void tenStockContainersPageAtMostThreeTimesAndEveryFindingStaysVisible() throws Exception {
        try (PodmanHarness podman = PodmanHarness.create(); WebhookReceiver hook = new WebhookReceiver().up()) {
            podman.startService();
            for (int i = 0; i < CONTAINERS; i++) {
                podman.podman("run", "-d", "--name", "stock" + i, PodmanHarness.IMAGE, "sleep", "1000000");
            }
            try (AgentProcess agent = AgentProcess.start(dir, String.join("\n",
                    "podman:", "  socket: " + podman.socketUri(), "  interval: 1s", "  own-service: never",
                    "posture:", "  interval: 30s",
                    "anomaly:", "  warmup-samples: 20",
                    "audit:", "  enabled: false",
                    "alerts:", "  webhooks:", "    - url: " + hook.url("/hook"), ""), Map.of())) {
                long end = System.currentTimeMillis() + 100_000;
                for (int second = 0; System.currentTimeMillis() < end; second++) {
                    if (second >= 25) {
                        for (int i = 0; i < CONTAINERS; i++) {
                            if ((second + 3 * i) % 30 == 0) {
                                podman.podman("exec", "stock" + i, "sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done");
                            }
                        }
                    }
                    Thread.sleep(1000);
                }
                List<String> notified = new ArrayList<>();
                for (WebhookReceiver.Request r : hook.accepted) {
                    for (JsonNode a : r.json().path("alerts")) {
                        notified.add(a.path("labels").path("alertname").asText() + " " + a.path("labels"));
                    }
                }
                assertThat(hook.accepted).as("notifications: %s", notified).hasSizeLessThanOrEqualTo(3);
                assertThat(notified).noneMatch(n -> n.contains("Anomaly"));

                String metrics = agent.scrape();
                Set<String> rootOnMetrics = new TreeSet<>();
                for (String line : metrics.split("\n")) {
                    if (line.startsWith("podwatch_posture_finding{") && line.contains("check=\"PW-C-ROOT-USER\"") && line.matches(".* 1(\\.0)?$")) {
                        rootOnMetrics.add(line.replaceAll(".*name=\"([^\"]+)\".*", "$1"));
                    }
                }
                assertThat(rootOnMetrics).as("every container's root finding on /metrics").hasSize(CONTAINERS);
                Set<String> rootInLog = new TreeSet<>();
                for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
                    JsonNode e = JSON.readTree(line);
                    if (e.path("event").path("action").asText().equals("posture-finding") && line.contains("PW-C-ROOT-USER")) {
                        rootInLog.add(e.path("container").path("name").asText());
                    }
                }
                assertThat(rootInLog).as("every container's root finding in the event log").hasSize(CONTAINERS);
                Set<String> rootInApi = new TreeSet<>();
                for (JsonNode f : JSON.readTree(agent.get("/api/v1/findings").body()).path("findings")) {
                    if (f.path("check").asText().equals("PW-C-ROOT-USER") && f.path("status").asText().equals("failing")) {
                        rootInApi.add(f.path("subject").asText());
                    }
                }
                assertThat(rootInApi).as("every container's root finding in the status API").hasSize(CONTAINERS);
                System.out.printf("day one: %d notifications %s; %d containers' root findings on /metrics and in the event log%n",
                        hook.accepted.size(), notified, rootOnMetrics.size());
            }
        }
    }
}
