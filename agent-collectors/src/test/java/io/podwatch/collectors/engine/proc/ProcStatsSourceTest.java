package io.podwatch.collectors.engine.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.collectors.podman.stats.ContainerStats;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** On this host's real /proc: a shell with two children stands in for a container's process tree. */
class ProcStatsSourceTest {
    @Test
    void walksTheTreeUnderTheInitAndSumsItsProcesses() throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "sleep 60 & sleep 60 & wait").start();
        try {
            ProcStatsSource source = new ProcStatsSource(Path.of("/proc"));
            await().atMost(Duration.ofSeconds(10)).until(() -> source.tree(sh.pid()).size() == 3);
            ContainerStats s = source.readOne("c", sh.pid());
            assertThat(s.pids()).isEqualTo(3); // one thread each
            assertThat(s.memoryRss()).isGreaterThan(0);
            assertThat(s.memoryUsage()).as("PSS").isGreaterThan(0).isLessThanOrEqualTo(s.memoryRss());
            assertThat(s.cpuSeconds()).isGreaterThanOrEqualTo(0);
            assertThat(source.readOne("gone", Long.MAX_VALUE / 2)).isNull();
        } finally {
            sh.descendants().forEach(ProcessHandle::destroy);
            sh.destroy();
        }
    }
}
