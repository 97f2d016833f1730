package io.podwatch.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.agent.testing.AgentProcess;
import io.podwatch.collectors.testing.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command on a host where the service already runs: a second {@code podwatch run}
 * must refuse at once with one line naming the state directory or address and the PID holding it,
 * and leave the running agent (its own Podman socket, checkpoint, outbox, event log) untouched.
 * Two real processes.
 */
class SecondAgentIT {
    @TempDir
    Path dir;

    @Test
    void aSecondRunRefusesInOneLineNamingThePidAndTouchesNothing() throws Exception {
        Host.assume(true, "podman");
        // its own, quiet audit log: the host's grows all the time and the agent's checkpoint with it
        Path auditLog = Files.createDirectories(dir.resolve("audit")).resolve("audit.log");
        Files.writeString(auditLog, "type=DAEMON_START msg=audit(1700000000.000:1): op=start ver=3.0.9 res=success\n");
        try (AgentProcess first = AgentProcess.start(dir, "host:\n  interval: 1s\naudit:\n  enabled: true\n  log: "
                + auditLog + "\n", Map.of())) {
            try {
                refusedWithoutTouchingIt(first);
            } finally {
                // SIGTERM, not close()'s SIGKILL: the agent stops the Podman service it owns
                first.terminate();
            }
        }
    }

    private void refusedWithoutTouchingIt(AgentProcess first) throws Exception {
        // every collector up, its own Podman service included, before the second one comes
        await().atMost(Duration.ofSeconds(60)).until(() -> first.get("/healthz").statusCode() == 200);
        Path state = dir.resolve("state");
        Map<String, String> before = snapshot(state);
        String eventsBefore = Files.exists(dir.resolve("events.jsonl")) ? Files.readString(dir.resolve("events.jsonl")) : "";
        long pid = first.process().pid();
        // issue 13: at start the agent says where alerts go
        assertThat(first.log()).contains("no receivers configured: alerts go to the event log "
                + dir.resolve("events.jsonl") + " only");

        // the same config: the state directory is taken
        AgentProcess.Finished same = AgentProcess.runToExit(dir.resolve("podwatch.yaml"), dir.resolve("second.log"),
                Duration.ofSeconds(30));
        System.out.println("second run (same config) exited " + same.exitCode() + " after " + same.took().toMillis()
                + " ms: " + same.output());
        assertThat(same.exitCode()).isEqualTo(4);
        assertThat(same.output().lines().toList()).hasSize(1).first().asString()
                .contains("state-dir " + state + " is in use by another podwatch (PID " + pid + ")")
                .doesNotContain("Exception");

        // another state directory, the same address: the port is taken
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "http:\n  listen: 127.0.0.1:" + first.port() + "\nstate-dir: " + dir.resolve("state2")
                + "\nevent-log: " + dir.resolve("events2.jsonl") + "\n");
        AgentProcess.Finished port = AgentProcess.runToExit(other, dir.resolve("third.log"), Duration.ofSeconds(30));
        System.out.println("second run (same port) exited " + port.exitCode() + " after " + port.took().toMillis()
                + " ms: " + port.output());
        assertThat(port.exitCode()).isEqualTo(4);
        assertThat(port.output().lines().toList()).hasSize(1).first().asString()
                .contains("http.listen 127.0.0.1:" + first.port() + ": address already in use (PID " + pid + ")")
                .doesNotContain("Exception");
        assertThat(dir.resolve("events2.jsonl")).doesNotExist();

        // the JVM's own start-up is most of it; what podwatch adds is a lock and a bind
        assertThat(same.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(port.took()).isLessThan(Duration.ofSeconds(3));
        Map<String, String> after = snapshot(state);
        before.forEach((file, was) -> {
            assertThat(after).as("%s is still there, the same file", file).containsKey(file);
            String[] b = was.split(" "), a = after.get(file).split(" ");
            assertThat(a[0]).as("%s is the same inode (not deleted and re-created)", file).isEqualTo(b[0]);
            assertThat(Long.parseLong(a[1])).as("%s was not truncated", file).isGreaterThanOrEqualTo(Long.parseLong(b[1]));
        });
        assertThat(Files.exists(dir.resolve("events.jsonl")) ? Files.readString(dir.resolve("events.jsonl")) : "")
                .startsWith(eventsBefore);
        assertThat(first.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(first.process().isAlive()).isTrue();
    }

    @Test
    void aReadOnlyStateDirStopsStartUpWithOneLine() throws Exception {
        Host.assume(true, "mount", "umount");
        Path state = Files.createDirectories(dir.resolve("ro-state"));
        Host.run(Map.of(), List.of("mount", "-t", "tmpfs", "-o", "ro,size=1m", "podwatch-it-ro", state.toString()));
        try {
            Path config = dir.resolve("ro.yaml");
            Files.writeString(config, "http:\n  listen: 127.0.0.1:" + AgentProcess.freePort() + "\nstate-dir: " + state
                    + "\nevent-log: " + dir.resolve("events.jsonl") + "\n");
            AgentProcess.Finished run = AgentProcess.runToExit(config, dir.resolve("ro.log"), Duration.ofSeconds(30));
            System.out.println("read-only state-dir: exited " + run.exitCode() + " after " + run.took().toMillis()
                    + " ms: " + run.output());
            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.output().lines().toList()).hasSize(1).first().asString()
                    .contains("state-dir " + state + " is not writable (read-only file system)")
                    .doesNotContain("Exception");
            assertThat(run.took()).isLessThan(Duration.ofSeconds(3));
        } finally {
            Host.run(Map.of(), List.of("umount", state.toString()));
        }
    }

    /** Every file under the state directory: "inode size". */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.toList()) {
                var attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                m.put(root.relativize(p).toString(), String.valueOf(attrs.fileKey()).replace(" ", "") + " "
                        + (attrs.isDirectory() ? 0 : attrs.size()));
            }
        }
        return m;
    }
}
