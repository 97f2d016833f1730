package io.podwatch.agent.sink.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.durable.FileHealth;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
    @TempDir
    Path dir;

    static Event event(int i) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("user.audit.id", "1000");
        f.put("process.exit_code", 1);
        f.put("process.args", java.util.List.of("sh", "-c"));
        return new Event(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), EventKind.EVENT, "container-died", "process",
                Severity.HIGH, "podman", new ContainerRef("abc123", "web", "busybox:latest", ""), "died " + i, f);
    }

    @Test
    void writesEcsLinesWithNestedFields() throws Exception {
        JsonNode n = new ObjectMapper().readTree(EcsJson.line(event(1)));
        assertThat(n.path("@timestamp").asText()).isEqualTo("2026-01-01T00:00:01Z");
        assertThat(n.path("event").path("kind").asText()).isEqualTo("event");
        assertThat(n.path("event").path("category").asText()).isEqualTo("process");
        assertThat(n.path("event").path("action").asText()).isEqualTo("container-died");
        assertThat(n.path("event").path("severity").asInt()).isEqualTo(4);
        assertThat(n.path("log").path("level").asText()).isEqualTo("error");
        assertThat(n.path("container").path("image").path("name").asText()).isEqualTo("busybox:latest");
        assertThat(n.path("user").path("audit").path("id").asText()).isEqualTo("1000");
        assertThat(n.path("process").path("exit_code").asInt()).isEqualTo(1);
        assertThat(n.path("process").path("args").size()).isEqualTo(2);
    }

    @Test
    void rotatesBySizeKeepingNFilesCreated0640() throws Exception {
        Path log = dir.resolve("events.jsonl");
        EventLog el = new EventLog(new EventLogConfig(log, 4096, 2, 1000, Duration.ofMillis(10), Duration.ofMillis(50)),
                Clock.systemUTC(), new SimpleMeterRegistry());
        el.start();
        for (int i = 0; i < 200; i++) {
            el.accept(event(i));
        }
        el.close();
        assertThat(Files.exists(log.resolveSibling("events.jsonl.1"))).isTrue();
        assertThat(Files.exists(log.resolveSibling("events.jsonl.2"))).isTrue();
        assertThat(Files.exists(log.resolveSibling("events.jsonl.3"))).isFalse();
        assertThat(Files.size(log)).isLessThanOrEqualTo(4096);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-r-----");
        String last = Files.readAllLines(log).get(Files.readAllLines(log).size() - 1);
        assertThat(last).contains("\"died 199\"");
        el.close();
    }

    @Test
    void closeIsIdempotentAndLeavesNoThread() {
        EventLog el = new EventLog(new EventLogConfig(dir.resolve("e.jsonl"), 4096, 1, 16, Duration.ofMillis(10),
                Duration.ofMillis(50)), Clock.systemUTC(), new SimpleMeterRegistry());
        el.close();
        el.start();
        el.close();
        el.close();
        await().until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("podwatch-eventlog")));
    }

    /** Issue 14 item 3: a link planted at the log path is refused; the victim stays as it was; /healthz names the file. */
    @Test
    void aPlantedSymlinkIsNotWrittenThrough() throws Exception {
        Path victim = Files.writeString(dir.resolve("shadow"), "root:x:0:\n");
        Path log = Files.createSymbolicLink(dir.resolve("events.jsonl"), victim);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        FileHealth files = new FileHealth(Clock.systemUTC());
        EventLog el = new EventLog(new EventLogConfig(log, 1 << 20, 1, 100, Duration.ofMillis(10), Duration.ofMillis(20)),
                Clock.systemUTC(), meters, files);
        el.start();
        try {
            el.accept(event(1));
            await().until(() -> meters.get("podwatch.eventlog.write.errors").counter().count() >= 1);
            assertThat(files.failing()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo(log);
                assertThat(f.error()).contains("symbolic link");
            });
        } finally {
            el.close();
        }
        assertThat(Files.readString(victim)).isEqualTo("root:x:0:\n");
        assertThat(Files.isSymbolicLink(log)).isTrue();
    }
}
