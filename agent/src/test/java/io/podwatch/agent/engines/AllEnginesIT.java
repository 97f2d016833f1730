package io.podwatch.agent.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.agent.testing.AgentProcess;
import io.podwatch.collectors.testing.AuditRules;
import io.podwatch.collectors.testing.DockerHarness;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.collectors.testing.RootlessHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One agent process, three real engines — rootful Podman (podman.socket), Docker (engines.list)
 * and a rootless user's Podman (discovered on /run/user/UID) — with the real auditd: each engine's
 * burner in /metrics with its engine and owner at the rate its process really runs, a crash loop in
 * each raising ContainerRestartLoop, an OOM kill raising ContainerOOMKilled (rootful Podman and
 * Docker: a rootless container on cgroup v1 can have no memory limit), a removed container's series
 * gone, and {@code run --rm ... cat /etc/shadow} in each attributed in the event log.
 */
@Tag("integration")
class AllEnginesIT {
    static final long AUID = 4324;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void oneAgentWatchesEveryEngine() throws Exception {
        Host.assume(true, "auditd", "auditctl");
        String key = "pweng-" + UUID.randomUUID().toString().substring(0, 8);
        try (PodmanHarness podman = PodmanHarness.create(); DockerHarness docker = DockerHarness.start();
             RootlessHarness user = RootlessHarness.create(); AuditRules rules = new AuditRules()) {
            podman.startService();
            user.startService();
            rules.add("-w", "/etc/shadow", "-p", "r", "-k", key)
                    .add("-a", "always,exit", "-F", "arch=b64", "-S", "execve", "-F", "auid=" + AUID, "-k", key);
            for (String exe : List.of("/usr/bin/docker", "/usr/local/bin/docker", "/usr/sbin/runc")) {
                if (Files.isRegularFile(Path.of(exe))) {
                    rules.add("-w", exe, "-p", "x", "-k", key);
                }
            }
            String yaml = String.join("\n",
                    "podman:",
                    "  socket: " + podman.socketUri(),
                    "  interval: 1s",
                    "engines:",
                    "  discover-interval: 1s",
                    "  list:",
                    "    - type: docker",
                    "      socket: " + docker.socketUri(),
                    "audit:",
                    "  enabled: true",
                    "posture:",
                    "  enabled: false",
                    "");
            try (AgentProcess agent = AgentProcess.start(dir, yaml, Map.of())) {
                String rootless = RootlessHarness.USER;
                podman.runDetached(List.of("--name", "burn-p"), "while :; do :; done");
                docker.runDetached(List.of("--name", "burn-d"), "while :; do :; done");
                user.runDetached(List.of("--name", "burn-r"), "while :; do :; done");
                long[] pids = {
                        Long.parseLong(podman.podman("inspect", "--format", "{{.State.Pid}}", "burn-p").trim()),
                        Long.parseLong(docker.docker("inspect", "--format", "{{.State.Pid}}", "burn-d").trim()),
                        Long.parseLong(user.podman("inspect", "--format", "{{.State.Pid}}", "burn-r").trim())};
                String[][] series = {{"burn-p", "podman", "root"}, {"burn-d", "docker", "root"},
                        {"burn-r", "podman", rootless}};
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    String m = agent.scrape();
                    for (String[] s : series) {
                        if (cpu(m, s[0], s[1], s[2]) < 0) {
                            return false;
                        }
                    }
                    return true;
                });
                String m0 = agent.scrape();
                double[] truth0 = new double[3];
                for (int i = 0; i < 3; i++) {
                    truth0[i] = Host.processCpuSeconds(pids[i]);
                }
                long t0 = System.nanoTime();
                await().pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(10))
                        .until(() -> System.nanoTime() - t0 > 4_000_000_000L);
                String m1 = agent.scrape();
                double wall = (System.nanoTime() - t0) / 1e9;
                for (int i = 0; i < 3; i++) {
                    String[] s = series[i];
                    double rate = (cpu(m1, s[0], s[1], s[2]) - cpu(m0, s[0], s[1], s[2])) / wall;
                    double truth = (Host.processCpuSeconds(pids[i]) - truth0[i]) / wall;
                    System.out.printf("%s/%s %s: /metrics %.3f cores, process %.3f cores%n", s[1], s[2], s[0], rate,
                            truth);
                    // three burners share the VM's 2 cores with everyone else's work; the series
                    // follows what each got (scrapes land within one 1 s interval of the reads)
                    assertThat(rate).as(s[0]).isCloseTo(truth, within(0.25 + 0.15 * truth));
                }
                assertThat(m1).contains("podwatch_container_stats_source{engine=\"podman\"")
                        .containsPattern("source=\"proc\"");

                // crash loops and OOM kills
                podman.runDetached(List.of("--name", "loop-p", "--restart", "always"), "sleep 1; exit 3");
                docker.runDetached(List.of("--name", "loop-d", "--restart", "always"), "sleep 1; exit 3");
                user.runDetached(List.of("--name", "loop-r", "--restart", "always"), "sleep 1; exit 3");
                // a process of the running container: Podman reports nothing, the collection reads the counter
                podman.runDetached(List.of("--name", "oom-p", "-m", "32m", "--memory-swap", "32m"),
                        "sleep 1; (x=a; while :; do x=$x$x; done); sleep 300");
                docker.runDetached(List.of("--name", "oom-d", "-m", "32m", "--memory-swap", "32m"),
                        "sleep 1; x=a; while :; do x=$x$x; done");
                // attribution of short-lived processes in each engine
                String rmP = "rm-p-" + UUID.randomUUID().toString().substring(0, 4);
                String rmD = "rm-d-" + UUID.randomUUID().toString().substring(0, 4);
                String rmR = "rm-r-" + UUID.randomUUID().toString().substring(0, 4);
                List<String> p = new ArrayList<>(List.of("podman"));
                p.addAll(podman.podmanArgs());
                p.addAll(List.of("run", "--rm", "--name", rmP, "-v", "/etc/shadow:/etc/shadow:ro", PodmanHarness.IMAGE,
                        "cat", "/etc/shadow"));
                AuditRules.asUser(AUID, podman.env(), p);
                AuditRules.asUser(AUID, Map.of(), docker.command("run", "--rm", "--network", "none", "--name", rmD,
                        "-v", "/etc/shadow:/etc/shadow:ro", DockerHarness.IMAGE, "cat", "/etc/shadow"));
                List<String> r = new ArrayList<>(List.of("sh", "-c"));
                StringBuilder sb = new StringBuilder();
                for (String a : user.command("run", "--rm", "--network", "none", "--name", rmR, "-v",
                        "/etc/shadow:/etc/shadow:ro", RootlessHarness.IMAGE, "cat", "/etc/shadow")) {
                    sb.append('\'').append(a).append("' ");
                }
                r.add(sb + "|| true"); // the rootless user may not read the host's shadow: a failed open
                AuditRules.asUser(AUID, Map.of(), r);

                Path log = dir.resolve("events.jsonl");
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    List<JsonNode> lines = lines(log);
                    for (String[] c : new String[][] {{"loop-p", "podman", "root"}, {"loop-d", "docker", "root"},
                            {"loop-r", "podman", rootless}}) {
                        assertThat(lines).as("ContainerRestartLoop for " + c[0]).anyMatch(l -> alert(l,
                                "ContainerRestartLoop", c[0], c[1], c[2]));
                    }
                    for (String[] c : new String[][] {{"oom-p", "podman"}, {"oom-d", "docker"}}) {
                        assertThat(lines).as("ContainerOOMKilled for " + c[0]).anyMatch(l -> alert(l,
                                "ContainerOOMKilled", c[0], c[1], "root"));
                    }
                    for (String[] c : new String[][] {{rmP, "podman", "root"}, {rmD, "docker", "root"},
                            {rmR, "podman", rootless}}) {
                        assertThat(lines).as("shadow read in " + c[0]).anyMatch(l ->
                                c[0].equals(l.path("container").path("name").asText())
                                        && c[1].equals(l.path("container").path("engine").asText())
                                        && c[2].equals(l.path("container").path("owner").asText())
                                        && l.path("user").path("audit").path("id").asLong() == AUID
                                        && l.path("file").path("path").toString().contains("/etc/shadow"));
                    }
                });

                // removal: the series go
                podman.podman("rm", "-f", "-t", "0", "burn-p");
                docker.docker("rm", "-f", "burn-d");
                user.podman("rm", "-f", "-t", "0", "burn-r");
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    String m = agent.scrape();
                    return !m.contains("name=\"burn-p\"") && !m.contains("name=\"burn-d\"")
                            && !m.contains("name=\"burn-r\"");
                });
            }
        }
    }

    /** The CPU counter of one container in a scrape, -1 when absent. */
    static double cpu(String metrics, String name, String engine, String owner) {
        Matcher m = Pattern.compile("container_cpu_usage_seconds_total\\{engine=\"" + engine + "\",[^}]*name=\""
                + name + "\",owner=\"" + owner + "\"[^}]*} (\\S+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    static boolean alert(JsonNode l, String alert, String name, String engine, String owner) {
        String text = l.toString();
        return text.contains(alert) && name.equals(l.path("container").path("name").asText())
                && text.contains("\"engine\":\"" + engine + "\"") && text.contains("\"owner\":\"" + owner + "\"");
    }

    static List<JsonNode> lines(Path log) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
