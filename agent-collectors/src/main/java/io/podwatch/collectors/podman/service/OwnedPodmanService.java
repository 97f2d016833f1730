package io.podwatch.collectors.podman.service;

import io.podwatch.core.collect.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.collectors.podman.api.SocketProbe;
import io.podwatch.core.lifecycle.Managed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code podman system service --time=0} on a private socket when Podman is installed but no
 * API socket answers (as on a fresh install where the {@code podman.socket} unit is not enabled),
 * so podwatch needs no set-up step. Owns the process: restarts it with backoff when it dies, stops
 * it on {@link #close()}. Its thread, {@code podwatch-podman-service}, only waits on the process.
 */
public final class OwnedPodmanService implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedPodmanService.class);
    private static final Duration PROBE = Duration.ofSeconds(1);
    private static final Duration READY_WAIT = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final Backoff RESTART = new Backoff(Duration.ofSeconds(1), MAX_BACKOFF);
    /**
     * The service runs in a session of its own: Ctrl-C on {@code podwatch run} in a terminal signals the
     * whole foreground process group, and the service dying under the agent's feet mid-stop broke the
     * events stream with a warning. The agent stops it itself on close. (setsid execs in place: the
     * pid stays the service's.)
     */
    private static final Optional<String> SETSID = java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(f -> Files.isExecutable(Path.of(f))).findFirst();

    private final PodmanCommand command;
    private final Path socket;
    private final List<URI> others;
    private final Counter restarts;
    private final Object lock = new Object();
    private Thread thread;
    private Process process;
    private volatile boolean owning;
    private boolean closed;

    /**
     * @param stateDir where the socket and the service's log go
     * @param others sockets that, when one answers at start, make running our own unnecessary
     */
    public OwnedPodmanService(PodmanCommand command, Path stateDir, List<URI> others, MeterRegistry meters) {
        this.command = command;
        this.socket = stateDir.resolve("podman.sock");
        this.others = List.copyOf(others);
        this.restarts = Counter.builder("podwatch.podman.service.restarts")
                .description("Times podwatch restarted the Podman API service it owns after it died").register(meters);
    }

    @Override
    public String name() {
        return "podman-service";
    }

    public URI socketUri() {
        return URI.create("unix://" + socket);
    }

    /** The socket of the service we run, once we decided to run one. */
    public Optional<URI> ownedSocket() {
        return owning ? Optional.of(socketUri()) : Optional.empty();
    }

    /** The running service's pid, for the benchmark. */
    public OptionalLong pid() {
        synchronized (lock) {
            return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        }
    }

    @Override
    public void start() throws IOException {
        if (others.stream().anyMatch(s -> SocketProbe.answers(s, PROBE))) {
            LOG.debug("a Podman API socket answers; not starting our own service");
            return;
        }
        if (command.installed().isEmpty()) {
            LOG.info("no Podman API socket answers and '{}' is not installed; container collection waits for {}",
                    command.executable(), others);
            return;
        }
        Files.createDirectories(socket.getParent());
        owning = true;
        LOG.info("no Podman API socket answers ({}); running our own: {}", others, command.argv("system", "service"));
        synchronized (lock) {
            thread = new Thread(this::superviseLoop, "podwatch-podman-service");
            thread.setDaemon(true);
            thread.start();
        }
        awaitFirstAnswer();
    }

    /**
     * Gives the fresh service a few seconds to answer, so the events watcher and the first
     * collection do not start with a failure that is only the service booting.
     */
    private void awaitFirstAnswer() {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (SocketProbe.answers(socketUri(), PROBE)) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            LOG.debug("our Podman API service is not answering yet after {}; consumers will retry", READY_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void superviseLoop() {
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long startedNs = System.nanoTime();
            try {
                Process p = spawn();
                int exit = p.waitFor();
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                }
                boolean ranLong = System.nanoTime() - startedNs > MAX_BACKOFF.toNanos();
                failures = ranLong ? 0 : failures + 1;
                long backoffMs = RESTART.delay(failures).toMillis();
                // Ctrl-C in the operator's terminal reaches the service too (same process group) while the
                // agent stops: wait out the backoff first, and say nothing if the agent closed us meanwhile
                TimeUnit.MILLISECONDS.sleep(backoffMs);
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                }
                LOG.warn("our Podman API service exited with {} {} ms ago; restarting it (log: {})", exit, backoffMs,
                        logFile());
                restarts.increment();
                continue;
            } catch (IOException e) {
                failures++;
                LOG.warn("cannot start {}: {}; retrying in {} ms", command.executable(), e.getMessage(),
                        RESTART.delay(failures).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(RESTART.delay(failures).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            restarts.increment();
        }
    }

    private Process spawn() throws IOException {
        Files.deleteIfExists(socket);
        List<String> argv = new ArrayList<>(command.argv("system", "service", "--time=0", socketUri().toString()));
        SETSID.ifPresent(setsid -> argv.add(0, setsid));
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectErrorStream(true).redirectOutput(logFile().toFile());
        pb.environment().putAll(command.env());
        synchronized (lock) {
            if (closed) {
                throw new IOException("closed");
            }
            process = pb.start();
            return process;
        }
    }

    private Path logFile() {
        return socket.resolveSibling("podman-service.log");
    }

    @Override
    public void close() {
        Thread t;
        Process p;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
            p = process;
        }
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // a stale socket file is harmless: the next start deletes it
        }
    }
}
