package io.podwatch.agent.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.agent.http.HttpServer;
import io.podwatch.agent.http.PrometheusExposition;
import io.podwatch.agent.http.Routes;
import io.podwatch.agent.testing.AgentProcess;
import io.podwatch.collectors.testing.Host;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.SampleBatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code http.web-config} against Debian's real Prometheus: it scrapes the agent's HTTP server over
 * TLS with basic auth as it scrapes node_exporter (same scrape config), a job with the wrong password
 * is refused with 401, and a plain-HTTP job fails the TLS handshake.
 */
class PrometheusWebConfigIT {
    static final MetricDef PROBE = MetricDef.gauge("podwatch_webconfig_probe", "", "A sample for the scrape test.");
    final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void prometheusScrapesOverTlsWithBasicAuthAndWrongCredentialsAreRefused() throws Exception {
        Host.assume(false, "prometheus", "openssl");
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        exec("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key.toString(), "-out", cert.toString());
        String hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(10, "s3cret".toCharArray());
        Path web = dir.resolve("web.yml");
        Files.writeString(web, "tls_server_config:\n  cert_file: tls.crt\n  key_file: tls.key\nbasic_auth_users:\n  prometheus: "
                + hash + "\n");
        LatestSamples latest = new LatestSamples();
        latest.put(new SampleBatch("probe", Instant.now(), List.of(PROBE.sample(42))));
        PrometheusExposition exposition = new PrometheusExposition(latest);
        // the agent's routes: the status API over a fixture model, and /metrics over a real exposition
        Map<String, java.util.function.Function<Routes.Request, Routes.Response>> all =
                new HashMap<>(new io.podwatch.agent.status.StatusFixture().collect(1).routes().byPath());
        all.put("/metrics", r -> new Routes.Response(200, PrometheusExposition.contentType(), exposition.scrapeChunks()));
        Routes routes = new Routes(all);
        try (HttpServer agent = new HttpServer(io.podwatch.core.config.HostPort.parse("127.0.0.1:0"), routes, WebConfig.load(web), HttpServer.Limits.DEFAULT)) {
            agent.start();
            String target = "127.0.0.1:" + agent.boundAddress().getPort();
            int promPort = AgentProcess.freePort();
            Path promConfig = dir.resolve("prometheus.yml");
            Files.writeString(promConfig, String.join("\n",
                    "global: {scrape_interval: 2s, scrape_timeout: 2s}",
                    "scrape_configs:",
                    job("good", "https", "s3cret", cert, target),
                    job("wrong", "https", "wrong", cert, target),
                    job("plain", "http", "s3cret", cert, target), ""));
            Process prom = new ProcessBuilder(Host.which("prometheus").orElseThrow().toString(),
                    "--config.file=" + promConfig, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + promPort)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                Map<String, JsonNode> byJob = new HashMap<>();
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                    JsonNode targets = get(promPort, "/api/v1/targets").path("data").path("activeTargets");
                    byJob.clear();
                    targets.forEach(t -> byJob.put(t.path("labels").path("job").asText(), t));
                    // a loaded machine may time out a first scrape (TLS handshake, first bcrypt): wait for the steady state
                    return byJob.size() == 3 && byJob.get("good").path("health").asText().equals("up")
                            && byJob.get("wrong").path("lastError").asText().contains("401")
                            && byJob.get("plain").path("health").asText().equals("down");
                });
                assertThat(byJob.get("good").path("health").asText()).as(byJob.get("good").toString()).isEqualTo("up");
                assertThat(byJob.get("wrong").path("health").asText()).isEqualTo("down");
                assertThat(byJob.get("wrong").path("lastError").asText()).contains("401");
                assertThat(byJob.get("plain").path("health").asText()).isEqualTo("down");
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> get(promPort,
                        "/api/v1/query?query=podwatch_webconfig_probe%7Bjob%3D%22good%22%7D").path("data").path("result")
                        .path(0).path("value").path(1).asText().equals("42"));
                statusCommandSpeaksTlsAndBasicAuth(target, web);
            } finally {
                prom.destroy();
                if (!prom.waitFor(10, TimeUnit.SECONDS)) {
                    prom.destroyForcibly();
                }
            }
        }
    }

    /** {@code podwatch status} (the jar, as an operator runs it) against the same server. */
    private void statusCommandSpeaksTlsAndBasicAuth(String target, Path web) throws Exception {
        Path config = dir.resolve("podwatch.yaml");
        Files.writeString(config, "http:\n  listen: " + target + "\n  web-config: " + web + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String auth : new String[] {"prometheus:s3cret", "prometheus:wrong"}) {
            ProcessBuilder pb = new ProcessBuilder(java, "-jar", AgentProcess.JAR.toString(), "status", "--config", config.toString());
            pb.environment().put("PODWATCH_AUTH", auth);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            String err = new String(p.getErrorStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (auth.endsWith("s3cret")) {
                assertThat(out).as(err).contains("podwatch 0.1.0-test on host-", "containers: 5");
                assertThat(p.exitValue()).isEqualTo(1); // the fixture's posture collector is down
            } else {
                assertThat(err).isEqualTo("podwatch status: the agent at https://" + target
                        + " refused the credentials: it requires basic auth; set PODWATCH_AUTH=user:password\n");
                assertThat(p.exitValue()).isEqualTo(4);
            }
        }
    }

    private static String job(String name, String scheme, String password, Path ca, String target) {
        return "  - job_name: " + name + "\n    scheme: " + scheme + "\n    tls_config: {ca_file: " + ca + "}\n"
                + "    basic_auth: {username: prometheus, password: " + password + "}\n"
                + "    static_configs: [{targets: ['" + target + "']}]";
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    private static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
