package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's JVM killed with SIGKILL mid-stream, three times, once with a rotation while it was
 * down: after restarts from the checkpoint nothing is lost, and an event is repeated at most once
 * per kill (the window between a hand-over and its checkpoint write).
 */
@Tag("integration")
class KillNineIT {
    @TempDir
    Path dir;

    Process start(Path log, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                TrailMain.class.getName(), log.toString(), dir.resolve("state").toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    static List<Long> handed(Path out) throws Exception {
        return Files.exists(out) ? Files.readAllLines(out).stream().filter(l -> !l.isBlank()).map(Long::parseLong).toList()
                : List.of();
    }

    @Test
    void killedAgentResumesWithoutLoss() throws Exception {
        Path log = dir.resolve("audit.log");
        Path out = dir.resolve("handed.txt");
        long next = 1;
        int kills = 0;
        for (int round = 0; round < 4; round++) {
            Process p = start(log, out);
            long until = next + 400;
            for (; next < until; next += 20) {
                AuditLogWriter.append(log, next, next + 20);
                if (round == 1 && next == until - 200) {
                    Files.move(log, dir.resolve("audit.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            long last = next - 1;
            if (round < 3) {
                // kill while it is still working through what was just written
                await().atMost(Duration.ofSeconds(60)).until(() -> handed(out).size() > (int) (last - 300));
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no close(), no final checkpoint
                kills++;
                if (round == 2) {
                    Files.move(log, dir.resolve("audit.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                await().atMost(Duration.ofSeconds(60)).until(() -> new TreeSet<>(handed(out)).size() == (int) last);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        List<Long> got = handed(out);
        Set<Long> distinct = new TreeSet<>(got);
        assertThat(distinct).hasSize((int) (next - 1)).first().isEqualTo(1L);
        assertThat(got.size() - distinct.size()).as("repeats").isLessThanOrEqualTo(kills);
    }
}
