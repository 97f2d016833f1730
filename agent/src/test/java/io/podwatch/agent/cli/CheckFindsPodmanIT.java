package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code podwatch check} finds Podman as {@code run} does — here the service a running agent owns
 * under its state directory — says which it used, and checks 10 containers within 3 s.
 */
@Tag("integration")
class CheckFindsPodmanIT extends CapturedCli {
    static PodmanHarness harness;
    static Process agentsService;
    static Path state;
    static Path config;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        PodmanHarness.assumeAvailable();
        harness = PodmanHarness.create();
        for (int i = 0; i < 10; i++) {
            harness.podman("run", "-d", "--name", "box" + i, PodmanHarness.IMAGE, "sleep", "300");
        }
        // what a running agent's own service looks like: podman system service on STATE_DIR/podman.sock
        state = Files.createDirectories(dir.resolve("state"));
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(harness.podmanArgs());
        cmd.addAll(List.of("system", "service", "--time=0", "unix://" + state.resolve("podman.sock")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("service.log").toFile());
        pb.environment().putAll(harness.env());
        agentsService = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(state.resolve("podman.sock")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        config = dir.resolve("podwatch.yaml");
        Files.writeString(config, "state-dir: " + state + "\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (agentsService != null) {
            agentsService.destroy();
            agentsService.waitFor(10, TimeUnit.SECONDS);
        }
        if (harness != null) {
            harness.close();
        }
    }

    int check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--config", config.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void usesTheRunningAgentsOwnServiceSaysSoAndChecksTenContainersWithinThreeSeconds() {
        long t0 = System.nanoTime();
        int code = check("--format", "json");
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("podwatch check, 10 containers: %.2f s%n", seconds);
        assertThat(code).as(err.toString()).isIn(ExitCode.OK, ExitCode.FINDINGS);
        assertThat(err.toString()).contains("podwatch: checking Podman on unix://" + state.resolve("podman.sock")
                + " (the running agent's own Podman service)");
        for (int i = 0; i < 10; i++) {
            assertThat(out.toString()).contains("\"box" + i + "\"");
        }
        assertThat(seconds).isLessThanOrEqualTo(3.0);
    }

    /** sprawl finds the same Podman: it exited 4 ("no Podman API socket answers") while the agent ran. */
    @Test
    void sprawlUsesTheRunningAgentsOwnServiceToo() {
        int code = run("sprawl", "--config", config.toString(), "--format", "json", "--no-size");
        assertThat(code).as(err.toString()).isIn(ExitCode.OK, ExitCode.FINDINGS);
        assertThat(err.toString()).contains("podwatch: reviewing Podman on unix://" + state.resolve("podman.sock")
                + " (the running agent's own Podman service)");
        assertThat(out.toString()).startsWith("{");
    }
}
