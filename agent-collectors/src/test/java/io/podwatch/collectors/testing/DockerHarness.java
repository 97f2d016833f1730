package io.podwatch.collectors.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real, private Docker Engine for integration tests: {@code dockerd} with its own data root,
 * exec root, socket and pidfile under a fresh temp dir, no iptables and no bridge (containers run
 * with {@code --network none}), and a busybox image imported with {@code ENV PATH=/bin} (no registry
 * is reachable). The daemon is stopped and everything removed in {@link #close()}.
 */
public final class DockerHarness implements AutoCloseable {
    public static final String IMAGE = "podwatch-test:latest";

    private final Path dir;
    private final Path socket;
    private Process daemon;

    private DockerHarness(Path dir) {
        this.dir = dir;
        this.socket = dir.resolve("d.sock");
    }

    /** Skips (or fails, strict) unless root, dockerd, its containerd and runc and a static busybox are here. */
    public static void assumeAvailable() {
        Host.assume(true, "dockerd", "docker", "containerd", "runc", "tar");
        if (!Files.isExecutable(Path.of("/bin/busybox"))) {
            Host.assume(true, "busybox");
        }
    }

    /** Starts the daemon, waits until it answers, imports the test image. */
    public static DockerHarness start() throws IOException, InterruptedException {
        assumeAvailable();
        // short path: unix socket paths are limited to 108 bytes
        DockerHarness h = new DockerHarness(Files.createTempDirectory(Path.of("/tmp"), "pwd-"));
        try {
            h.startDaemon();
            h.docker("import", "--change", "ENV PATH=/bin", PodmanHarness.busyboxTar(h.dir).toString(), IMAGE);
        } catch (IOException | RuntimeException | InterruptedException e) {
            h.close();
            throw e;
        }
        return h;
    }

    private void startDaemon() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("dockerd", "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "-H", socketUri(), "--iptables=false",
                "--bridge=none", "--pidfile", dir.resolve("d.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile());
        daemon = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            if (Files.exists(socket)) {
                try {
                    docker("version", "--format", "{{.Server.Version}}");
                    return;
                } catch (RuntimeException notYet) {
                    // the socket exists before the API answers
                }
            }
            if (System.nanoTime() > deadline || !daemon.isAlive()) {
                throw new IOException("dockerd did not answer on " + socket + ": " + Files.readString(
                        dir.resolve("dockerd.log")));
            }
            Thread.sleep(100);
        }
    }

    /** Runs {@code docker -H SOCKET args}; returns stdout. */
    public String docker(String... args) {
        return Host.run(Map.of(), command(args));
    }

    /** The argv of a docker CLI call against this daemon (for tests that run it with a login uid). */
    public List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", socketUri()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** {@code docker run -d --network none [args] IMAGE sh -c script}; returns the container id. */
    public String runDetached(List<String> runArgs, String script) {
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--network", "none"));
        cmd.addAll(runArgs);
        cmd.addAll(List.of(IMAGE, "sh", "-c", script));
        return docker(cmd.toArray(String[]::new)).trim();
    }

    public String socketUri() {
        return "unix://" + socket;
    }

    public Path dir() {
        return dir;
    }

    /** Removes every container, stops the daemon (and the containerd it started), removes the dirs; never throws. */
    @Override
    public void close() {
        try {
            String ids = docker("ps", "-aq").trim();
            if (!ids.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(Arrays.asList(ids.split("\\s+")));
                docker(rm.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            // best effort: the daemon may already be gone
        }
        if (daemon != null) {
            daemon.destroy(); // SIGTERM: dockerd stops its containerd and shims
            try {
                if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            PodmanHarness.unmountBelow(dir);
            Host.run(Map.of(), List.of("rm", "-rf", dir.toString()));
        } catch (IOException | RuntimeException e) {
            // best effort: the temp dir stays for inspection
        }
    }
}
