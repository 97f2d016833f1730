package io.podwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.agent.sink.testing.HostileReceiver;
import io.podwatch.agent.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, items 1 and 9, against the shaded jar in its 64 MiB heap: a webhook receiver that
 * answers 200 with a 100 MiB body, and one that redirects. A real alert fires at start (the audit
 * log the config names does not exist), is delivered, and the agent lives on.
 */
class HostileReceiverAgentIT {
    @TempDir
    Path dir;

    private static String config(HostileReceiver r, String path, Path dir) {
        return "posture:\n  enabled: false\naudit:\n  enabled: true\n  log: " + dir.resolve("no-audit/audit.log")
                + "\n  status-interval: 5s\npodman:\n  socket: unix://" + dir.resolve("no-podman.sock")
                + "\nalerts:\n  webhooks:\n    - url: " + r.url(path) + "\n";
    }

    @Test
    void aHundredMebibyteAnswerDoesNotKillTheAgent() throws Exception {
        try (HostileReceiver r = new HostileReceiver(100L << 20);
             AgentProcess agent = AgentProcess.start(dir, config(r, "/huge", dir), Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !r.requests.isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox(dir) == 0);
            Thread.sleep(2000); // the former failure came ~1 s after the answer
            assertThat(agent.process().isAlive()).as(agent.log()).isTrue();
            assertThat(agent.get("/healthz").statusCode()).isIn(200, 503);
            assertThat(agent.log()).doesNotContain("OutOfMemoryError");
            assertThat(r.requests).hasSize(1); // delivered once, not re-sent
        }
    }

    @Test
    void aRedirectingReceiverGetsTheAlert() throws Exception {
        try (HostileReceiver r = new HostileReceiver(0);
             AgentProcess agent = AgentProcess.start(dir, config(r, "/moved", dir), Map.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> r.requests.stream().anyMatch(q -> q.startsWith("POST /ok ")));
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox(dir) == 0);
            assertThat(agent.scrape()).doesNotContain("outcome=\"rejected\"} 1");
        }
    }

    private static long outbox(Path dir) throws Exception {
        Path box = dir.resolve("state/outbox");
        if (!Files.isDirectory(box)) {
            return -1;
        }
        try (Stream<Path> s = Files.walk(box)) {
            return s.filter(p -> p.toString().endsWith(".json")).count();
        }
    }
}
