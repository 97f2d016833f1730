package io.podwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.agent.testing.AgentProcess;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped jar, started as a service manager would: serves, passes promtool, stops on SIGTERM. */
class AgentProcessIT {
    @TempDir
    Path dir;

    @Test
    void servesMetricsThatPromtoolAcceptsAndStopsCleanlyOnSigterm() throws Exception {
        Host.assume(true, "promtool", "podman");
        try (AgentProcess agent = AgentProcess.start(dir, "host:\n  interval: 1s\n", Map.of())) {
            // every collector up, Podman included (podwatch starts its own service when none answers)
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(agent.get("/healthz").statusCode()).as(agent.get("/healthz").body()).isEqualTo(200));
            assertThat(agent.get("/").body()).contains("podwatch").contains("host");
            String metrics = agent.scrape();
            assertThat(metrics).contains("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"}")
                    .contains("podwatch_collector_up{collector=\"host\"} 1.0");
            assertThat(Promtool.lint(metrics)).allSatisfy(remark -> assertThat(remark)
                    .as("only node_exporter's own camelCase names may draw a remark")
                    .matches("node_memory_\\w+ metric names should be written in 'snake_case' not 'camelCase'"));
            Duration stop = agent.terminate();
            assertThat(stop).isLessThan(Duration.ofSeconds(5));
            assertThat(agent.process().exitValue()).isEqualTo(143);
            assertThat(agent.log()).contains("stopping").doesNotContain("Exception");
        }
    }

    @Test
    void containerSeriesAppearPassPromtoolAndGoWithTheContainer() throws Exception {
        Host.assume(true, "promtool");
        try (PodmanHarness podman = PodmanHarness.create()) {
            podman.startService();
            podman.runDetached(List.of("--name", "scraped", "-m", "64m"), "sleep 300");
            String yaml = "podman:\n  socket: " + podman.socketUri() + "\n  interval: 1s\nhost:\n  interval: 1s\n";
            try (AgentProcess agent = AgentProcess.start(dir, yaml, Map.of())) {
                await().atMost(Duration.ofSeconds(30)).until(() -> agent.scrape()
                        .contains("container_memory_working_set_bytes{engine=\"podman\",id=\""));
                String metrics = agent.scrape();
                assertThat(metrics).containsPattern("container_cpu_usage_seconds_total\\{engine=\"podman\",id=\"[0-9a-f]{64}\","
                                + "image=\"localhost/podwatch-test:latest\",name=\"scraped\",owner=\"root\",pod=\"\"} ")
                        .containsPattern("container_spec_memory_limit_bytes\\{[^}]*name=\"scraped\"[^}]*} 67108864\\.0");
                assertThat(Promtool.lint(metrics)).allSatisfy(remark -> assertThat(remark)
                        .matches("node_memory_\\w+ metric names should be written in 'snake_case' not 'camelCase'"));
                podman.podman("rm", "-f", "-t", "0", "scraped");
                // gone within one interval of the removal (plus the event's way through)
                await().atMost(Duration.ofSeconds(5)).until(() -> !agent.scrape().contains("name=\"scraped\""));
            }
        }
    }

    @Test
    void badConfigExitsThreeBeforeStarting() throws Exception {
        var p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", AgentProcess.JAR.toString(), "config", "validate", "/nonexistent.yaml")).start();
        assertThat(p.waitFor()).isEqualTo(3);
    }
}
