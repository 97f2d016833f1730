package io.podwatch.agent.http.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.agent.testing.AgentProcess;
import io.podwatch.collectors.testing.PodmanHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The shipped jar with real Podman containers, one of them crash-looping: the page shows the
 * containers and the loop under alerts without a console error, and {@code podwatch status} (the
 * jar's real stdout and exit code) summarises it; once the agent is gone it says so and exits 4.
 */
class StatusPageAgentIT {
    @TempDir
    Path dir;

    @Test
    void crashLoopShowsUnderAlertsAndInPodwatchStatus() throws Exception {
        PodmanHarness.assumeAvailable();
        try (PodmanHarness podman = PodmanHarness.create()) {
            podman.startService();
            podman.runDetached(List.of("--name", "healthy", "-m", "64m"), "sleep 600");
            podman.runDetached(List.of("--name", "crasher", "--restart=on-failure:10"), "sleep 1; exit 1");
            String yaml = "podman:\n  socket: " + podman.socketUri() + "\n  interval: 1s\nhost:\n  interval: 1s\n";
            Path config = dir.resolve("podwatch.yaml");
            try (AgentProcess agent = AgentProcess.start(dir, yaml, Map.of()); Browser b = Browser.open()) {
                String base = "http://" + agent.get("/healthz").uri().getAuthority() + "/";
                var wait = new WebDriverWait(b.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class);
                b.driver.get(base + "#/containers");
                wait.until(d -> d.findElements(By.cssSelector("tr[data-id]")).size() >= 2);
                b.driver.get(base + "#/alerts");
                wait.until(d -> text(b).contains("ContainerRestartLoop") && text(b).contains("crasher"));
                b.screenshot("agent-alerts");
                b.driver.get(base);
                wait.until(d -> text(b).contains("Collectors"));
                b.screenshot("agent-overview");
                b.driver.get(base + "#/containers");
                wait.until(d -> d.findElements(By.cssSelector("tr[data-id]")).size() >= 2);
                b.screenshot("agent-containers");
                assertThat(b.consoleErrors()).isEmpty();

                Run status = status(config);
                System.out.println(status.out());
                assertThat(status.code()).as(status.err()).isEqualTo(1); // answers, an alert is firing
                assertThat(status.out()).contains("podwatch ", "collectors: ", "FIRING:", "ContainerRestartLoop", "crasher",
                        "healthy", "CONTAINER");
                assertThat(status.err()).isEmpty();
                agent.terminate();
            }
            Run gone = status(config);
            assertThat(gone.code()).isEqualTo(4);
            assertThat(gone.out()).isEmpty();
            assertThat(gone.err()).startsWith("podwatch status: agent not running or not answering at http://127.0.0.1:");
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run status(Path config) throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", AgentProcess.JAR.toString(), "status", "--config", config.toString())).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static String text(Browser b) {
        return (String) b.driver.executeScript("return document.getElementById('main').innerText;");
    }
}
