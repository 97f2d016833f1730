package io.podwatch.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.agent.testing.AgentProcess;
import io.podwatch.collectors.testing.Host;
import io.podwatch.collectors.testing.PodmanHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real Prometheus scrapes a running agent (the production jar) watching real containers,
 * with packaging/prometheus/podwatch.rules.yml loaded. Every query of every panel and variable of
 * packaging/grafana/podwatch.json must return data; the main queries of the public cAdvisor and
 * Node Exporter Full dashboards are run too, and the result is the "drop-in" claim, measured
 * (docs/fleet.md keeps the last run's table; {@code target/dropin.md} is this run's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetPrometheusIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)");
    static final String JOB = "podwatch";

    @TempDir
    static Path dir;
    private PodmanHarness podman;
    private AgentProcess agent;
    private PrometheusServer prometheus;
    private String instance;

    @BeforeAll
    void start() throws Exception {
        podman = PodmanHarness.create();
        podman.startService();
        podman.podman("run", "-d", "--name", "fleet-web", "--memory", "64m", PodmanHarness.IMAGE, "sleep", "1000000");
        podman.runDetached(List.of("--name", "fleet-busy"), "while :; do i=0; while [ $i -lt 2000 ]; do i=$((i+1)); done; sleep 1; done");
        agent = AgentProcess.start(dir, String.join("\n",
                "podman:", "  socket: " + podman.socketUri(), "  interval: 1s", "  own-service: never",
                "host:", "  interval: 1s",
                "audit:", "  status-interval: 5s",
                // a receiver that is not there: the delivery metrics exist and the outbox holds what it cannot send
                "alerts:", "  webhooks:", "    - url: http://127.0.0.1:" + AgentProcess.freePort() + "/hook", ""), Map.of());
        instance = "127.0.0.1:" + agent.port();
        prometheus = PrometheusServer.start(dir, JOB, List.of(instance),
                List.of(PrometheusRulesIT.RULES_DIR.resolve("podwatch.rules.yml")));
        // enough scrapes for rate() over [1m] (2 points) and for the recording rules to have run; an audit
        // user message (auditctl -m: no rule is added) so the audit panels have an event to count
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (prometheus.query("count(podwatch_posture_score) and count(instance:podwatch_posture_score:min)").isEmpty()
                || prometheus.query("count(rate(container_cpu_usage_seconds_total{name=\"fleet-busy\"}[1m]))").isEmpty()
                || prometheus.query("count(rate(podwatch_audit_events_total[1m]))").isEmpty()) {
            auditMessage();
            assertThat(System.nanoTime()).as("agent data in Prometheus: %s", agent.log()).isLessThan(deadline);
            Thread.sleep(1000);
        }
        Thread.sleep(5000);
    }

    private static void auditMessage() throws IOException, InterruptedException {
        Host.assume(true, "auditctl");
        new ProcessBuilder(Host.which("auditctl").orElseThrow().toString(), "-m", "podwatch FleetPrometheusIT")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (agent != null) {
            agent.terminate();
        }
        if (podman != null) {
            podman.close();
        }
    }

    /** Grafana's template variables as an operator with "All" selected would have them. */
    private String fill(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$instance", ".*").replace("$container", ".*")
                .replace("$host", ".*").replace("$node", instance).replace("$job", JOB);
    }

    /** {@code label_values(selector, label)} is a Grafana variable query; as PromQL: count by (label) (selector). */
    static String promql(String query) {
        Matcher m = LABEL_VALUES.matcher(query.strip());
        return m.matches() ? "count by (" + m.group(2) + ") (" + m.group(1) + ")" : query;
    }

    private boolean hasData(String query) throws IOException, InterruptedException {
        return !prometheus.query(promql(fill(query))).isEmpty();
    }

    @Test
    void everyPanelAndVariableOfTheDashboardReturnsData() throws Exception {
        JsonNode d = JSON.readTree(Path.of("..", "packaging", "grafana", "podwatch.json").toFile());
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode v : d.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
                queries.put("variable " + v.path("name").asText(), v.path("query").path("query").asText());
            }
        }
        for (JsonNode p : d.path("panels")) {
            for (JsonNode t : p.path("targets")) {
                queries.put(p.path("title").asText() + " " + t.path("refId").asText(), t.path("expr").asText());
            }
        }
        assertThat(queries).hasSizeGreaterThan(20);
        List<String> empty = new ArrayList<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            if (!hasData(q.getValue())) {
                empty.add(q.getKey() + ": " + fill(q.getValue()));
            }
        }
        assertThat(empty).as("panels without data").isEmpty();
    }

    @Test
    void thePublicCadvisorAndNodeExporterDashboardsMeasured() throws Exception {
        StringBuilder table = new StringBuilder("| dashboard | panel | query | data |\n|---|---|---|---|\n");
        Map<String, int[]> totals = new LinkedHashMap<>();
        List<String> cadvisorEmpty = new ArrayList<>();
        for (String[] dash : new String[][] {{"Cadvisor exporter (14282)", "cadvisor-exporter.queries"},
            {"Node Exporter Full (1860)", "node-exporter-full.queries"}}) {
            String panel = "";
            int[] t = totals.computeIfAbsent(dash[0], k -> new int[2]);
            for (String line : Files.readAllLines(Path.of("src", "test", "resources", "fixtures", "dropin", dash[1]))) {
                if (line.startsWith("## ")) {
                    panel = line.substring(3);
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    boolean data = hasData(line);
                    t[0]++;
                    t[1] += data ? 1 : 0;
                    if (!data && dash[1].startsWith("cadvisor")) {
                        cadvisorEmpty.add(panel + ": " + line);
                    }
                    table.append("| ").append(dash[0]).append(" | ").append(panel).append(" | `")
                            .append(line.replace("|", "\\|")).append("` | ").append(data ? "yes" : "**no**").append(" |\n");
                }
            }
        }
        StringBuilder summary = new StringBuilder();
        totals.forEach((k, v) -> summary.append("- ").append(k).append(": ").append(v[1]).append(" of ").append(v[0])
                .append(" queries return data\n"));
        Files.writeString(Path.of("target", "dropin.md"), summary + "\n" + table);
        System.out.println(summary);
        assertThat(cadvisorEmpty).as("podwatch exports cAdvisor's names: every cAdvisor panel has data").isEmpty();
        int[] node = totals.get("Node Exporter Full (1860)");
        assertThat(node[1]).as("Node Exporter Full queries with data (see target/dropin.md)").isGreaterThanOrEqualTo(MIN_NODE_EXPORTER_FULL);
    }

    /** The last measured count (docs/fleet.md); a drop means a node_exporter name was lost. */
    static final int MIN_NODE_EXPORTER_FULL = 29;
}
