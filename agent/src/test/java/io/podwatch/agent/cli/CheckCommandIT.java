package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.testing.PodmanHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code podwatch check} end to end against a real Podman API. */
class CheckCommandIT {
    static PodmanHarness harness;
    static Path config;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        PodmanHarness.assumeAvailable();
        harness = PodmanHarness.create();
        harness.startService();
        harness.podman("run", "-d", "--name", "good", "--user", "1000", "--read-only", "--cap-drop", "all", "-m", "64m",
                "--cpus", "0.5", "--pids-limit", "64", "--security-opt", "no-new-privileges", "--restart", "on-failure:3",
                PodmanHarness.IMAGE, "sleep", "300");
        harness.podman("run", "-d", "--name", "gpu-box", "--privileged", PodmanHarness.IMAGE, "sleep", "300");
        harness.podman("run", "-d", "--name", "wide", "--network", "host", PodmanHarness.IMAGE, "sleep", "300");
        config = dir.resolve("podwatch.yaml");
        Files.writeString(config, String.join("\n",
                "podman:",
                "  socket: " + harness.socketUri(),
                "posture:",
                "  allow:",
                "    - check: PW-C-PRIVILEGED",
                "      name: gpu-*",
                "      reason: needs the GPU devices",
                ""));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = PodwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("check", "--config", config.toString()));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void jsonListsFindingsWithAcceptedOnesMarked() throws Exception {
        assertThat(run("--format", "json")).as(err.toString()).isZero();
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertThat(arr.isArray()).isTrue();
        List<String> keys = new ArrayList<>();
        for (JsonNode f : arr) {
            keys.add(f.path("check").asText() + "@" + f.path("container").path("name").asText("host") + ":"
                    + f.path("status").asText());
        }
        assertThat(keys).contains("PW-C-PRIVILEGED@gpu-box:accepted", "PW-C-HOST-NETWORK@wide:failing",
                "PW-H-ROOTFUL-ENGINE@host:failing");
        assertThat(keys).noneMatch(k -> k.contains("@good:"));
        assertThat(arr.get(0).has("container")).as("host findings first, without a container").isFalse();
    }

    @Test
    void failOnSetsTheExitStatusAndAcceptedFindingsDoNotCount() {
        assertThat(run("--container", "gpu-box", "--fail-on", "critical")).as(err.toString()).isZero();
        assertThat(run("--container", "wide", "--fail-on", "high")).isEqualTo(ExitCode.FINDINGS);
        assertThat(run("--container", "good", "--fail-on", "info")).isZero();
        assertThat(out.toString()).startsWith("No findings");
    }

    @Test
    void tableAndSarif() throws Exception {
        assertThat(run("--min-severity", "high")).isZero();
        assertThat(out.toString()).contains("container wide (").contains("PW-C-HOST-NETWORK").doesNotContain("\u001b[");
        assertThat(run("--format", "sarif", "--container", "wide")).isZero();
        JsonNode sarif = new ObjectMapper().readTree(out.toString());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").get(0).path("results")).isNotEmpty();
    }

    @Test
    void anUnknownContainerIsAUsageError() {
        assertThat(run("--container", "nope")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("podwatch: no container named 'nope'");
    }
}
