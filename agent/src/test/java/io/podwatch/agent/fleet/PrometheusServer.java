package io.podwatch.agent.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.agent.testing.AgentProcess;
import io.podwatch.collectors.testing.Host;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real {@code prometheus}, scraping the given targets every second with the given rule
 * files, on a free loopback port with its own TSDB directory; queried with {@code promtool query
 * instant} as an operator would.
 */
final class PrometheusServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final String url;
    private final Path log;

    private PrometheusServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static PrometheusServer start(Path dir, String job, List<String> targets, List<Path> ruleFiles) throws Exception {
        Host.assume(false, "prometheus", "promtool");
        int port = AgentProcess.freePort();
        StringBuilder cfg = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n");
        ruleFiles.forEach(r -> cfg.append("  - ").append(r.toAbsolutePath()).append('\n'));
        cfg.append("scrape_configs:\n  - job_name: ").append(job).append("\n    static_configs:\n      - targets: [")
                .append(String.join(", ", targets.stream().map(t -> "'" + t + "'").toList())).append("]\n");
        Path config = Files.writeString(dir.resolve("prometheus.yml"), cfg.toString());
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(Host.which("prometheus").orElseThrow().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer s = new PrometheusServer(p, "http://127.0.0.1:" + port, log);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(s.url + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return s;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                s.close();
                throw new IllegalStateException("prometheus did not become ready: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    /** {@code promtool query instant URL EXPR -o json}: the result vector (empty when no data). */
    JsonNode query(String expr) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Host.which("promtool").orElseThrow().toString(), "query", "instant", "-o", "json", url, expr)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("promtool query failed for " + expr + ": " + out);
        }
        JsonNode n = JSON.readTree(out);
        return n == null ? JSON.createArrayNode() : n;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
