package io.podwatch.collectors.podman;

import io.podwatch.collectors.podman.api.SocketProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds Podman for a one-off command ({@code podwatch check}) exactly as {@code run} does: the
 * configured socket; else the first well-known socket that answers; else the service a running
 * agent owns under its state directory ({@code STATE_DIR/podman.sock}); else — Podman installed —
 * a {@code podman system service} of its own on a private socket, stopped by {@link #close()}.
 * {@link #how()} says which, for the user.
 */
public final class PodmanLocator implements AutoCloseable {
    private static final Duration PROBE = Duration.ofMillis(500);
    private static final Duration READY = Duration.ofSeconds(10);

    private final URI socket;
    private final String how;
    private final Process own;
    private final Path ownDir;

    private PodmanLocator(URI socket, String how, Process own, Path ownDir) {
        this.socket = socket;
        this.how = how;
        this.own = own;
        this.ownDir = ownDir;
    }

    public static PodmanLocator locate(PodmanConfig config, Path stateDir) throws IOException, InterruptedException {
        if (config.socket().isPresent()) {
            return new PodmanLocator(config.socket().get(), "podman.socket from the config", null, null);
        }
        for (URI c : config.candidates()) {
            if (SocketProbe.answers(c, PROBE)) {
                return new PodmanLocator(c, "the host's Podman API socket", null, null);
            }
        }
        URI agents = URI.create("unix://" + stateDir.resolve("podman.sock"));
        if (SocketProbe.answers(agents, PROBE)) {
            return new PodmanLocator(agents, "the running agent's own Podman service", null, null);
        }
        List<URI> tried = new ArrayList<>(config.candidates());
        tried.add(agents);
        if (config.command().installed().isEmpty()) {
            throw new IOException("no Podman API socket answers (tried " + tried + ") and '"
                    + config.command().executable() + "' is not installed");
        }
        return startOwn(config, tried);
    }

    private static PodmanLocator startOwn(PodmanConfig config, List<URI> tried) throws IOException,
            InterruptedException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "podwatch-check-");
        URI sock = URI.create("unix://" + dir.resolve("podman.sock"));
        ProcessBuilder pb = new ProcessBuilder(config.command().argv("system", "service", "--time=0", sock.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile());
        pb.environment().putAll(config.command().env());
        Process p = pb.start();
        PodmanLocator own = new PodmanLocator(sock, "a Podman service of its own (none answered on " + tried
                + "), stopped when done", p, dir);
        long deadline = System.nanoTime() + READY.toNanos();
        while (!SocketProbe.answers(sock, PROBE)) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                String log = Files.readString(dir.resolve("service.log")).strip();
                own.close();
                throw new IOException("no Podman API socket answers (tried " + tried + ") and 'podman system service'"
                        + " did not answer within " + READY.toSeconds() + " s" + (log.isEmpty() ? "" : ": " + log));
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return own;
    }

    public URI socket() {
        return socket;
    }

    /** Which Podman this is, in words: "the running agent's own Podman service", ... */
    public String how() {
        return how;
    }

    /** Stops the service this started, if it started one; idempotent. */
    @Override
    public void close() {
        if (own == null) {
            return;
        }
        own.destroy();
        try {
            if (!own.waitFor(5, TimeUnit.SECONDS)) {
                own.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(ownDir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(ownDir);
        } catch (IOException e) {
            // a temp dir left behind holds only the socket and the log
        }
    }
}
