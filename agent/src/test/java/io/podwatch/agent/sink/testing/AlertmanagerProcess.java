package io.podwatch.agent.sink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podwatch.collectors.testing.Host;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Debian's {@code prometheus-alertmanager} on a free loopback port with a temp config and storage. */
public final class AlertmanagerProcess implements AutoCloseable {
    public static final String BINARY = "prometheus-alertmanager";

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private AlertmanagerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AlertmanagerProcess start(Path dir) throws IOException, InterruptedException {
        Host.assume(false, BINARY);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path cfg = dir.resolve("alertmanager.yml");
        Files.writeString(cfg, "route:\n  receiver: blackhole\n  group_wait: 1s\nreceivers:\n  - name: blackhole\n");
        Files.createDirectories(dir.resolve("data"));
        Process p = new ProcessBuilder(Host.which(BINARY).orElseThrow().toString(), "--config.file=" + cfg,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        AlertmanagerProcess am = new AlertmanagerProcess(p, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!am.ready()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                am.close();
                throw new IOException("alertmanager did not become ready: " + Files.readString(dir.resolve("alertmanager.log")));
            }
            Thread.sleep(100);
        }
        return am;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET /api/v2/alerts: what Alertmanager lists. */
    public JsonNode alerts() throws IOException, InterruptedException {
        return new ObjectMapper().readTree(get("/api/v2/alerts").body());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
