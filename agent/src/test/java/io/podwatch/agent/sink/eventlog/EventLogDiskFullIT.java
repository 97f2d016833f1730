package io.podwatch.agent.sink.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.collectors.testing.FullDisk;
import io.podwatch.core.durable.FileHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real full disk (a 64 KiB tmpfs): writes fail, are counted and retried, and nothing queued is lost. */
class EventLogDiskFullIT {
    @TempDir
    Path dir;

    @Test
    void fullDiskIsCountedRetriedAndRecovered() throws Exception {
        try (FullDisk disk = FullDisk.mount(dir.resolve("mnt"), "64k").fill()) {
            Path mnt = disk.path();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            FileHealth files = new FileHealth(Clock.systemUTC());
            EventLog log = new EventLog(new EventLogConfig(mnt.resolve("events.jsonl"), 1 << 20, 1, 1000,
                    Duration.ofMillis(20), Duration.ofMillis(100)), Clock.systemUTC(), meters, files);
            log.start();
            try {
                for (int i = 0; i < 20; i++) {
                    log.accept(EventLogTest.event(i));
                }
                await().atMost(10, TimeUnit.SECONDS).until(() -> meters.get("podwatch.eventlog.write.errors").counter().count() >= 3);
                // issue 14 item 6: /healthz is degraded and names the file while the disk is full
                assertThat(files.failing()).singleElement().satisfies(f -> {
                    assertThat(f.file()).isEqualTo(mnt.resolve("events.jsonl"));
                    assertThat(f.error()).contains("No space left on device");
                });
                disk.free();
                await().atMost(10, TimeUnit.SECONDS).until(() ->
                        meters.get("podwatch.eventlog.written").counter().count() >= 20);
                await().atMost(10, TimeUnit.SECONDS).until(() -> files.failing().isEmpty());
            } finally {
                log.close();
            }
            List<String> lines = Files.readAllLines(mnt.resolve("events.jsonl"));
            assertThat(lines).filteredOn(l -> l.contains("container-died")).hasSizeGreaterThanOrEqualTo(20);
            assertThat(lines).anyMatch(l -> l.contains("event-log-write-failed"));
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (String l : lines) {
                json.readTree(l); // no fragment of a failed write is left glued to a line
            }
            for (int i = 0; i < 20; i++) {
                String msg = "\"died " + i + "\"";
                assertThat(lines).as("event %d", i).anyMatch(l -> l.contains(msg));
            }
        }
    }
}
