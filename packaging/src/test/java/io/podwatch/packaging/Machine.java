package io.podwatch.packaging;

import io.podwatch.collectors.testing.PodmanHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian bookworm "host" with a real init system, run as a privileged container in the test
 * harness's own Podman storage: the host's JRE (/usr/lib/jvm, /etc/java-17-openjdk) read-only,
 * the built packages at /pkg read-only, and the harness's Podman API socket as the machine's
 * rootful /run/podman/podman.sock, so the agent inside sees the harness's containers.
 */
final class Machine implements AutoCloseable {
    /** One command's outcome inside the machine. */
    record Result(int code, String out, String err) {
        boolean ok() {
            return code == 0;
        }
    }

    private final PodmanHarness podman;
    private final String name;

    private Machine(PodmanHarness podman, String name) {
        this.podman = podman;
        this.name = name;
    }

    /**
     * Imports {@code rootfs} (once per harness) and starts the machine with {@code init} as its
     * command after {@code runArgs} (the init-specific flags).
     */
    static Machine start(PodmanHarness podman, Path rootfs, Path packages, List<String> runArgs, List<String> init) {
        String image = "localhost/podwatch-it-" + rootfs.getFileName().toString().replace(".tar", "") + ":latest";
        if (podman.podman("images", "-q", image).isBlank()) {
            podman.podman("import", rootfs.toString(), image);
        }
        String name = "pwsvc-" + Long.toHexString(System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--name", name, "--hostname", "podwatch-it",
                "-v", "/usr/lib/jvm:/usr/lib/jvm:ro", "-v", "/etc/java-17-openjdk:/etc/java-17-openjdk:ro",
                "-v", packages + ":/pkg:ro", "-v", podman.socketPath() + ":/run/podman/podman.sock"));
        cmd.addAll(runArgs);
        cmd.add(image);
        cmd.addAll(init);
        podman.podman(cmd.toArray(String[]::new));
        return new Machine(podman, name);
    }

    /** Runs {@code sh -c script} inside; never throws on a non-zero exit. */
    Result sh(String script) {
        List<String> cmd = new ArrayList<>(List.of("podman", "--root", podman.dir().resolve("root").toString(),
                "--runroot", podman.dir().resolve("runroot").toString(), "exec", name, "sh", "-c", script));
        try {
            Path out = Files.createTempFile(podman.dir(), "exec", ".out");
            Path err = Files.createTempFile(podman.dir(), "exec", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(podman.env());
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out in " + name + ": " + script);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).trim(),
                    Files.readString(err, StandardCharsets.UTF_8).trim());
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot exec in " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code script}, failing with its output unless it exits 0; returns stdout. */
    String ok(String script) {
        Result r = sh(script);
        if (!r.ok()) {
            throw new AssertionError("in " + name + ": `" + script + "` exited " + r.code() + "\nstdout: " + r.out()
                    + "\nstderr: " + r.err());
        }
        return r.out();
    }

    /** Copies a host file into the machine. */
    void copyIn(Path file, String target) {
        podman.podman("cp", file.toString(), name + ":" + target);
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            podman.podman("rm", "-f", "-t", "0", name);
        } catch (RuntimeException e) {
            // best effort: the harness removes every container of its storage on close
        }
    }
}
