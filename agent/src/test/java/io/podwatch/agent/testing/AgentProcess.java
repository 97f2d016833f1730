package io.podwatch.agent.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real agent as operators run it: the shaded jar in a child JVM with the launcher's flags,
 * a config file of the test's, stderr captured. For tests of start-up, scrape and SIGTERM.
 */
public final class AgentProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "podwatch.jar");
    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AgentProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code podwatch run} with {@code yaml} plus an {@code http.listen} on a free port, and
     * waits until {@code /healthz} answers.
     */
    public static AgentProcess start(Path dir, String yaml, Map<String, String> env) throws Exception {
        int port = freePort();
        Path config = dir.resolve("podwatch.yaml");
        Files.writeString(config, "http:\n  listen: 127.0.0.1:" + port + "\nstate-dir: " + dir.resolve("state")
                + "\nevent-log: " + dir.resolve("events.jsonl") + "\n" + yaml);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "run", "--config", config.toString()));
        Path log = dir.resolve("agent.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        AgentProcess a = new AgentProcess(pb.start(), log, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (!a.process.isAlive()) {
                throw new IllegalStateException("agent exited " + a.process.exitValue() + ": " + a.log());
            }
            try {
                a.get("/healthz");
                return a;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("agent did not answer: " + a.log(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public String scrape() throws IOException, InterruptedException {
        return get("/metrics").body();
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    /** What a {@code podwatch run} that was expected to refuse did: exit code, output, time to exit. */
    public record Finished(int exitCode, String output, Duration took) {
    }

    /** Runs {@code podwatch run --config CONFIG} (launcher flags) to its end, at most {@code limit}. */
    public static Finished runToExit(Path config, Path output, Duration limit) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "run", "--config", config.toString());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("podwatch run still running after " + limit + ": " + Files.readString(output));
        }
        return new Finished(p.exitValue(), Files.readString(output), Duration.ofNanos(System.nanoTime() - t0));
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Sends SIGTERM (as systemd and OpenRC do) and returns how long the agent took to exit. */
    public Duration terminate() throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
